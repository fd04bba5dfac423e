"""Pages about the site itself: the accessibility statement (tillgänglighetsredogörelse)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement the DOS law (2018:1937) asks of a public site."""
    contact = settings.ACCESSIBILITY_CONTACT_EMAIL
    return render(request, "minutes/about/accessibility.html", {"contact_email": contact})
