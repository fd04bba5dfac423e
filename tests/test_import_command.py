"""`manage.py import_minutes` and `manage.py rebuild_search` as an operator runs them."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from minutes import models

FIXTURES = Path(__file__).parent / "fixtures" / "protocols"
PROTOCOLS = ("import_utskott_2024-03-05.txt", "import_styrelse_2024-04-10.txt")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder tree of protocols, one of them in a subfolder, and a file to ignore."""
    root = tmp_path / "protokoll"
    (root / "2024").mkdir(parents=True)
    shutil.copy(FIXTURES / PROTOCOLS[0], root / PROTOCOLS[0])
    shutil.copy(FIXTURES / PROTOCOLS[1], root / "2024" / PROTOCOLS[1])
    (root / "README.rst").write_text("inte ett protokoll", encoding="utf-8")
    return root


def run(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_minutes", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_a_folder_is_imported_recursively_with_a_summary(folder):
    out, _ = run(folder, jobs=1)
    assert "Importerade: 2, oförändrade: 0, ersatta: 0, misslyckade: 0" in out
    assert sorted(models.Meeting.objects.values_list("committee__name", flat=True)) == [
        "Hälso- och sjukvårdsutskottet",
        "Regionstyrelsen",
    ]
    assert models.Meeting.objects.published().count() == 2


def test_a_second_run_changes_nothing(folder):
    run(folder, jobs=1)
    items = models.Item.objects.count()
    out, _ = run(folder, jobs=1)
    assert "Importerade: 0, oförändrade: 2, ersatta: 0, misslyckade: 0" in out
    assert models.Item.objects.count() == items
    assert models.ImportRecord.objects.count() == 2


def test_parsing_in_worker_processes_gives_the_same_archive(folder):
    out, _ = run(folder, jobs=2)
    assert "Importerade: 2," in out
    assert models.Case.objects.get(key="rs20241234").items.count() == 2


def test_a_corrected_file_is_counted_as_replaced(folder, tmp_path):
    run(folder, jobs=1)
    text = (folder / PROTOCOLS[0]).read_text(encoding="utf-8")
    fixed = tmp_path / "rattad.txt"
    fixed.write_text(text.replace("ambulansflyget.", "ambulansflyget från 2025."), "utf-8")
    out, _ = run(fixed, jobs=1)
    assert "Importerade: 0, oförändrade: 0, ersatta: 1, misslyckade: 0" in out
    assert models.Meeting.objects.count() == 2


def test_failed_files_are_reported_with_their_reason_and_the_run_fails(folder, tmp_path):
    (folder / "tom.txt").write_bytes(b"")
    (folder / "utan_organ.txt").write_text(
        "§ 1 Val av justerare\n\nBeslut\n\natt utse Eva Lind att justera.\n", "utf-8"
    )
    missing = tmp_path / "finns-inte.pdf"
    with pytest.raises(CommandError, match="3 filer kunde inte importeras"):
        run(folder, missing, jobs=1)
    assert models.Meeting.objects.count() == 2
    assert not models.Meeting.objects.filter(source_filename__in=["tom.txt", "utan_organ.txt"])


def test_the_summary_names_each_failed_file(folder):
    (folder / "tom.txt").write_bytes(b"")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_minutes", str(folder), jobs=1, stdout=out, stderr=err)
    assert "Importerade: 2, oförändrade: 0, ersatta: 0, misslyckade: 1" in out.getvalue()
    failed = [line for line in err.getvalue().splitlines() if "tom.txt" in line]
    assert len(failed) == 1 and failed[0].split("tom.txt: ", 1)[1].strip()


def test_unpublished_option_keeps_meetings_from_the_public(folder):
    run(folder, jobs=1, unpublished=True)
    assert models.Meeting.objects.count() == 2
    assert not models.Meeting.objects.published().exists()


def test_a_backlog_is_bulk_loaded_into_the_same_archive(folder):
    run(folder, jobs=1)
    imported = sorted(models.Item.objects.values_list("meeting__date", "number", "title"))
    models.Meeting.objects.all().delete()

    out, _ = run(folder, "--bulk", jobs=2)

    items = models.Item.objects.count()
    assert f"Importerade: 2 ({items} paragrafer), hoppade över: 0, misslyckade: 0" in out
    assert sorted(models.Item.objects.values_list("meeting__date", "number", "title")) == imported
    assert models.Case.objects.get(key="rs20241234").items.count() == 2
    assert sorted(models.Meeting.objects.values_list("source_filename", flat=True)) == sorted(
        PROTOCOLS
    )


def test_a_bulk_load_skips_what_is_stored_and_names_what_failed(folder, tmp_path):
    run(folder, "--bulk", jobs=1)
    (folder / "tom.txt").write_bytes(b"")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 filer kunde inte importeras"):
        call_command("import_minutes", str(folder), "--bulk", jobs=1, stdout=out, stderr=err)
    assert "Importerade: 0 (0 paragrafer), hoppade över: 2, misslyckade: 1" in out.getvalue()
    assert "filen finns redan i arkivet" in out.getvalue()
    assert "tom.txt: " in err.getvalue()
    assert models.Meeting.objects.count() == 2


def test_a_bulk_load_replaces_nothing_so_keeps_no_corrections(folder):
    with pytest.raises(CommandError, match="--keep-corrections"):
        run(folder, "--bulk", "--keep-corrections", jobs=1)
    assert not models.Meeting.objects.exists()


def test_rebuild_search_recomputes_every_vector(folder):
    run(folder, jobs=1)
    models.Item.objects.update(search_vector=None)
    out = io.StringIO()
    call_command("rebuild_search", batch_size=2, stdout=out)
    assert f"för {models.Item.objects.count()} paragrafer" in out.getvalue()
    assert not models.Item.objects.filter(search_vector__isnull=True).exists()
