"""A request whose declared body is too large is refused before anything reads it."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from minutes import models

MB = 1_000_000


class WatchedBody(io.BytesIO):
    """A request body that remembers whether anything read it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.was_read = False

    def read(self, *args) -> bytes:
        self.was_read = True
        return super().read(*args)

    def readline(self, *args) -> bytes:
        self.was_read = True
        return super().readline(*args)


def post_declaring(client, path: str, length: int) -> tuple[object, WatchedBody]:
    """POST a multipart body that declares `length` bytes; the response and the body."""
    body = WatchedBody(b"--x--\r\n")
    response = client.generic(
        "POST",
        path,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body},
    )
    return response, body


@pytest.mark.django_db
def test_an_anonymous_300_mb_post_is_refused_unread_with_a_swedish_page(client):
    response, body = post_declaring(client, reverse("minutes:home"), 300 * MB)
    assert response.status_code == 413
    html = response.content.decode()
    assert "<h1>För stor förfrågan</h1>" in html
    assert "Det som skickades (300 MB) är större än arkivet tar emot här (högst 5.2 MB)" in html
    assert not body.was_read


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/protokollforare/ladda-upp/", "/admin/minutes/meeting/add/"])
def test_pages_that_take_a_file_accept_the_upload_limit_and_refuse_more(client, path):
    over, body = post_declaring(client, path, 28 * MB)
    assert over.status_code == 413
    assert "(högst 27.2 MB)" in over.content.decode()
    assert not body.was_read
    within, _ = post_declaring(client, path, 20 * MB)
    assert within.status_code == 302, "an anonymous visitor is sent to sign in"
    assert not models.Upload.objects.exists()


@pytest.mark.django_db
def test_a_form_without_a_file_keeps_the_small_limit(client):
    response, _ = post_declaring(client, reverse("login"), 6 * MB)
    assert response.status_code == 413
    assert "(högst 5.2 MB)" in response.content.decode()
