"""Reads for the clerks' pages: uploads waiting for review, recent publications, links."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..models import Meeting, Upload


def uploads_pending() -> QuerySet[Upload]:
    """Uploads waiting for a clerk to review, newest first, with who uploaded them."""
    return (
        Upload.objects.filter(status=Upload.Status.PENDING)
        .select_related("uploaded_by")
        .defer("reading")  # a long protocol's reading runs to megabytes
    )


def uploads_published(*, limit: int) -> QuerySet[Upload]:
    """The latest published uploads with their meeting, committee and body."""
    return (
        Upload.objects.filter(status=Upload.Status.PUBLISHED)
        .select_related("uploaded_by", "meeting__committee__body")
        .defer("reading")
        .order_by("-created_at")[:limit]
    )


def upload_get(*, pk: int, status: str | None = None) -> Upload:
    """One upload (of the given status) with its uploader and meeting, or a 404."""
    uploads = Upload.objects.select_related("uploaded_by", "meeting__committee__body")
    if status:
        uploads = uploads.filter(status=status)
    return get_object_or_404(uploads, pk=pk)


def meeting_admin_url(meeting: Meeting) -> str:
    """The admin page where a clerk corrects a published meeting."""
    return reverse("admin:minutes_meeting_change", args=[meeting.pk])


def meeting_public_url(meeting: Meeting) -> str:
    """The meeting's public page."""
    return meeting.get_absolute_url()
