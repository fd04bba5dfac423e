"""Reads of the archive for the public pages, named `<entity>_<what>`."""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Max, QuerySet

from ..models import Decision, Meeting
from .public import public_bodies, public_committees

T = TypeVar("T")


def archive_counts() -> dict[str, int]:
    """How much the archive holds: published meetings and decisions, and the bodies and
    committees that have them."""
    return counts_together(
        bodies=public_bodies(),
        committees=public_committees(),
        meetings=Meeting.objects.published(),
        # The item's copy of its meeting's publication: one join less.
        decisions=Decision.objects.filter(item__is_published=True),
    )


def counts_together(**querysets: QuerySet) -> dict[str, int]:
    """Each queryset's number of rows, by name, counted in one statement."""
    selects, params = [], []
    for queryset in querysets.values():
        sql, values = queryset.order_by().values("pk").query.sql_with_params()
        selects.append(f"(SELECT count(*) FROM ({sql}) AS counted)")
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects)}", params)
        return dict(zip(querysets, cursor.fetchone(), strict=True))


# Counting every decision reads every decision row; the start page shows counts at most
# this old, or fresher: a newly listed meeting changes the key. A shorter life had the
# workers recounting under load (docs/performance.md).
COUNTS_CACHE_SECONDS = 600


def archive_counts_cached(*, newest_pk: int | None) -> dict[str, int]:
    """`archive_counts`, cached for COUNTS_CACHE_SECONDS under the newest meeting's id.

    `newest_pk` is the highest id among the meetings the page lists (None: no meetings,
    nothing worth caching).
    """
    if newest_pk is None:
        return archive_counts()
    return cache.get_or_set(f"archive-counts:{newest_pk}", archive_counts, COUNTS_CACHE_SECONDS)


def published_version() -> int | None:
    """The newest published meeting's id: a cache key part that changes when one is added."""
    return Meeting.objects.published().aggregate(newest=Max("pk"))["newest"]


def cached_until_published(key: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached for COUNTS_CACHE_SECONDS under `key` and the newest published
    meeting: at most that old, and computed again once a meeting is published."""
    return cache.get_or_set(f"{key}:{published_version()}", compute, COUNTS_CACHE_SECONDS)


def count_cached(queryset: QuerySet) -> int:
    """`queryset.count()`, cached under its SQL (`cached_until_published`): the API's lists
    count people and cases by whether they appear in a published meeting, which costs far
    more than their pages."""
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
    return cached_until_published(f"count:{digest}", queryset.count)


def latest_meetings(*, limit: int) -> QuerySet[Meeting]:
    """The most recent published meetings with their committee and body."""
    return (
        Meeting.objects.published()
        .select_related("committee__body")
        .order_by("-date", "committee__name")[:limit]
    )
