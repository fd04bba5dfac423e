"""Stored originals download as attachments typed by their content, never by their name."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.base import ContentFile

from tests import factories as f

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert('xss')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def download(client, *, name: str, data: bytes):
    meeting = f.MeetingFactory(source_filename=name)
    meeting.source_file.save(name, ContentFile(data), save=True)
    response = client.get(f"{meeting.get_absolute_url()}protokoll/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    return response


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Protokoll")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "content_type", "saved_as"),
    [
        # A text file named for a browser to render is served as plain text to save.
        ("protokoll.html", HTML, "text/plain", "protokoll.html.txt"),
        ("bild.svg", SVG, "text/plain", "bild.svg.txt"),
        ("protokoll.txt", "Protokoll § 1".encode(), "text/plain", "protokoll.txt"),
        ("protokoll.pdf", b"%PDF-1.7\n%protokoll", "application/pdf", "protokoll.pdf"),
        # A PDF with a misleading name gets the PDF type and suffix.
        ("protokoll.html", b"%PDF-1.7\n%protokoll", "application/pdf", "protokoll.html.pdf"),
        # Binary bytes that are none of the accepted kinds: a plain download.
        ("bild.svg", b"\x89PNG\r\n\x1a\n\x00\x00binary", "application/octet-stream", "bild.svg"),
    ],
)
def test_an_original_is_an_attachment_typed_by_its_content(
    client, name, data, content_type, saved_as
):
    response = download(client, name=name, data=data)

    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{saved_as}"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_word_document_gets_the_docx_type(client):
    response = download(client, name="protokoll.svg", data=docx_bytes())

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="protokoll.svg.docx"'
