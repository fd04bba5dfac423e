"""Full-text search over the published items: the query, its bound filters and the
matching rows in result order.

One `swedish` configuration everywhere (services.search_index.SEARCH_CONFIG): in the stored
vector, the query and the headline, or highlighting silently breaks. Only published
meetings are ever searched. Matches are counted up to COUNT_CAP; the result pages rank
every match, or of a word in many items its newest settings.SEARCH_RANK_WINDOW, never the
first stored (docs/performance.md says why).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
)
from django.db.models import (
    BooleanField,
    Expression,
    F,
    Func,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast
from django.utils.functional import cached_property

from ..models import Item
from ..selectors.browse import published_items
from .expansion import Expansion, exact_query, query_expand
from .filters import ItemFilter
from .phrases import only_phrases, phrase_pairs_query
from .slices import newest_slice_start

# What testing one row's in-row vector costs against one entry of a word's GIN bitmap
# (docs/performance.md): decides when a word's matches are found by testing rows instead
# (`rows_beat_bitmap`).
ROW_TEST_COST = 6.0
# A common word and a tag filter whose estimated joint matches are at most this many are
# intersected in their shared GIN index; more, and testing rows finds the first
# COUNT_CAP + 1 sooner (`ItemSearch._intersected_in_index`).
INTERSECT_LIMIT = 30_000
# Beyond this many hits an exact total costs a scan of every match and helps no reader.
COUNT_CAP = 1_000
# What ranking one match costs against testing one row on the newest-first walk
# (docs/performance.md): decides whether a word's window is every match ranked or its
# newest matches (`cheapest_plan`).
RANK_COST = 2.0
# What one item of a date range costs in the bitmap of the newest slice, against testing a
# row on the walk (docs/performance.md; `slice_cost`): 0.04 µs in `item_published_date_idx`
# against about 1 µs.
RANGE_COST = 0.04
# The plans of `cheapest_plan`: every match ranked, the newest of the newest slice, the walk.
RANK, SLICE, WALK = "rank", "slice", "walk"
# The newest slice is cut to hold this many times the matches the first hits need, were the
# matches spread evenly over time: a word commoner in older protocols, or one the planner
# overestimates, still fills it. A slice that falls short is read again in full.
SLICE_MARGIN = 2.0


def rank_window() -> int:
    """How many matches the result pages list at most (settings.SEARCH_RANK_WINDOW)."""
    return settings.SEARCH_RANK_WINDOW


@dataclass(frozen=True)
class ItemSearch:
    """A search: the query, its bound filters and the matching items in result order."""

    query: str
    filterset: ItemFilter
    items: QuerySet[Item]
    search_query: SearchQuery | None = None
    # The same rows unordered and unranked: what counting and facets need.
    matches: QuerySet[Item] | None = None
    # The phrases' word pairs (minutes.search.phrases) that narrow the matches, as a tsquery.
    pairs: str | None = None
    # The compounds and inflected forms the words were widened to (minutes.search.expansion).
    expansion: Expansion | None = None

    @property
    def is_empty(self) -> bool:
        """True when neither words nor filters were given: nothing to list."""
        return not self.query and not self.filterset.active_values

    @cached_property
    def first_ids(self) -> list[int]:
        """Ids of the first COUNT_CAP + 1 matches (see `_first_hits`)."""
        return [hit[0] for hit in self._first_hits]

    @cached_property
    def ranked_window(self) -> list[int]:
        """The ids the result pages list, best first: rank, then newest, then id (the
        order `_ranked` gives in SQL). The first hits come best first or newest first
        (`_ordered_matches`), so the first `rank_window()` of them are the ones to list."""
        return _best_first(self._first_hits[: rank_window()])

    @cached_property
    def _first_hits(self) -> list[tuple]:
        """The first COUNT_CAP + 1 matches: (id, rank, meeting date), or (id,) without words.

        The capped count, the ranking window and the facets all read this one list, so a
        common word's hundreds of thousands of matches are looked up once per page, not
        three times, and each hit is ranked in the same pass that finds it. The hits are
        the best or the newest (`_ordered_matches`), never the first stored. Filters alone
        are listed newest first and fetched so: the planner walks the newest-first index
        for a filter many items pass (`reservation=ja`, a tenth of them) and sorts a rare
        one's few.
        """
        if self.search_query is None:
            return list(self.items.values_list("pk")[: COUNT_CAP + 1])
        ordered, in_full = self._ordered_matches()
        hits = _hits(ordered)
        if in_full is not None and len(hits) <= COUNT_CAP:
            hits = _hits(in_full)  # the newest slice held too few
        return hits

    def _ordered_matches(self) -> tuple[QuerySet[Item], QuerySet[Item] | None]:
        """The matches with their rank, best first, or newest first where finding the
        newest costs less than ranking every match; and, when they are read from the
        newest slice, what to read instead if it holds too few.

        A common word (`rows_beat_bitmap`) is walked newest first by testing rows
        (`_newest_matches`) unless a tag filter leaves it few matches
        (`_intersected_in_index`). Every other search takes the cheapest plan
        (`cheapest_plan`) for its estimated matches: all of them ranked, the newest of the
        newest slice, or the walk. Their matches are found in the GIN index (with a tag
        filter, intersected in it; a phrase, through its word pairs' index).
        """
        published = published_items().order_by()
        published_rows = _estimated_rows(published)
        if self.pairs is not None:
            # The pairs' estimate: the planner takes the phrase's row test for a third.
            found = _estimated_rows(self.filterset.qs.order_by().filter(_pairs_match(self.pairs)))
            return self._cheapest(found, published_rows)
        word_rows = _estimated_rows(published.filter(search_vector=self.search_query))
        found = _estimated_rows(self.matches) if self.filterset.active_values else word_rows
        common = rows_beat_bitmap(word_rows, published_rows)
        if common and not self._intersected_in_index(found):
            return _newest_matches(self), None
        return self._cheapest(found, published_rows)

    def _cheapest(
        self, found: float, published: float
    ) -> tuple[QuerySet[Item], QuerySet[Item] | None]:
        """The matches in the order of the cheapest plan for `found` of them. The newest
        slice is the items of meetings since the date from which the newest SLICE_MARGIN ·
        (COUNT_CAP + 1) · published / found items were held; should it hold too few, the
        matches are read in full, ranked or walked, whichever costs less."""
        ranked = _best_first_order(self.matches.order_by(), self)
        plan = cheapest_plan(found, published, COUNT_CAP)
        if plan == WALK:
            return _newest_matches(self), None
        if plan == RANK:
            return ranked, None
        start = newest_slice_start(SLICE_MARGIN * (COUNT_CAP + 1) / max(found, 1))
        if start is None:
            return ranked, None
        walked = walk_cost(found, published, COUNT_CAP) < RANK_COST * found
        return _newest_since(self, start), _newest_matches(self) if walked else ranked

    def _intersected_in_index(self, found: float) -> bool:
        """True when a tag filter leaves a common word few enough matches that the GIN
        index holding both (`Item.Meta.indexes`) should intersect them as it is read.

        Few joint matches are cheapest intersected in the index; a bitmap of many (a tag of
        most items, `typ=beslutar`) costs more than testing rows until the first thousand
        are found (docs/performance.md has the figures).
        """
        return self.filterset.requires_tag and found <= INTERSECT_LIMIT


def _with_rank(items: QuerySet[Item], search: ItemSearch) -> QuerySet[Item]:
    return items.annotate(rank=_rank(search.search_query, search.expansion))


def _best_first_order(items: QuerySet[Item], search: ItemSearch) -> QuerySet[Item]:
    return _with_rank(items, search).order_by("-rank", "-meeting_date", "pk")


def _hits(matches: QuerySet[Item]) -> list[tuple]:
    return list(matches.values_list("pk", "rank", "meeting_date")[: COUNT_CAP + 1])


def walk_cost(matches: float, published: float, window: int) -> float:
    """What finding the newest `window` + 1 of `matches` by walking the `published` items
    newest first costs, in rows tested: about (window + 1) · published / matches."""
    return (window + 1) * max(published, 1) / max(matches, 1)


def slice_cost(matches: float, published: float, window: int) -> float:
    """What finding the newest `window` + 1 of `matches` in the newest slice costs, in rows
    tested on the walk: the words' bitmap (an entry costs 1 / ROW_TEST_COST of a row), the
    slice's date range (RANGE_COST an item) and ranking the matches in the slice."""
    wanted = SLICE_MARGIN * (window + 1)
    matches = max(matches, 1)
    return matches / ROW_TEST_COST + RANGE_COST * wanted * published / matches + RANK_COST * wanted


def cheapest_plan(matches: float, published: float, window: int) -> str:
    """RANK, SLICE or WALK: whichever finds the first `window` + 1 of `matches` hits among
    `published` items at the least cost. Ranking reads every match (RANK_COST each); with
    a window of 1,000 it is cheapest up to about 3,500 matches of 100,000 items and 8,000
    of a million, the slice from there to about 14,500 and 63,500, the walk beyond."""
    costs = {
        RANK: RANK_COST * matches,
        SLICE: slice_cost(matches, published, window),
        WALK: walk_cost(matches, published, window),
    }
    return min(costs, key=costs.__getitem__)


def _best_first(hits: list[tuple]) -> list[int]:
    """The ids of (id, rank, meeting date) hits by rank, then newest, then id."""
    return [pk for pk, _, _ in sorted(hits, key=lambda h: (-h[1], -h[2].toordinal(), h[0]))]


def _estimated_rows(items: QuerySet[Item]) -> float:
    """The planner's estimate of how many rows `items` has (planning only, no execution)."""
    plan = json.loads(items.explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"]


def rows_beat_bitmap(matches: float, published: float) -> bool:
    """True when testing rows finds the first COUNT_CAP + 1 of `matches` hits among
    `published` items cheaper than building the words' bitmap of all of them.

    Testing rows newest first reads about (COUNT_CAP + 1) · published / matches rows,
    the bitmap holds every match: rows win when matches² ≥ ROW_TEST_COST · (COUNT_CAP + 1)
    · published. A word is common from 8 % of a million items on, from 24 % of 100,000,
    from 2.5 % of ten million.
    """
    return matches * matches >= ROW_TEST_COST * (COUNT_CAP + 1) * max(published, 1)


def _newest_since(search: ItemSearch, start: dt.date) -> QuerySet[Item]:
    """The matches of meetings held on or after `start`, newest first, with their rank:
    found where the words' index and the date range of `item_published_date_idx` meet."""
    matches = search.matches.filter(meeting_date__gte=start)
    return _with_rank(matches.order_by("-meeting_date", "meeting_id", "number"), search)


def _newest_matches(search: ItemSearch) -> QuerySet[Item]:
    """The matches newest first with their rank, found by testing rows rather than by
    the words' GIN bitmap.

    A word in hundreds of thousands of items costs tens of milliseconds of GIN bitmap
    before a row is read (docs/performance.md), while testing a row's in-row vector
    costs about a microsecond and enough rows hold it (`rows_beat_bitmap`). The word is
    tested as a plain function call, which no index serves, so PostgreSQL walks the
    newest-first index (testing the filters' tags from it) or, for a filter few items
    pass, starts from the filter's own index and sorts its items.
    """
    tested = search.filterset.qs.filter(_RowMatch(F("search_vector"), search.search_query))
    newest = tested.order_by("-meeting_date", "meeting_id", "number")
    return _with_rank(newest, search)


def item_search(
    *,
    query: str,
    filters: Mapping[str, str],
    exact: bool = False,
    within: QuerySet[Item] | None = None,
) -> ItemSearch:
    """Published items matching the words of `query` and the URL `filters`, best first.

    The query language is PostgreSQL's websearch syntax (`"exakt fras"`, `-ord`, `OR`);
    without words the filtered items come newest first. Unless `exact`, each word also
    finds its compounds and inflected forms (minutes.search.expansion). `within` narrows
    the published items searched (the alerts search only what was published since their
    last mail).
    """
    query = " ".join(query.split())
    filterset = ItemFilter(filters, queryset=published_items() if within is None else within)
    items = filterset.qs
    if not query:
        return ItemSearch(
            query="",
            filterset=filterset,
            items=items.order_by("-meeting_date", "meeting_id", "number"),
            matches=items.order_by(),
        )
    expansion = None if exact else query_expand(query)
    search_query = exact_query(query) if expansion is None else expansion.search_query
    pairs = phrase_pairs_query(query)
    if pairs is None:
        matches = items.filter(search_vector=search_query).order_by()
    else:
        matches = _narrowed_by_pairs(items, query, search_query, pairs)
    return ItemSearch(
        query=query,
        filterset=filterset,
        items=_ranked(matches, _rank(search_query, expansion)),
        search_query=search_query,
        matches=matches,
        pairs=pairs,
        expansion=expansion,
    )


def _narrowed_by_pairs(
    items: QuerySet[Item], query: str, search_query: SearchQuery, pairs: str
) -> QuerySet[Item]:
    """Items holding the phrases' word pairs (an index lookup) and matching the query.

    When the phrases hold every word the query asks for, the words are tested in the
    rows the pairs' index yields: a stock phrase's two words each fill a GIN bitmap of
    tens of thousands of items that the pairs already narrowed exactly. Other words keep
    their index, which can narrow further.
    """
    if only_phrases(query):
        items = items.filter(_RowMatch(F("search_vector"), search_query))
    else:
        items = items.filter(search_vector=search_query)
    return items.filter(_pairs_match(pairs)).order_by()


def _pairs_match(pairs: str) -> _Matches:
    """`phrase_vector @@ pairs`: the items holding the phrases' word pairs."""
    return _Matches(F("phrase_vector"), Cast(Value(pairs), SearchQueryField()))


class _RowMatch(Func):
    """`ts_match_vq(vector, query)`: the `@@` test as a function call, which no index can
    serve, so the planner tests rows instead of building the words' bitmap."""

    function = "ts_match_vq"
    output_field = BooleanField()


class _Matches(Func):
    """`vector @@ query` for a query already written as a tsquery (Django's lookup would
    parse it again with plainto_tsquery)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _rank(search_query: SearchQuery, expansion: Expansion | None) -> Expression:
    """An item's rank for the words: with widened words, the exact ones first."""
    if expansion is not None:
        return expansion.rank
    return SearchRank(F("search_vector"), search_query)


def _ranked(items: QuerySet[Item], rank: Expression) -> QuerySet[Item]:
    return items.alias(rank=rank).order_by("-rank", "-meeting_date", "pk")


def search_window(search: ItemSearch) -> QuerySet[Item] | list[int]:
    """What the result pages list, as ids: the best `rank_window()` matches
    (`ItemSearch.ranked_window`). Without words the filtered items come newest first,
    which needs no cut.
    """
    if search.search_query is None:
        return search.items.values_list("pk", flat=True)
    return search.ranked_window
