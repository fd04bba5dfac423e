"""`manage.py create_clerk` makes a staff user in the clerks' group, or says why not."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from minutes.roles import CLERK_GROUP


@pytest.mark.django_db
def test_clerk_can_upload_but_is_not_a_superuser(monkeypatch):
    monkeypatch.setenv("CLERK_PW", "Rätt-långt-lösen-42")
    call_command("create_clerk", "anna", "--password-env", "CLERK_PW")
    user = get_user_model().objects.get(username="anna")
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name=CLERK_GROUP).exists()
    assert user.has_perm("minutes.add_meeting") and user.has_perm("minutes.change_clause")
    assert user.check_password("Rätt-långt-lösen-42")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [("", "är tom"), ("123", "för kort")],  # empty variable; a password the validators refuse
)
def test_bad_passwords_are_refused_and_nothing_is_created(monkeypatch, password, message):
    monkeypatch.setenv("CLERK_PW", password)
    with pytest.raises(CommandError, match=message):
        call_command("create_clerk", "bertil", "--password-env", "CLERK_PW")
    assert not get_user_model().objects.filter(username="bertil").exists()


@pytest.mark.django_db
def test_an_existing_username_is_refused(monkeypatch):
    get_user_model().objects.create_user("anna")
    monkeypatch.setenv("CLERK_PW", "Rätt-långt-lösen-42")
    with pytest.raises(CommandError, match="finns redan"):
        call_command("create_clerk", "anna", "--password-env", "CLERK_PW")
