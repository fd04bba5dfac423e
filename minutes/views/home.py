"""The start page: search box, counts, the latest meetings and where to browse."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors, selectors_browse


def home(request: HttpRequest) -> HttpResponse:
    """The start page: search box, counts, latest meetings and links to every committee."""
    latest = list(selectors.latest_meetings(limit=10))
    newest = max((meeting.pk for meeting in latest), default=None)
    return render(
        request,
        "minutes/home.html",
        {
            "counts": selectors.archive_counts_cached(newest_pk=newest),
            "latest": latest,
            "bodies": selectors_browse.body_list(),
        },
    )
