"""Shared fixtures: the tests run against the real PostgreSQL of the settings."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def committee(db):
    # Imported here, not at the top, so the pure-parser tests also run with -p no:django.
    from minutes import models

    body = models.Body.objects.create(name="Region Testvik", slug="region-testvik")
    return models.Committee.objects.create(body=body, name="Testnämnden", slug="testnamnden")


@pytest.fixture
def meeting(committee):
    from minutes import models

    return models.Meeting.objects.create(
        committee=committee,
        date=dt.date(2024, 5, 14),
        start_time=dt.time(9, 0),
        sha256="a" * 64,
    )
