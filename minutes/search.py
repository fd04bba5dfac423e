"""Search selectors: full-text search over items, diarienummer lookup, result pages (the
facets are in minutes.facets).

One `swedish` configuration everywhere (minutes.search_index.SEARCH_CONFIG): in the stored
vector, the query and the headline, or highlighting silently breaks. Only published
meetings are ever searched. Paging, counting and highlighting sit behind `search_page` so
the scale work can swap the count or the paging (keyset) without touching the views.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryField,
    SearchRank,
)
from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from .filters import ItemFilter
from .models import Case, Clause, Decision, Item, Reservation, Yrkande
from .parsing.dnr import normalize_dnr
from .search_index import SEARCH_CONFIG
from .search_phrases import only_phrases, phrase_pairs_query
from .selectors_browse import published_items

PAGE_SIZE = 20
# What testing one row's in-row vector costs against one entry of a word's GIN bitmap
# (≈ 1.5 µs against ≈ 0.23 µs at a million items, docs/performance.md): decides when a
# word's matches are found by testing rows instead (`rows_beat_bitmap`).
ROW_TEST_COST = 6.0
# A common word and a tag filter whose estimated joint matches are at most this many are
# intersected in their shared GIN index; more, and testing rows finds the first
# COUNT_CAP + 1 sooner (`ItemSearch._intersected_in_index`).
INTERSECT_LIMIT = 30_000
# Beyond this many hits an exact total costs a scan of every match and helps no reader:
# counting 10,000 matches of a common word took 40 ms at 100,000 items, 1,000 take 4 ms.
COUNT_CAP = 1_000
# The result pages rank at most this many matches of a common word's hundreds of
# thousands. Ranking reads every ranked row's vector; ranking every match of a common
# word is what makes full-text search slow at scale (docs/performance.md).
RANK_WINDOW = COUNT_CAP
CASE_PREFIX_LIMIT = 20
EXPORT_CHUNK = 500
# The exports stop after this many rows, best first. They run at ≈ 0.4 ms a row: every
# match of a common word (140,000 for `avtal` at a million items) took 54 s, past the 30 s
# after which gunicorn ends a sync worker, and held one of the site's workers all along.
EXPORT_LIMIT = 10_000

# PostgreSQL wraps each match in these private-use characters; the text is escaped in
# Python and only then are they turned into <mark> tags (never trust ts_headline with HTML).
MARK_START, MARK_STOP = "\ue000", "\ue001"
# A snippet: up to two fragments of 12–30 words around the matches.
SNIPPET_OPTIONS = {
    "max_fragments": 2,
    "max_words": 30,
    "min_words": 12,
    "fragment_delimiter": " … ",
}


@dataclass(frozen=True)
class ItemSearch:
    """A search: the query, its bound filters and the matching items in result order."""

    query: str
    filterset: ItemFilter
    items: QuerySet[Item]
    search_query: SearchQuery | None = None
    # The same rows unordered and unranked: what counting and facets need.
    matches: QuerySet[Item] | None = None
    # True when the phrases' word pairs (minutes.search_phrases) narrow the matches.
    by_pairs: bool = False

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
        """The first RANK_WINDOW hits' ids, best first: rank, then newest, then id (the
        order `_ranked` gives in SQL, here over hits already fetched with their rank)."""
        hits = self._first_hits[:RANK_WINDOW]
        return [pk for pk, _, _ in sorted(hits, key=lambda h: (-h[1], -h[2].toordinal(), h[0]))]

    @cached_property
    def _first_hits(self) -> list[tuple]:
        """The first COUNT_CAP + 1 matches: (id, rank, meeting date), or (id,) without words.

        The capped count, the ranking window and the facets all read this one list, so a
        common word's hundreds of thousands of matches are looked up once per page, not
        three times, and each hit is ranked in the same pass that finds it. In the order
        the index yields them, no ORDER BY: ordered by id, PostgreSQL walks the primary
        key backwards and tests every item when a search has fewer matches than the cap
        (670 ms at 100,000 items for a word and a party filter); unordered, it stops after
        the cap, whatever the number of matches. A common word is the exception
        (`_common_word_matches`): its newest matches, by testing rows. Filters alone are
        listed newest first and fetched so: the planner walks the newest-first index for
        a filter many items pass (`reservation=ja`, a tenth of them: 27 → 12 ms at a
        million items) and sorts a rare one's few.
        """
        if self.search_query is None:
            return list(self.items.values_list("pk")[: COUNT_CAP + 1])
        matches = self.matches.order_by()
        if (
            not self.by_pairs
            and _is_common(self.search_query)
            and not self._intersected_in_index(matches)
        ):
            matches = _common_word_matches(self)
        ranked = matches.annotate(rank=SearchRank(F("search_vector"), self.search_query))
        return list(ranked.values_list("pk", "rank", "meeting_date")[: COUNT_CAP + 1])

    def _intersected_in_index(self, matches: QuerySet[Item]) -> bool:
        """True when a tag filter leaves a common word few enough matches that the GIN
        index holding both (`Item.Meta.indexes`) should intersect them as it is read.

        At a million items that took a common word with `typ=information` from 64 to
        4 ms (no item held both) and with `reservation=ja` from 39 to 25 ms; but a bitmap of
        100,000 joint matches (`typ=beslutar`, a tag of most items) cost 66 ms where
        testing rows found the first thousand in 22 (docs/performance.md).
        """
        return self.filterset.requires_tag and _estimated_rows(matches) <= INTERSECT_LIMIT


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


def _is_common(search_query: SearchQuery) -> bool:
    """True when the planner's estimates say the words' matches are best found by testing
    rows (`rows_beat_bitmap`)."""
    published = published_items().order_by()
    matches = _estimated_rows(published.filter(search_vector=search_query))
    return rows_beat_bitmap(matches, _estimated_rows(published))


def _common_word_matches(search: ItemSearch) -> QuerySet[Item]:
    """The matches of a common word, found by testing rows rather than by its GIN bitmap.

    A word in hundreds of thousands of items costs 35–70 ms of GIN bitmap at a million
    items before a row is read (docs/performance.md), while testing a row's in-row vector
    costs about a microsecond and enough rows hold it (`rows_beat_bitmap`). Without filters the
    newest-first index is walked (the window is then the newest hits); with filters the
    word is tested as a plain function call, which no index serves, so PostgreSQL starts
    from the filters' own index and tests their items.
    """
    if not search.filterset.active_values:
        return search.matches.order_by("-meeting_date", "meeting_id", "number")
    tested = _RowMatch(F("search_vector"), search.search_query)
    return search.filterset.qs.filter(tested).order_by()


def item_search(*, query: str, filters: Mapping[str, str]) -> ItemSearch:
    """Published items matching the words of `query` and the URL `filters`, best first.

    The query language is PostgreSQL's websearch syntax (`"exakt fras"`, `-ord`, `OR`);
    without words the filtered items come newest first.
    """
    query = " ".join(query.split())
    filterset = ItemFilter(filters, queryset=published_items())
    items = filterset.qs
    if not query:
        return ItemSearch(
            query="",
            filterset=filterset,
            items=items.order_by("-meeting_date", "meeting_id", "number"),
            matches=items.order_by(),
        )
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    pairs = phrase_pairs_query(query)
    if pairs is None:
        matches = items.filter(search_vector=search_query).order_by()
    else:
        matches = _narrowed_by_pairs(items, query, search_query, pairs)
    return ItemSearch(
        query=query,
        filterset=filterset,
        items=_ranked(matches, search_query),
        search_query=search_query,
        matches=matches,
        by_pairs=pairs is not None,
    )


def _narrowed_by_pairs(
    items: QuerySet[Item], query: str, search_query: SearchQuery, pairs: str
) -> QuerySet[Item]:
    """Items holding the phrases' word pairs (an index lookup) and matching the query.

    When the phrases hold every word the query asks for, the words are tested in the
    rows the pairs' index yields: a stock phrase's two words each fill a GIN bitmap of
    tens of thousands of items that the pairs already narrowed exactly (26 of 42 ms at a
    million items). Other words keep their index, which can narrow further.
    """
    if only_phrases(query):
        items = items.filter(_RowMatch(F("search_vector"), search_query))
    else:
        items = items.filter(search_vector=search_query)
    narrowed = _Matches(F("phrase_vector"), Cast(Value(pairs), SearchQueryField()))
    return items.filter(narrowed).order_by()


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


def _ranked(items: QuerySet[Item], search_query: SearchQuery) -> QuerySet[Item]:
    return items.alias(rank=SearchRank(F("search_vector"), search_query)).order_by(
        "-rank", "-meeting_date", "pk"
    )


def search_window(search: ItemSearch) -> QuerySet[Item] | list[int]:
    """What the result pages list, as ids: the ranked best of the first RANK_WINDOW matches.

    Under RANK_WINDOW matches (most searches) this is every match, ranked; of a common
    word's hundreds of thousands, the first RANK_WINDOW of `first_ids` are ranked.
    Without words the filtered items come newest first, which needs no cut.
    """
    if search.search_query is None:
        return search.items.values_list("pk", flat=True)
    return search.ranked_window


# --- Diarienummer -------------------------------------------------------------------------

# Letters, digits, spaces and the separators of diarienummer (`/ : - .`), after an
# optional `Dnr`/`Diarienummer` label; nothing else (no quotes, no §, no operators).
_DNR_QUERY_RE = re.compile(
    r"^(?:(?:dnr|diarienummer|diarienr)\.?:?\s*)?[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö /:.\-]*$",
    re.IGNORECASE,
)
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
# `budget 2024`, `vård 12`: a lower-case word and a bare number is a text search; an organ
# prefix before a bare number is written in capitals (`RS 2024`).
_WORD_AND_NUMBER_RE = re.compile(r"^[^\W\d_]+ \d+$")


def looks_like_dnr(query: str) -> bool:
    """True when `query` could be (the start of) a diarienummer in any spelling.

    It must hold digits and at least four letters-or-digits in all; its words are organ
    prefixes of at most six letters, at most two of them (`KS KF/2025:6`); a bare year
    (`2024`) or a lower-case word and a number (`budget 2024`) is a text search. A query
    taken for a dnr is still searched as text; it only adds a case lookup.
    """
    text = " ".join(query.split())
    if not text or len(text) > 60 or not _DNR_QUERY_RE.match(text):
        return False
    key = normalize_dnr(text)
    if len(key) < 4 or not any(ch.isdigit() for ch in key):
        return False
    if key.isdigit() and len(key) <= 4:
        return False
    if _WORD_AND_NUMBER_RE.match(text) and not text.split()[0].isupper():
        return False
    words = _LETTER_RUN_RE.findall(key)
    return len(words) <= 2 and all(len(word) <= 6 for word in words)


def _published_cases() -> QuerySet[Case]:
    """Cases with at least one item in a published meeting."""
    return Case.objects.filter(
        Exists(Item.cases.through.objects.filter(case=OuterRef("pk"), item__is_published=True))
    )


def exact_case_key(query: str, cases: list[Case]) -> str | None:
    """The key of the case in `cases` (from `cases_by_dnr_prefix`) the query names exactly.

    A key sorts before every longer key it starts, so the exact case is first in the
    prefix list when there is one: one index lookup answers both questions.
    """
    key = normalize_dnr(query) if cases else ""
    return key if cases and cases[0].key == key else None


def cases_by_dnr_prefix(query: str, *, limit: int = CASE_PREFIX_LIMIT) -> list[Case]:
    """Cases whose key starts with the query's key (`21RS76` → 21RS7612, 21RS7634 …).

    Empty unless the query looks like a diarienummer; the key's `varchar_pattern_ops`
    index serves the `LIKE 'prefix%'`.
    """
    if not looks_like_dnr(query):
        return []
    key = normalize_dnr(query)
    return list(
        _published_cases()
        .filter(key__startswith=key)
        .select_related("body")
        .order_by("key", "body__name")[:limit]
    )


# --- Result pages and highlighting --------------------------------------------------------


class CappedPaginator(Paginator):
    """A paginator whose count is given, capped at `cap`: it says when it stopped there.

    `count` is the number of hits up to `cap + 1` (counted by the search, see
    `ItemSearch.first_ids`); when `window` is set the pages end where it does.
    """

    def __init__(self, object_list, per_page, *, count: int, cap: int = COUNT_CAP, window=None):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.capped_count = count
        self.window = window

    @cached_property
    def count(self) -> int:
        return self.capped_count

    @cached_property
    def num_pages(self) -> int:
        shown = self.count if self.window is None else min(self.count, self.window)
        return max(1, math.ceil(shown / self.per_page))

    @property
    def is_capped(self) -> bool:
        """True when there are more hits than were counted."""
        return self.count > self.cap


def mark_matches(text: str) -> SafeString:
    """Escape `text` as HTML, then turn the headline's sentinels into <mark> tags."""
    escaped = str(conditional_escape(text or ""))
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


