"""The result pages rank the best matches (or a very common word's newest), never the
first stored: the page's order does not depend on the order protocols were imported in
(minutes.search.query.ItemSearch.ranked_window)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

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
    ("matches", "published", "ranked_whole"),
    [
        (16_836, 100_000, False),  # `remiss` at 100k: its newest 1,000 are found sooner
        (5_000, 100_000, True),
        (20_000, 1_000_000, True),
        (77_000, 1_000_000, False),
    ],
)
def test_every_match_is_ranked_while_that_is_cheaper_than_finding_the_newest(
    matches, published, ranked_whole
):
    assert search.rank_beats_walk(matches, published, 1_000) is ranked_whole
