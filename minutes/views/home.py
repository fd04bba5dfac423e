"""The start page: search box, counts, the latest meetings and where to browse."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors, selectors_browse


def home(request: HttpRequest) -> HttpResponse:
    """The start page: search box, counts, latest meetings and links to every committee."""
    return render(
        request,
        "minutes/home.html",
        {
            "counts": selectors.archive_counts(),
            "latest": selectors.latest_meetings(limit=10),
            "bodies": selectors_browse.body_list(),
        },
    )
