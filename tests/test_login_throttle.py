"""Login throttling (django-axes) and the password hasher's cost parameters."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/konto/logga-in/"
ADMIN_LOGIN = "/admin/login/"
PASSWORD = "ett-långt-lösenord-för-test"
LOCKED = "Inloggningen är spärrad"


def post_login(client: Client, url: str, username: str, password: str, address: str):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_twenty_times(client: Client, url: str, username: str, address: str) -> None:
    for attempt in range(20):
        response = post_login(client, url, username, f"fel-{attempt}", address)
        assert response.status_code in (200, 429)


@pytest.fixture
def clerk() -> User:
    return User.objects.create_user("anna", password=PASSWORD, is_staff=True)


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_twenty_wrong_logins_lock_the_account_with_a_swedish_page(client, clerk, url):
    fail_twenty_times(client, url, "anna", "192.0.2.10")

    response = post_login(client, url, "anna", PASSWORD, "192.0.2.10")

    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page
    assert "15 minuter" in page
    assert '<html lang="sv">' in page  # the site's own page, not a bare text
    assert "_auth_user_id" not in client.session


def test_the_locked_account_stays_locked_from_another_address(client, clerk):
    fail_twenty_times(client, LOGIN, "anna", "192.0.2.10")

    response = post_login(Client(), LOGIN, "anna", PASSWORD, "198.51.100.7")

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_the_locked_address_cannot_sign_in_another_account(client, clerk):
    User.objects.create_user("bertil", password=PASSWORD, is_staff=True)
    fail_twenty_times(client, LOGIN, "nobody", "192.0.2.10")

    response = post_login(Client(), LOGIN, "bertil", PASSWORD, "192.0.2.10")

    assert response.status_code == 429


def test_another_account_from_another_address_still_signs_in(client, clerk):
    User.objects.create_user("bertil", password=PASSWORD, is_staff=True)
    fail_twenty_times(client, LOGIN, "anna", "192.0.2.10")
    other = Client()

    response = post_login(other, LOGIN, "bertil", PASSWORD, "198.51.100.7")

    assert response.status_code == 302
    assert other.session["_auth_user_id"] == str(User.objects.get(username="bertil").pk)


def test_nineteen_wrong_logins_leave_the_right_password_working(client, clerk):
    for attempt in range(19):
        post_login(client, LOGIN, "anna", f"fel-{attempt}", "192.0.2.10")

    response = post_login(client, LOGIN, "anna", PASSWORD, "192.0.2.10")

    assert response.status_code == 302


def test_new_passwords_use_modest_argon2_and_old_hashes_are_upgraded_at_login(client):
    user = User.objects.create_user("cecilia")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()

    response = post_login(client, LOGIN, "cecilia", PASSWORD, "192.0.2.20")

    assert response.status_code == 302
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    # Argon2id, version 19, 19 MiB, two passes, one lane.
    assert user.password.split("$")[2:4] == ["v=19", "m=19456,t=2,p=1"]
    assert user.password.startswith("argon2$argon2id$")


def test_a_forged_forwarded_address_does_not_escape_the_lock(client, clerk):
    for attempt in range(20):
        client.post(
            LOGIN,
            {"username": f"gissning-{attempt}", "password": "fel"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )

    response = post_login(Client(), LOGIN, "anna", PASSWORD, "192.0.2.10")

    assert response.status_code == 429


def test_behind_the_proxy_each_forwarded_client_is_counted_apart(client, clerk, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = "172.18.0.5"
    for attempt in range(20):
        client.post(
            LOGIN,
            {"username": f"gissning-{attempt}", "password": "fel"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    other = Client()

    response = other.post(
        LOGIN,
        {"username": "anna", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )

    assert response.status_code == 302
