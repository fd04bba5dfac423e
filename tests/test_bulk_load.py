"""The bulk load leaves what the ordinary importer would, or nothing at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import DataError, connection

from devtools.sample.generate import generate_protocol_texts
from minutes import models
from minutes.parsing import parse_text
from minutes.search import query as search
from minutes.services import bulk_copy
from minutes.services.bulk_load import protocols_bulk_load
from minutes.services.importing import meeting_import
from minutes.services.resolve import ImportCache
from minutes.warning_texts import in_swedish

pytestmark = pytest.mark.django_db

TEXTS = list(generate_protocol_texts(20, 11))


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Stored protocol files go to a temporary MEDIA_ROOT, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def table_counts() -> dict[str, int]:
    return {
        model._meta.db_table: model.objects.count()
        for model in apps.get_app_config("minutes").get_models(include_auto_created=True)
    }


def tag_names() -> dict[str, dict[int, str]]:
    """Tag prefix → the names of the ids that follow it."""
    parties = dict(models.Party.objects.values_list("pk", "abbreviation"))
    people = dict(models.Person.objects.values_list("pk", "name"))
    return {"person:": people, "party:": parties, "reserved-by:": parties}


def readable_tags(tags: list[str], names: dict[str, dict[int, str]]) -> list[str]:
    """An item's filter tags with the person and party ids replaced by names, sorted."""
    readable = []
    for tag in tags:
        prefix, _, key = tag.rpartition(":")
        ids = names.get(prefix + ":")
        readable.append(f"{prefix}:{ids[int(key)]}" if ids else tag)
    return sorted(readable)


def archive_snapshot() -> dict[str, object]:
    """What a reader can see, without ids: per table counts, and the rows that matter."""
    items = models.Item.objects.order_by("meeting__committee__name", "meeting__date", "number")
    names = tag_names()
    return {
        "counts": table_counts(),
        "meetings": sorted(
            models.Meeting.objects.values_list(
                "committee__name", "date", "start_time", "sha256", "parse_warnings", "chair"
            )
        ),
        "items": [
            (
                i.meeting.sha256,
                i.number,
                i.title,
                i.dnr,
                str(i.search_vector),
                str(i.phrase_vector),
                readable_tags(i.tags, names),
            )
            for i in items.select_related("meeting")
        ],
        "people": sorted(models.Person.objects.values_list("body__name", "name", "slug")),
        "cases": sorted(models.Case.objects.values_list("body__name", "key", "dnr")),
        "parties": sorted(models.Party.objects.values_list("abbreviation", "is_known")),
        "attendance": sorted(
            models.Attendance.objects.values_list(
                "meeting__sha256", "person__name", "party__abbreviation", "role", "position"
            )
        ),
        "reservations": sorted(
            models.Reservation.objects.values_list(
                "item__meeting__sha256", "item__number", "person__name", "party__abbreviation"
            )
        ),
        "clauses": sorted(
            models.Clause.objects.values_list(
                "decision__item__meeting__sha256", "decision__item__number", "position", "text"
            )
        ),
    }


def search_results(query: str, **filters: str) -> list[tuple[str, int]]:
    found = search.item_search(query=query, filters=filters)
    return list(found.items.values_list("meeting__sha256", "number")[:50])


