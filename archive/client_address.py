"""The address a request came from, as login throttling counts it."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR; behind the archive's own proxy (TRUST_X_FORWARDED_FOR), the address the
    proxy put last in X-Forwarded-For, since every request then comes from the proxy.

    Without that setting the header is the client's own word and is ignored, so a client
    cannot name a fresh address for each login attempt.
    """
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")