def _without_sentinels(expression) -> Func:
    # A protocol could hold the private-use sentinels itself; drop them before highlighting.
    return Func(
        expression,
        Value(MARK_START + MARK_STOP),
        Value(""),
        function="translate",
        output_field=TextField(),
    )


def _headline(expression, search_query: SearchQuery, **options) -> SearchHeadline:
    return SearchHeadline(
        _without_sentinels(expression),
        search_query,
        config=SEARCH_CONFIG,
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        **options,
    )


def _joined(model, text_field: str, delimiter: str = " ") -> Coalesce:
    """The item's `model` rows' `text_field`, joined, as a correlated subquery."""
    rows = (
        model.objects.filter(item=OuterRef("pk"))
        .order_by()
        .values("item")
        .annotate(joined=StringAgg(text_field, delimiter))
        .values("joined")
    )
    return Coalesce(Subquery(rows, output_field=TextField()), Value(""))


class _SectionsText(Func):
    """The texts of an item's sections (its `sections` JSON), joined: the § text without
    the lines of its head (diarienummer, ärendeansvarig, handläggare) and the headings."""

    template = (
        "(SELECT string_agg(section ->> 'text', ' ')"
        " FROM jsonb_array_elements(%(expressions)s) AS section)"
    )
    output_field = TextField()


