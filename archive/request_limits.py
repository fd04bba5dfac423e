"""Refuse a request whose body is too large before anything reads it.

Django's CSRF check reads a POST's body, and the files of a multipart body go to a
temporary file whatever their size, so without this an anonymous 300 MB POST was read
whole before it was refused. Only the pages that take a file (the clerk's upload, the
admin, whose meeting form holds the original) accept the upload limit plus a margin for
the form around the file; every other page accepts what Django keeps in memory for form
fields. nginx keeps the same limits (deploy/nginx/archive.conf), so behind it this answer
is for a gunicorn reached directly.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from minutes.parsing.extract import megabytes_apart

UPLOAD_FORM_MARGIN = 1024 * 1024  # the multipart envelope and the form's other fields
UPLOAD_URL_NAMES = ("minutes:clerk_upload", "admin:index")


def body_limit(path: str) -> int:
    """The largest body, in bytes, that a request to `path` may carry."""
    if path.startswith(tuple(reverse(name) for name in UPLOAD_URL_NAMES)):
        return settings.MAX_UPLOAD_BYTES + UPLOAD_FORM_MARGIN
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def declared_length(request: HttpRequest) -> int:
    """The body's length as the client declares it; 0 when absent or unreadable, which is
    also all Django will read of it."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """Answer 413, with a Swedish page naming the limit, when the declared body is too big."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length, limit = declared_length(request), body_limit(request.path_info)
        if length <= limit:
            return self.get_response(request)
        size, most = megabytes_apart(length, limit)
        return render(request, "413.html", {"size": size, "limit": most}, status=413)
