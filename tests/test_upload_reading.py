"""An upload is parsed once and its reading kept for review and publishing; an upload that
would cost more than a protocol to read is refused on the upload page, leaving nothing.

Real PostgreSQL throughout; only the parser is wrapped, to count its readings. The upload
is parsed in a forked child (services.bounded_parse), so the count goes through a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.hostile_inputs import docx_bomb, pdf_bomb
from minutes import models
from minutes.parsing import FORMAT_VERSION, api
from tests.test_clerk_web import publish, stored_files, upload, upload_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def parse_count(monkeypatch, tmp_path):
    """How many times a file's text has been parsed, in this process or a forked child."""
    log = tmp_path / "parsed.log"
    log.touch()
    parse_text = api.parse_text

    def counted(*args, **kwargs):
        with log.open("a") as handle:
            handle.write("parsed\n")
        return parse_text(*args, **kwargs)

    monkeypatch.setattr(api, "parse_text", counted)
    return lambda: len(log.read_text().splitlines())


def test_upload_review_and_publish_parse_the_file_once(clerk_client, parse_count):
    pending = upload_fixture(clerk_client)
    assert pending.reading["format_version"] == FORMAT_VERSION
    review = clerk_client.get(f"/protokollforare/granska/{pending.pk}/").content.decode()
    assert "§ 51 Bidrag till studieförbund 2025" in review
    response = publish(clerk_client, pending)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = models.Meeting.objects.get()
    assert sorted(meeting.items.values_list("number", flat=True)) == [50, 51, 52]
    assert parse_count() == 1


def test_a_reading_of_an_older_format_is_read_again_from_the_file(clerk_client, parse_count):
    pending = upload_fixture(clerk_client)
    models.Upload.objects.filter(pk=pending.pk).update(
        reading={**pending.reading, "format_version": FORMAT_VERSION - 1, "items": []}
    )
    review = clerk_client.get(f"/protokollforare/granska/{pending.pk}/").content.decode()
    assert "§ 51 Bidrag till studieförbund 2025" in review
    assert parse_count() == 2


def test_an_upload_from_before_readings_were_kept_is_published(clerk_client, parse_count):
    pending = upload_fixture(clerk_client)
    models.Upload.objects.filter(pk=pending.pk).update(reading=None)
    assert publish(clerk_client, pending).status_code == 302
    assert models.Meeting.objects.get().items.count() == 3


@pytest.mark.parametrize(
    ("build", "name", "message"),
    [
        (lambda: pdf_bomb(inflated=200_000_000), "bomb.pdf", "kräver mer minne"),
        (lambda: docx_bomb(claimed=1_100_000_000), "bomb.docx", "packas upp till 1100 MB"),
    ],
    ids=["pdf-stream-inflating-to-200-MB", "docx-claiming-1.1-GB"],
)
def test_a_file_that_would_cost_too_much_is_refused_and_leaves_nothing(
    clerk_client, settings, media_root, build, name, message
):
    settings.UPLOAD_PARSE_MEMORY_BYTES = 100_000_000
    response = upload(clerk_client, build(), name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not models.Upload.objects.exists()
    assert stored_files(Path(media_root)) == []


def test_a_file_that_reads_too_slowly_is_refused(clerk_client, settings, monkeypatch):
    settings.UPLOAD_PARSE_SECONDS = 0.5

    def slow(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(api, "parse_text", slow)
    response = upload(clerk_client, b"Kommunstyrelsen\n\xc2\xa7 1 \xc3\x84rende\n")
    assert response.status_code == 400
    assert "tar för lång tid att läsa (mer än 0.5 sekunder)" in response.content.decode()
    assert not models.Upload.objects.exists()


def test_a_parser_bug_is_a_message_not_a_server_error(clerk_client, monkeypatch):
    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(api, "parse_text", broken)
    response = upload(clerk_client, b"Kommunstyrelsen\n\xc2\xa7 1 \xc3\x84rende\n")
    assert response.status_code == 400
    assert "oväntat fel vid tolkningen (IndexError)" in response.content.decode()
    assert not models.Upload.objects.exists()


def test_a_stored_file_read_again_is_held_to_the_upload_limits(clerk_client, settings, monkeypatch):
    """An upload from before readings were kept is parsed again on review and publish: in
    the bounded child, so a file that has become too costly is a message, not a worker
    stuck in the parser."""
    pending = upload_fixture(clerk_client)
    models.Upload.objects.filter(pk=pending.pk).update(reading=None)
    settings.UPLOAD_PARSE_SECONDS = 0.5

    def slow(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(api, "parse_text", slow)
    review = clerk_client.get(f"/protokollforare/granska/{pending.pk}/")
    assert review.status_code == 200
    assert "tar för lång tid att läsa (mer än 0.5 sekunder)" in review.content.decode()
    response = publish(clerk_client, pending)
    assert "tar för lång tid att läsa" in response.content.decode()
    assert not models.Meeting.objects.exists()