def _snippet_document() -> Func:
    """What the snippet is cut from: reservations, yrkanden and the § text's sections (the
    whole § text when it has none).

    The title and the clauses are shown in full (and highlighted) beside it. From the
    whole text, a match in the first paragraph made a snippet that began with the head's
    lines ("Diarienummer: MBN 2025/1523 Ärendeansvarig: … Handläggare: …").
    """
    return Func(
        Value(" "),
        _joined(Reservation, "reason"),
        _joined(Reservation, "text"),
        _joined(Yrkande, "text"),
        Coalesce(NullIf(_SectionsText(F("sections")), Value("")), F("text")),
        function="concat_ws",
        output_field=TextField(),
    )


def _page_items(ids: list[int], search: ItemSearch) -> list[Item]:
    """The page's items in `ids` order with what a hit shows: meeting, committee, body,
    decisions and their clauses, and with words, the headlines (`title_hl`, `snippet_hl`,
    each clause's `highlighted`): computed for these rows only, the costliest part of a
    search stays the size of a page."""
    clauses = Clause.objects.order_by("position")
    items = Item.objects.filter(pk__any=ids)
    if search.search_query is not None:
        clauses = clauses.annotate(
            highlighted=_headline(F("text"), search.search_query, highlight_all=True)
        )
        items = items.annotate(
            title_hl=_headline(F("title"), search.search_query, highlight_all=True),
            snippet_hl=_headline(_snippet_document(), search.search_query, **SNIPPET_OPTIONS),
        )
    rows = (
        items.select_related("meeting__committee__body")
        # The snippet is cut in the headline; the page needs none of the long text.
        .defer("search_vector", "phrase_vector", "sections", "text")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.order_by("position").prefetch_related(
                    Prefetch("clauses", queryset=clauses)
                ),
            )
        )
        .in_bulk()
    )
    return [rows[pk] for pk in ids if pk in rows]


