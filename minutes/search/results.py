"""Result pages of a search: a capped count, the page's items with highlighted titles and
snippets. Paging, counting and highlighting sit behind `search_page` so the count or the
paging can change without touching the views.
"""

from __future__ import annotations

import math

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
)
from django.core.paginator import Page, Paginator
from django.db.models import (
    F,
    Func,
    OuterRef,
    Prefetch,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Clause, Decision, Item, Reservation, Yrkande
from ..services.search_index import SEARCH_CONFIG
from .query import COUNT_CAP, ItemSearch, rank_window, search_window

PAGE_SIZE = 20
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


def headline(expression, search_query: SearchQuery, **options) -> SearchHeadline:
    """`ts_headline` of `expression` in the search configuration, each match between
    MARK_START and MARK_STOP (which the text itself can never hold)."""
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
            highlighted=headline(F("text"), search.search_query, highlight_all=True)
        )
        items = items.annotate(
            title_hl=headline(F("title"), search.search_query, highlight_all=True),
            snippet_hl=headline(_snippet_document(), search.search_query, **SNIPPET_OPTIONS),
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
        .annotate(headline=headline(F("text"), search_query, **SNIPPET_OPTIONS))
        .values_list("pk", "headline")
    )
    for item in items:
        item.snippet_html = _marked_snippet(headlines.get(item.pk, ""))


def search_page(search: ItemSearch, *, page: str | int | None, per_page: int = PAGE_SIZE) -> Page:
    """One page of results with highlights; a malformed or too-high page gives a valid one.

    The window is ordered as ids alone; only the page's twenty rows are then joined to
    their meetings and decisions (joining all thousand ranked rows cost more than ranking).
    """
    window = rank_window() if search.search_query is not None else None
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
