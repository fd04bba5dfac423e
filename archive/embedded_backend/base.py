"""PostgreSQL backend that starts the embedded cluster on the first connection.

Settings stay cheap to import: commands that never connect (collectstatic,
parse_protocol, makemigrations --check) do not start a database server.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import parse_qs, urlsplit

from django.db.backends.postgresql import base

from archive import embedded_db


@cache
def _server_host() -> str:
    # Once per process: start or find the cluster and learn its socket directory.
    url = urlsplit(embedded_db.database_url())
    return parse_qs(url.query)["host"][0]


class DatabaseWrapper(base.DatabaseWrapper):
    """The stock PostgreSQL wrapper, pointed at the embedded cluster's socket."""

    def get_connection_params(self) -> dict:
        params = super().get_connection_params()
        params["host"] = _server_host()
        return params
