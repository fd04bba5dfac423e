"""Views of the public archive: they read, never write."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors


def home(request: HttpRequest) -> HttpResponse:
    """The start page: search box, counts and the latest meetings."""
    return render(
        request,
        "minutes/home.html",
        {"counts": selectors.archive_counts(), "latest": selectors.latest_meetings(limit=10)},
    )