def _attach_highlights(items: list[Item], search: ItemSearch) -> None:
    """Set `title_html`, `snippet_html` and each clause's `text_html` on the shown items
    from the headlines `_page_items` computed (the plain text when the search has none).

    A hit that shows no match anywhere (the words are only in the head lines of its §
    text, such as a handläggare's name) gets its snippet from the whole § text instead.
    """
    unexplained = []
    for item in items:
        title, snippet = getattr(item, "title_hl", item.title), getattr(item, "snippet_hl", "")
        item.title_html = mark_matches(title)
        item.snippet_html = _marked_snippet(snippet)
        shown = [title, snippet]
        for decision in item.decisions.all():
            for clause in decision.clauses.all():
                highlighted = getattr(clause, "highlighted", clause.text)
                clause.text_html = mark_matches(highlighted)
                shown.append(highlighted)
        if search.search_query is not None and not any(MARK_START in part for part in shown):
            unexplained.append(item)
    if unexplained:
        _attach_text_snippets(unexplained, search.search_query)


def _marked_snippet(headline: str) -> str:
    """The headline as safe HTML when it marks a match, else ""."""
    return mark_matches(headline.strip()) if MARK_START in headline else ""


def _attach_text_snippets(items: list[Item], search_query: SearchQuery) -> None:
    """Set `snippet_html` of `items` from a headline of their whole § text."""
    headlines = dict(
        Item.objects.filter(pk__in=[item.pk for item in items])
        .annotate(headline=_headline(F("text"), search_query, **SNIPPET_OPTIONS))
        .values_list("pk", "headline")
    )
    for item in items:
        item.snippet_html = _marked_snippet(headlines.get(item.pk, ""))


