"""Server-side limits on the database session an import runs in.

A statement that waits too long (behind another session's lock) and a transaction left
idle (its importer killed while forked parse workers keep the socket open) are ended by
PostgreSQL itself, releasing their locks, whatever happened to the process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

LIMITS = ("statement_timeout", "idle_in_transaction_session_timeout")


@contextmanager
def import_session_limited(*, statement_timeout: str, idle_timeout: str) -> Iterator[None]:
    """Set both timeouts (PostgreSQL units: `30min`, `10s`; `0` = none) on this session for
    the block, and restore the server's defaults after it."""
    values = dict(zip(LIMITS, (statement_timeout, idle_timeout), strict=True))
    with connection.cursor() as cursor:
        for name, value in values.items():
            cursor.execute("SELECT set_config(%s, %s, false)", [name, value])
    try:
        yield
    finally:
        # A session the server ended (what the limits are for) has nothing to restore.
        if not connection.needs_rollback and connection.is_usable():
            with connection.cursor() as cursor:
                for name in LIMITS:
                    cursor.execute(f"RESET {name}")
