"""Every spelling of a diarienummer finds its case: year first or organ last, with or
without a classification code, in the search box and the API's `?dnr=`; and migration
0017 rewrote the keys stored before, merging a body's cases that turn out to be one."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection

from minutes import models
from minutes.parsing.dnr import find_dnrs, normalize_dnr
from tests import factories

pytestmark = pytest.mark.django_db

# (as the protocol printed it, as a reader types it)
SPELLINGS = [
    # Region Västernorrland's glued series, typed organ first with the full year
    ("23RS1203", "RS 2023/1203"),
    # serial before the year in print, year first and lower case when typed
    ("HSN 571-2024", "hsn 2024/571"),
    # organ first in print, organ last (Formpipe Meetings Plus) when typed
    ("KS 2026/288", "2026.288 KS"),
    # and the other way round
    ("2026.288 KS", "KS 2026-288"),
    # slash and colon
    ("KS 2025/74", "KS/2025:74"),
    # printed with a classification code, typed without
    ("BUN-2020/602.912", "BUN-2020/602"),
]


@pytest.fixture
def meeting():
    return factories.MeetingFactory()


def _item_with_case(meeting, printed: str) -> tuple[models.Item, models.Case]:
    # As the importer links them: the key of the number the parser read.
    (read,) = find_dnrs(f"Dnr {printed}")
    case = factories.CaseFactory(body=meeting.committee.body, dnr=read, key=normalize_dnr(read))
    item = factories.ItemFactory(meeting=meeting, title="Ärende med diarienummer", dnr=[read])
    item.cases.add(case)
    return item, case


@pytest.mark.parametrize(("printed", "typed"), SPELLINGS)
def test_the_search_box_finds_the_case_in_every_spelling(client, meeting, printed, typed):
    _, case = _item_with_case(meeting, printed)
    response = client.get("/sok/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()


@pytest.mark.parametrize(("printed", "typed"), SPELLINGS)
def test_the_api_finds_the_items_in_every_spelling(client, meeting, printed, typed):
    item, _ = _item_with_case(meeting, printed)
    factories.ItemFactory(meeting=meeting, title="Annat ärende")
    data = client.get("/api/v1/items/", {"dnr": typed}).json()
    assert [row["id"] for row in data["results"]] == [item.pk]


def test_another_serial_is_another_case(client, meeting):
    _item_with_case(meeting, "BUN-2020/602.912")
    assert client.get("/api/v1/items/", {"dnr": "BUN-2020/6021"}).json()["count"] == 0


def _compact(printed: str) -> str:
    """A key as stored before migration 0017: the number's letters and digits."""
    return "".join(ch for ch in printed.casefold() if ch.isalnum())


def test_the_migration_rekeys_stored_cases_and_merges_a_bodys_spellings(meeting):
    body = meeting.committee.body
    other = factories.BodyFactory()
    printed = [p for p, _ in SPELLINGS] + ["ÅRN 12/2024", "00123/2021 2.6.", "T2012-050-05828"]
    cases = [factories.CaseFactory(body=body, dnr=p, key=_compact(p)) for p in printed]
    # The same case printed two ways in one body, and the number in another body.
    twin = factories.CaseFactory(body=body, dnr="RS 2023/1203", key="rs20231203")
    elsewhere = factories.CaseFactory(body=other, dnr="23RS1203", key="23rs1203")
    first = factories.ItemFactory(meeting=meeting)
    second = factories.ItemFactory(meeting=meeting)
    first.cases.add(cases[0])
    second.cases.add(twin, cases[1])
    migration = importlib.import_module("minutes.migrations.0017_case_keys_by_parts")
    with connection.cursor() as cursor:
        cursor.execute(migration.KEY_FUNCTION + migration.REKEY)
    for case in models.Case.objects.exclude(pk=twin.pk):
        assert case.key == normalize_dnr(case.dnr), case.dnr
    assert not models.Case.objects.filter(pk=twin.pk).exists()
    merged = models.Case.objects.get(body=body, key="rs20231203")
    assert merged.pk == cases[0].pk
    assert set(merged.items.all()) == {first, second}
    assert set(second.cases.all()) == {merged, cases[1]}
    elsewhere.refresh_from_db()
    assert elsewhere.key == "rs20231203"