def search_page(search: ItemSearch, *, page: str | int | None, per_page: int = PAGE_SIZE) -> Page:
    """One page of results with highlights; a malformed or too-high page gives a valid one.

    The window is ordered as ids alone; only the page's twenty rows are then joined to
    their meetings and decisions (joining all thousand ranked rows cost more than ranking).
    """
    window = RANK_WINDOW if search.search_query is not None else None
    paginator = CappedPaginator(
        search_window(search),
        per_page,
        count=len(search.first_ids),
        window=window,
    )
    result = paginator.get_page(page)
    items = _page_items(list(result.object_list), search)
    _attach_highlights(items, search)
    result.object_list = items
    return result


# --- Exports -------------------------------------------------------------------------------


def export_truncated(search: ItemSearch, *, limit: int = EXPORT_LIMIT) -> bool:
    """True when the search has more than `limit` results (an export holds the first)."""
    return search.matches.order_by()[limit : limit + 1].exists()


def export_items(search: ItemSearch, *, limit: int | None = None) -> Iterator[Item]:
    """Every result (or the first `limit`) with its decisions, clauses and reservations.

    Rows are read in chunks (each chunk's children prefetched in one query per relation),
    so memory stays flat however many rows there are.
    """
    items = (
        search.items.select_related("meeting__committee__body")
        .defer("search_vector", "sections", "text")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.order_by("position").prefetch_related(
                    Prefetch("clauses", queryset=Clause.objects.order_by("position"))
                ),
            ),
            Prefetch(
                "reservations",
                queryset=Reservation.objects.select_related("person", "party").order_by("id"),
            ),
        )
    )
    if limit is not None:
        items = items[:limit]
    return items.iterator(chunk_size=EXPORT_CHUNK)
