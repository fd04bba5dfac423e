"""The start page: search box, counts, the latest meetings and where to browse."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..selectors import browse as selectors_browse
from ..selectors import counts as selectors

# The browse links are cached under a digest of what they show (`body_list_version`), so
# a new or renamed committee shows at once; rendering them (a link per committee of every
# body) was most of the start page's time: 29 ms with 336 committees.
BROWSE_CACHE_SECONDS = 3600


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
            # Read only when the fragment is not cached: the template iterates it lazily.
            "bodies": selectors_browse.body_list(),
            "browse_version": selectors_browse.body_list_version(),
            "browse_cache_seconds": BROWSE_CACHE_SECONDS,
        },
    )
