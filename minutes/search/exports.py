"""Exports of a search: the first EXPORT_LIMIT results with their decisions, clauses and
reservations, read in chunks so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import (
    Prefetch,
)

from ..models import Clause, Decision, Item, Reservation
from .query import ItemSearch

EXPORT_CHUNK = 500
# The exports stop after this many rows, best first: every match of a common word would
# hold one of the site's workers past gunicorn's worker timeout (docs/performance.md).
EXPORT_LIMIT = 10_000


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
