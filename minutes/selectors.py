"""Reads of the archive for the public pages, named `<entity>_<what>`."""

from django.core.cache import cache
from django.db.models import QuerySet

from .models import Body, Committee, Decision, Meeting


def archive_counts() -> dict[str, int]:
    """How much the archive holds: bodies, committees, published meetings and decisions."""
    return {
        "bodies": Body.objects.count(),
        "committees": Committee.objects.count(),
        "meetings": Meeting.objects.published().count(),
        # The item's copy of its meeting's publication: one join less (2.5 → 1.2 s at 1M).
        "decisions": Decision.objects.filter(item__is_published=True).count(),
    }


# Counting every decision reads a million rows at a million items (1.2 s); the start page
# shows counts at most this old, or fresher: a newly listed meeting changes the key. At
# 60 s both gunicorn workers recounted every minute under load and requests timed out.
COUNTS_CACHE_SECONDS = 600


def archive_counts_cached(*, newest_pk: int | None) -> dict[str, int]:
    """`archive_counts`, cached for COUNTS_CACHE_SECONDS under the newest meeting's id.

    `newest_pk` is the highest id among the meetings the page lists (None: no meetings,
    nothing worth caching).
    """
    if newest_pk is None:
        return archive_counts()
    return cache.get_or_set(f"archive-counts:{newest_pk}", archive_counts, COUNTS_CACHE_SECONDS)


def latest_meetings(*, limit: int) -> QuerySet[Meeting]:
    """The most recent published meetings with their committee and body."""
    return (
        Meeting.objects.published()
        .select_related("committee__body")
        .order_by("-date", "committee__name")[:limit]
    )
