"""The home page and the clerks' sign-in render, in Swedish, with the stylesheet."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage

from minutes import models


@pytest.mark.django_db
def test_home_page_is_swedish_semantic_and_lists_published_meetings(client, meeting):
    models.Meeting.objects.create(
        committee=meeting.committee,
        date=dt.date(2024, 6, 2),
        sha256="f" * 64,
        is_published=False,
    )
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    for landmark in ("<header", "<nav", "<main", "<footer", 'role="search"'):
        assert landmark in html
    assert '<label for="sok-q">' in html
    assert "14 maj 2024" in html, "the published meeting is listed"
    assert "2 juni 2024" not in html, "an unpublished meeting is not public"
    assert response.context["counts"]["meetings"] == 1


@pytest.mark.django_db
def test_stylesheet_is_served_by_whitenoise(client):
    url = staticfiles_storage.url("css/site.css")
    assert url != "/static/css/site.css", "hashed name from the manifest in production mode"
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"--accent" in body


@pytest.mark.django_db
def test_admin_and_clerk_login_pages_render(client):
    assert client.get("/admin/login/").status_code == 200
    response = client.get("/konto/logga-in/")
    assert response.status_code == 200
    assert "Användarnamn" in response.content.decode()


@pytest.mark.django_db
def test_admin_requires_sign_in(client):
    response = client.get("/admin/minutes/meeting/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_health_check_answers_whatever_the_host(client):
    response = client.get("/healthz/", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.content == b"ok"
