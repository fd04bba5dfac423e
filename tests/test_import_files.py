"""Imports that die cleanly: server-side timeouts on the import's session, no stored file
left by a failed import, and `cleanup_files` for what older versions or killed runs left."""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import OperationalError, connection

from minutes import models
from minutes.services import uploads
from tests import factories as f

FIXTURES = Path(__file__).parent / "fixtures" / "protocols"
PROTOCOL = FIXTURES / "import_utskott_2024-03-05.txt"
DAY = 24 * 3600

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def session_limits() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement = cursor.fetchone()[0]
        cursor.execute("SHOW idle_in_transaction_session_timeout")
        return {"statement": statement, "idle": cursor.fetchone()[0]}


def seen_inside(monkeypatch, target: str) -> list[dict[str, str]]:
    """Record the session's limits each time the command calls `target`, then call it."""
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)
    seen: list[dict[str, str]] = []

    def recording(*args, **kwargs):
        seen.append(session_limits())
        return real(*args, **kwargs)

    monkeypatch.setattr(target, recording)
    return seen


def test_each_file_is_imported_under_both_timeouts_and_they_are_reset_after(
    monkeypatch, tmp_path, settings
):
    settings.IMPORT_STATEMENT_TIMEOUT = "20min"
    settings.IMPORT_IDLE_IN_TRANSACTION_TIMEOUT = "12s"
    shutil.copy(PROTOCOL, tmp_path / PROTOCOL.name)
    seen = seen_inside(monkeypatch, "minutes.management.commands.import_minutes.meeting_import")

    call_command("import_minutes", str(tmp_path / PROTOCOL.name), jobs=1, stdout=io.StringIO())

    assert seen == [{"statement": "20min", "idle": "12s"}]
    assert models.Meeting.objects.count() == 1
    assert session_limits() == {"statement": "0", "idle": "0"}


def test_a_bulk_load_runs_under_the_bulk_idle_timeout(monkeypatch, tmp_path, settings):
    settings.IMPORT_STATEMENT_TIMEOUT = "45min"
    settings.BULK_IDLE_IN_TRANSACTION_TIMEOUT = "4min"
    shutil.copy(PROTOCOL, tmp_path / PROTOCOL.name)
    seen = seen_inside(
        monkeypatch, "minutes.management.commands.import_minutes.protocols_bulk_load"
    )

    call_command("import_minutes", str(tmp_path), bulk=True, jobs=1, stdout=io.StringIO())

    assert seen == [{"statement": "45min", "idle": "4min"}]
    assert models.Meeting.objects.count() == 1


def test_a_statement_past_the_timeout_is_ended_by_the_server(settings):
    from minutes.services.import_session import import_session_limited

    with (
        pytest.raises(OperationalError, match="statement timeout"),
        import_session_limited(statement_timeout="200ms", idle_timeout="10s"),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_sleep(5)")


def test_a_publish_failing_after_the_import_leaves_no_file_behind(monkeypatch, media):
    clerk = User.objects.create_user("anna", is_staff=True)
    data = PROTOCOL.read_bytes()
    pending = uploads.upload_create(data=data, filename="protokoll.txt", user=clerk)
    before = stored(media)
    real_save = models.Upload.save

    def failing_save(self, *args, **kwargs):
        if "status" in (kwargs.get("update_fields") or ()):
            raise RuntimeError("disken är full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(models.Upload, "save", failing_save)
    with pytest.raises(RuntimeError, match="disken är full"):
        uploads.upload_publish(upload=pending, user=clerk)

    assert not models.Meeting.objects.exists()
    assert stored(media) == before  # only the upload's own file


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_cleanup_files_lists_orphans_and_deletes_them_only_when_asked(media):
    kept = f.MeetingFactory()
    kept.source_file.save("kvar.txt", io.BytesIO(b"protokoll"), save=True)
    orphan = media / "protokoll" / "2024" / "forlorad.txt"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"en fil utan rad")
    young = media / "protokoll" / "2024" / "pagaende.txt"
    young.write_bytes(b"en import skriver den just nu")
    for path in (media / kept.source_file.name, orphan):
        age(path, 2 * DAY)

    listed = io.StringIO()
    call_command("cleanup_files", stdout=listed)

    assert "protokoll/2024/forlorad.txt" in listed.getvalue()
    assert "Filer utan rad i databasen: 1 (inget borttaget" in listed.getvalue()
    assert kept.source_file.name not in listed.getvalue()
    assert orphan.exists()

    deleted = io.StringIO()
    call_command("cleanup_files", "--delete", stdout=deleted)

    assert "Borttagna: 1 filer" in deleted.getvalue()
    assert not orphan.exists()
    assert (media / kept.source_file.name).exists()
    assert young.exists()  # younger than a day: an import may be about to name it