def rebuilt_indexes_exist() -> bool:
    """True when every index the load rebuilds is there."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(bulk_copy.REBUILT_INDEXES)],
        )
        return cursor.fetchone()[0] == len(bulk_copy.REBUILT_INDEXES)


def load_with_importer() -> None:
    cache = ImportCache()
    for name, text in TEXTS:
        data = text.encode("utf-8")
        meeting_import(parsed=parse_text(text), data=data, filename=name, cache=cache)


def test_bulk_load_leaves_the_same_archive_as_the_importer():
    load_with_importer()
    imported = archive_snapshot()
    queries = ["budget", "regionstyrelsen", '"hälso- och sjukvårdsnämnden"', "avslag -budget"]
    imported_hits = {q: search_results(q) for q in queries}
    imported_filtered = search_results("beslutar", reservation="ja")
    tables = ", ".join(table_counts())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check what is pending first
        cursor.execute(f"TRUNCATE {tables} CASCADE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    stats = protocols_bulk_load(TEXTS, jobs=2)

    assert stats.protocols == 20
    assert stats.failed == [] and stats.skipped == []
    assert stats.items == imported["counts"]["minutes_item"] > 100
    loaded = archive_snapshot()
    for key in imported:
        assert loaded[key] == imported[key], key
    assert any(imported_hits.values())
    assert {q: search_results(q) for q in queries} == imported_hits
    assert search_results("beslutar", reservation="ja") == imported_filtered
    assert rebuilt_indexes_exist()
    # Every meeting's original file is kept, as the importer keeps it.
    meeting = models.Meeting.objects.first()
    assert meeting.source_file.read().decode("utf-8") == dict(TEXTS)[meeting.source_filename]


def test_bulk_loaded_warnings_are_stored_as_data_with_codes():
    """The parser's warnings and the importer's own (an unknown party) go through COPY."""
    fixture = Path(__file__).parent / "fixtures" / "protocols" / "import_utskott_2024-03-05.txt"
    protocols_bulk_load([TEXTS[0], (fixture.name, fixture.read_text(encoding="utf-8"))], jobs=1)
    stored = dict(models.Meeting.objects.values_list("source_filename", "parse_warnings"))
    assert "furniture_removed" in [w["code"] for w in stored[TEXTS[0][0]]]
    assert {
        "code": "import_party_unknown",
        "message": "unknown party 'BLP': stored and flagged as unknown",
        "item": None,
        "count": 1,
        "params": {"party": "BLP"},
    } in stored[fixture.name]
    for warnings in stored.values():
        for warning in warnings:
            assert set(warning) == {"code", "message", "item", "count", "params"}
            assert in_swedish(warning) != warning["message"], "rendered in Swedish"


def test_a_second_load_of_the_same_files_adds_nothing():
    protocols_bulk_load(TEXTS[:5], jobs=1)
    before = table_counts()
    stats = protocols_bulk_load(TEXTS[:5], jobs=1)
    assert stats.protocols == 0 and len(stats.skipped) == 5
    assert table_counts() == before


def test_unreadable_texts_are_reported_and_the_rest_loaded():
    stats = protocols_bulk_load([("tom.txt", "   "), *TEXTS[:3]], jobs=1)
    assert stats.protocols == 3
    assert [name for name, _ in stats.failed] == ["tom.txt"]


def test_a_failure_midway_leaves_nothing_behind(monkeypatch, media):
    protocols_bulk_load(TEXTS[:2], jobs=1)
    before = table_counts()
    files_before = sorted(p for p in media.rglob("*") if p.is_file())
    copied = []
    real_copy = bulk_copy.rows_copy

    def failing_copy(rows):
        if copied:  # the first batch is written, the second fails
            raise RuntimeError("disk full")
        copied.append(real_copy(rows))
        return copied[-1]

    monkeypatch.setattr("minutes.services.bulk_load.rows_copy", failing_copy)
    monkeypatch.setattr("minutes.services.bulk_load.BATCH_PROTOCOLS", 5)
    with pytest.raises(RuntimeError, match="disk full"):
        protocols_bulk_load(TEXTS[2:], jobs=1)

    assert copied and copied[0]["minutes_item"] > 0
    assert table_counts() == before
    assert rebuilt_indexes_exist()
    assert sorted(p for p in media.rglob("*") if p.is_file()) == files_before


def test_a_failed_insert_of_the_items_leaves_nothing_behind(monkeypatch, media):
    """The items' INSERT runs in a thread of its own; its failure still undoes the load."""
    protocols_bulk_load(TEXTS[:2], jobs=1)
    before = table_counts()
    files_before = sorted(p for p in media.rglob("*") if p.is_file())

    def failing_insert(cursor):
        cursor.execute("SELECT 1 / 0")

    monkeypatch.setattr("minutes.services.bulk_load.staged_items_insert", failing_insert)
    with pytest.raises(DataError, match="division by zero"):
        protocols_bulk_load(TEXTS[2:6], jobs=1)

    assert table_counts() == before
    assert rebuilt_indexes_exist()
    assert sorted(p for p in media.rglob("*") if p.is_file()) == files_before


def test_a_protocol_without_items_is_reported_and_the_rest_loaded():
    name, text = TEXTS[0]
    header = re.split(r"^(?:#+\s*|\*\*)?§\s?\d+", text, maxsplit=1, flags=re.MULTILINE)[0]
    assert parse_text(header).items == ()

    stats = protocols_bulk_load([TEXTS[1], (name, header)], jobs=1)

    assert stats.protocols == 1
    assert [(failed, "saknar paragrafer" in why) for failed, why in stats.failed] == [(name, True)]
    assert not models.Meeting.objects.filter(source_filename=name).exists()
    assert rebuilt_indexes_exist()
