"""Shared fixtures: the tests run against the real PostgreSQL of the settings."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes import models


@pytest.fixture
def committee(db) -> models.Committee:
    body = models.Body.objects.create(name="Region Testvik", slug="region-testvik")
    return models.Committee.objects.create(body=body, name="Testnämnden", slug="testnamnden")


@pytest.fixture
def meeting(committee) -> models.Meeting:
    return models.Meeting.objects.create(
        committee=committee,
        date=dt.date(2024, 5, 14),
        start_time=dt.time(9, 0),
        sha256="a" * 64,
    )
