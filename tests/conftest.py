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


@pytest.fixture
def media_root(settings, tmp_path):
    """Stored files go to a temporary MEDIA_ROOT, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def clerk(django_user_model):
    """A clerk as `create_clerk` makes one: in the clerks' group, the admin open to them."""
    from django.contrib.auth.models import Group

    from minutes.roles import CLERK_GROUP

    user = django_user_model.objects.create_user(
        "sekreterare", password="hemligt-lösen-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name=CLERK_GROUP))
    return user


@pytest.fixture
def clerk_client(client, clerk):
    """The client, signed in as `clerk`."""
    client.force_login(clerk)
    return client
