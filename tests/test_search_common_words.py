"""A word held by a large share of the archive is found by testing rows, not through its
GIN bitmap (minutes.search.query.ItemSearch.first_ids): the same hits, the newest first."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from minutes.search import query as search
from minutes.services.search_index import update_search_vectors
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(monkeypatch):
    """40 items over 40 weeks; 'vårdplan' in 29 of them, 'hamnplan' in one, a reservation
    on every third. Rows are made cheap to test, as they are against a large archive's
    bitmaps, so that 29 of 40 counts as common."""
    monkeypatch.setattr(search, "ROW_TEST_COST", 0.01)
    committee = factories.CommitteeFactory()
    party = factories.PartyFactory(abbreviation="V", name="Vänsterpartiet")
    items = []
    for n in range(40):
        meeting = factories.MeetingFactory(
            committee=committee, date=dt.date(2020, 1, 6) + dt.timedelta(weeks=n)
        )
        title = "Vårdplan för äldre" if n % 4 else "Trafikplan"
        if n == 4:
            title = "Hamnplan för Ekby"
        item = factories.ItemFactory(meeting=meeting, title=title)
        if n % 3 == 0:
            factories.ReservationFactory(item=item, party=party)
        items.append(item)
    update_search_vectors()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE minutes_item")
    return items


def plain_hits(query: str, **filters: str) -> set[int]:
    found = search.item_search(query=query, filters=filters)
    return set(found.matches.values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("matches", "published", "common"),
    [
        (128_000, 1_000_000, True),  # a word in 13 % of a million items
        (50_000, 1_000_000, False),  # 5 %: its bitmap is cheaper than 20,000 row tests
        (20_000, 100_000, False),  # 20 % of a small archive: the bitmap is small too
        (30_000, 100_000, True),
        (300_000, 10_000_000, True),  # 3 % of ten million
    ],
)
def test_rows_are_tested_when_that_is_cheaper_than_the_bitmap(matches, published, common):
    assert search.rows_beat_bitmap(matches, published) is common


def test_a_common_word_gives_the_same_hits_newest_first(archive):
    found = search.item_search(query="vårdplan", filters={})
    assert set(found.first_ids) == plain_hits("vårdplan")
    by_id = search.Item.objects.in_bulk(found.first_ids)
    dates = [by_id[pk].meeting_date for pk in found.first_ids]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("intersect_limit", [search.INTERSECT_LIMIT, 0])
@pytest.mark.parametrize(
    "filters",
    [
        {"reservation": "ja", "ar": "2020"},  # a tag: intersected in the index, or rows
        {"ar": "2020"},  # no tag: rows tested
        {"parti": "V"},
        {"reservation": "nej"},  # a tag's absence: no index serves it
    ],
)
def test_a_common_word_with_filters_gives_the_same_hits(
    archive, monkeypatch, filters, intersect_limit
):
    monkeypatch.setattr(search, "INTERSECT_LIMIT", intersect_limit)
    found = search.item_search(query="vårdplan", filters=filters)
    assert found.first_ids
    assert set(found.first_ids) == plain_hits("vårdplan", **filters)
    assert set(search.item_search(query="vårdplan -äldre", filters={}).first_ids) == set()


def test_only_filters_on_tags_an_item_must_carry_are_read_from_the_index():
    def requires_tag(**filters: str) -> bool:
        return search.ItemFilter(filters, queryset=search.Item.objects.all()).requires_tag

    assert requires_tag(typ="beslutar", ar="2020")
    assert requires_tag(reservation="ja")
    assert not requires_tag(reservation="nej")
    assert not requires_tag(ar="2020", huvudman="")
