"""The result pages rank the best matches (or a very common word's newest), never the
first stored: the page's order does not depend on the order protocols were imported in
(minutes.search.query.ItemSearch.ranked_window)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutes.search import query as search
from minutes.search.query import item_search
from minutes.search.results import search_page
from minutes.services.search_index import update_search_vectors
from tests import factories

pytestmark = pytest.mark.django_db

WINDOW = 10


def _items(committee, count: int, first_day: dt.date, title: str, text: str) -> list[int]:
    ids = []
    for n in range(count):
        meeting = factories.MeetingFactory(committee=committee, date=first_day + dt.timedelta(n))
        ids.append(factories.ItemFactory(meeting=meeting, title=title, text=text).pk)
    return ids


@pytest.fixture
def stored_worst_first(settings):
    """40 items about a remiss, stored in this order: 20 old ones that name it once in
    passing, 10 from 2022 about the remiss itself, 10 of the newest that name it once.
    The window is lowered to 10, so the first 10 stored are neither best nor newest."""
    settings.SEARCH_RANK_WINDOW = WINDOW
    committee = factories.CommitteeFactory()
    passing = "Protokollet justerades. Ärendet har varit på remiss hos nämnden."
    about = "Remissen besvaras. Remiss om remissvar: nämnden lämnar remissyttrande."
    groups = {
        "old": _items(committee, 20, dt.date(2020, 1, 1), "Information", passing),
        "best": _items(committee, 10, dt.date(2022, 1, 1), "Remiss om taxor", about),
        "newest": _items(committee, 10, dt.date(2024, 1, 1), "Information", passing),
    }
    update_search_vectors()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE minutes_item")
    return groups


def _page_ids(query: str) -> list[int]:
    page = search_page(item_search(query=query, filters={}), page=1, per_page=WINDOW)
    assert page.paginator.count == 40
    return [item.pk for item in page.object_list]


def _stored_order(query: str) -> list[int]:
    matches = item_search(query=query, filters={}).matches
    return list(matches.order_by("pk").values_list("pk", flat=True))


def test_the_page_ranks_every_match_when_more_match_than_the_window(
    stored_worst_first, monkeypatch
):
    monkeypatch.setattr(search, "RANK_COST", 0.0)  # ranking every match is always cheaper
    every_match_ranked = list(
        item_search(query="remiss", filters={}).items.values_list("pk", flat=True)[:WINDOW]
    )
    shown = _page_ids("remiss")
    assert shown == every_match_ranked
    assert set(shown) == set(stored_worst_first["best"])
    assert shown != _stored_order("remiss")[:WINDOW]


def test_a_word_in_very_many_items_ranks_its_newest(stored_worst_first, monkeypatch):
    monkeypatch.setattr(search, "RANK_COST", 1e9)  # finding the newest is always cheaper
    shown = _page_ids("remiss")
    assert set(shown) == set(stored_worst_first["newest"])
    newest_ranked = item_search(query="remiss", filters={}).items.filter(pk__in=shown)
    assert shown == list(newest_ranked.values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("matches", "published", "plan"),
    [
        (3_000, 100_000, search.RANK),
        (8_000, 100_000, search.SLICE),
        (16_836, 100_000, search.WALK),  # `remiss` at 100k
        (5_000, 1_000_000, search.RANK),
        (18_608, 1_000_000, search.SLICE),  # `förskol` at 1M: 47 ms ranked, 24 ms sliced
        (77_000, 1_000_000, search.WALK),
    ],
)
def test_the_cheapest_plan_is_chosen_by_how_many_match(matches, published, plan):
    assert search.cheapest_plan(matches, published, 1_000) == plan


@pytest.fixture
def remiss_by_day(monkeypatch):
    """60 items on 60 days, analyzed (the slice is cut from the statistics); the first
    hits are lowered to 6 so a slice of the newest days can hold them."""
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "cheapest_plan", lambda *args: search.SLICE)
    committee = factories.CommitteeFactory()

    def stored(matching_days: range) -> list[int]:
        ids = []
        for day in range(60):
            meeting = factories.MeetingFactory(
                committee=committee, date=dt.date(2024, 1, 1) + dt.timedelta(day)
            )
            text = "Ärendet har varit på remiss." if day in matching_days else "Information."
            item = factories.ItemFactory(meeting=meeting, title="Ärende", text=text)
            if day in matching_days:
                ids.append(item.pk)
        update_search_vectors()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE minutes_item")
        return ids

    return stored


def _first_ids_and_sql(query: str) -> tuple[list[int], list[str]]:
    with CaptureQueriesContext(connection) as queries:
        ids = item_search(query=query, filters={}).first_ids
    return ids, [q["sql"] for q in queries.captured_queries if "ts_rank" in q["sql"]]


def test_the_newest_slice_finds_the_newest_matches(remiss_by_day):
    matching = remiss_by_day(range(0, 60, 2))  # every other day: not a common word
    ids, reads = _first_ids_and_sql("remiss")
    assert ids == matching[::-1][:6]
    assert len(reads) == 1 and '"meeting_date" >=' in reads[0]


def test_a_slice_that_holds_too_few_is_read_again_in_full(remiss_by_day):
    # Only the oldest twenty items match: the newest days hold none of them.
    matching = remiss_by_day(range(20))
    ids, reads = _first_ids_and_sql("remiss")
    assert ids == matching[::-1][:6]
    assert len(reads) == 2 and '"meeting_date" >=' not in reads[1]
