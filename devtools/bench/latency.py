"""Search latency over the query mix: in the database, through the view, and a naive
ILIKE baseline on the same data."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.test import Client

from minutes.models import Item
from minutes.search.dnr import cases_by_dnr_prefix, exact_case_key
from minutes.search.filters import ItemFilter
from minutes.search.query import COUNT_CAP, item_search
from minutes.search.results import PAGE_SIZE, search_page
from minutes.selectors.browse import published_items

from .queries import BenchQuery


@dataclass(frozen=True)
class Latency:
    """Milliseconds over a series of runs."""

    label: str
    samples: tuple[float, ...]

    def percentile(self, p: float) -> float:
        ordered = sorted(self.samples)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[index]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def per_query(figures: Latency, queries: list[BenchQuery]) -> list[tuple[BenchQuery, float]]:
    """Each query's median over the runs of `measure` (its samples are the mix in order,
    once per repeat), slowest first: where a percentile sits."""
    count = len(queries)
    medians = [statistics.median(figures.samples[index::count]) for index in range(count)]
    return sorted(zip(queries, medians, strict=True), key=lambda pair: -pair[1])


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def _as_querydict(filters: dict[str, str]) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in filters.items():
        data[key] = value
    return data


def run_in_database(query: BenchQuery) -> None:
    """What the results page asks of the database for the first page: dnr check, ranked
    page with highlights, capped count."""
    if query.query:
        run_dnr_lookup(query)
    result = item_search(query=query.query, filters=_as_querydict(query.filters))
    page = search_page(result, page=1)
    page.paginator.count  # noqa: B018 - the count is part of what the page shows


def run_dnr_lookup(query: BenchQuery) -> None:
    """The diarienummer lookup alone: the exact case (the view redirects to it) or, for a
    prefix, the list of matching cases shown above the results."""
    exact_case_key(query.query, cases_by_dnr_prefix(query.query))


def _naive_items(query: BenchQuery) -> QuerySet[Item]:
    items = ItemFilter(_as_querydict(query.filters), queryset=published_items()).qs
    for term in query.query.replace('"', " ").split():
        if term.upper() == "OR":
            continue
        negated = term.startswith("-")
        term = term.lstrip("-")
        matches = (
            Q(title__icontains=term)
            | Q(text__icontains=term)
            | Q(decisions__clauses__text__icontains=term)
            | Q(dnr__icontains=term)
        )
        items = items.exclude(matches) if negated else items.filter(matches)
    return items.distinct()


def run_naive(query: BenchQuery) -> None:
    """The same first page and capped count with ILIKE over the text columns."""
    items = _naive_items(query).order_by("-meeting__date", "pk")
    list(items.select_related("meeting__committee__body")[:PAGE_SIZE])
    items.order_by()[: COUNT_CAP + 1].count()


def measure(
    label: str,
    queries: Iterable[BenchQuery],
    run: Callable[[BenchQuery], None],
    repeats: int,
    *,
    warm_up: bool = True,
) -> Latency:
    """Run every query `repeats` times (after one warm-up run, if asked); each run is a sample."""
    queries = list(queries)
    if warm_up:
        for query in queries:
            run(query)
    # As the app's WSGI entry point does after start-up (archive/wsgi.py): what is loaded
    # stays out of the collector's full passes, which would add ≈ 30 ms to a sample now
    # and then and measure the collector rather than the search.
    gc.freeze()
    samples = [_timed(lambda q=q: run(q)) for _ in range(repeats) for q in queries]
    return Latency(label, tuple(samples))


def run_through_view(client: Client) -> Callable[[BenchQuery], None]:
    """A runner that requests the real `/sok/` page (middleware, template, facets)."""

    def run(query: BenchQuery) -> None:
        response = client.get(query.path)
        if response.status_code not in (200, 302):
            raise RuntimeError(f"{query.path} gave {response.status_code}")

    return run
