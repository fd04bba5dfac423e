"""Reads of the archive for the public pages, named `<entity>_<what>`."""

from django.db.models import QuerySet

from .models import Body, Committee, Decision, Meeting


def archive_counts() -> dict[str, int]:
    """How much the archive holds: bodies, committees, published meetings and decisions."""
    return {
        "bodies": Body.objects.count(),
        "committees": Committee.objects.count(),
        "meetings": Meeting.objects.published().count(),
        "decisions": Decision.objects.filter(item__meeting__is_published=True).count(),
    }


def latest_meetings(*, limit: int) -> QuerySet[Meeting]:
    """The most recent published meetings with their committee and body."""
    return (
        Meeting.objects.published()
        .select_related("committee__body")
        .order_by("-date", "committee__name")[:limit]
    )
