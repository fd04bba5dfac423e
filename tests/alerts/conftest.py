"""Fixtures of the alerts tests: a local SMTP server, an archive to publish into, and a
follower who has confirmed a search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.http import QueryDict

from alerts.models import Subscription
from alerts.selectors import followed_search
from alerts.services.subscribing import subscription_confirm, subscription_request
from tests.smtp_sink import SmtpSink, smtp_server
from tests.test_importing import import_path

PROTOCOLS = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"
UTSKOTT = PROTOCOLS / "import_utskott_2024-03-05.txt"  # § 13 on 24RS1234, § 14 ambulansflyg
STYRELSE = PROTOCOLS / "import_styrelse_2024-04-10.txt"  # § 46 on 24RS1234


@pytest.fixture
def smtp(settings) -> Iterator[SmtpSink]:
    settings.SITE_URL = "http://testserver"
    with smtp_server(settings) as sink:
        yield sink


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> None:
    """Stored protocol files go to a temporary MEDIA_ROOT, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def publish(path: Path, **options):
    """Import (and publish) a protocol file, as `import_minutes` does."""
    return import_path(path, **options).meeting


def follow(address: str, query: str, frequency: str = "immediate") -> Subscription:
    """Ask to follow the search `query` (a URL query string) as the form does."""
    search = followed_search(QueryDict(query))
    assert search is not None
    return subscription_request(email=address, search=search, frequency=frequency)


def follow_confirmed(address: str, query: str, frequency: str = "immediate") -> Subscription:
    return subscription_confirm(subscription=follow(address, query, frequency))
