"""Answer the container health check before host validation and HTTPS redirects.

The probe runs inside the container against 127.0.0.1, which is rightly not in
ALLOWED_HOSTS, so it must be answered before any middleware looks at the Host header.
"""

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse

HEALTH_PATH = "/healthz/"


class HealthCheckMiddleware:
    """Reply `ok` to GET /healthz/ when the database answers, 503 when it does not."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception as error:  # any database failure means unhealthy, reported as such
            return HttpResponse(
                f"database: {type(error).__name__}", status=503, content_type="text/plain"
            )
        return HttpResponse("ok", content_type="text/plain")
