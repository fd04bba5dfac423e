"""The clerks' pages: upload a protocol, review the reading, correct, publish or cancel.

Every page needs a signed-in user with the right to add meetings (the clerks' group). Views
validate and render; the writes are in `minutes.services.uploads`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..forms import MeetingFieldsForm, PublishForm, UploadForm, initial_meeting_fields
from ..models import Upload
from ..selectors import clerk as selectors_clerk
from ..selectors.review import Review, upload_review
from ..services.uploads import (
    UploadError,
    publish_blockers,
    publish_refusal,
    upload_cancel,
    upload_create,
    upload_publish,
    upload_set_overrides,
)

CLERK_PERMISSION = "minutes.add_meeting"
RESULTS = ("imported", "replaced", "unchanged")
View = Callable[..., HttpResponse]


def clerk_required(view: View) -> View:
    """Send anonymous visitors to the sign-in page; refuse signed-in non-clerks with a 403."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(CLERK_PERMISSION):
            return render(request, "minutes/clerk/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
@clerk_required
def clerk_home(request: HttpRequest) -> HttpResponse:
    """The clerk's start page: uploads waiting for review and the latest publications."""
    return render(
        request,
        "minutes/clerk/home.html",
        {
            "pending": selectors_clerk.uploads_pending(),
            "published": selectors_clerk.uploads_published(limit=20),
        },
    )


@require_http_methods(["GET", "POST"])
@clerk_required
def upload_new(request: HttpRequest) -> HttpResponse:
    """The upload form; a readable protocol is stored and its review opened."""
    if request.method != "POST":
        return render(request, "minutes/clerk/upload.html", {"form": UploadForm()})
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = upload_create(
            data=form.data_bytes,
            filename=form.cleaned_data["file"].name,
            user=request.user,
            parsed=form.parsed,
        )
        return redirect("minutes:clerk_review", pk=upload.pk)
    return render(request, "minutes/clerk/upload.html", {"form": form}, status=400)


def pending_upload(view: Callable[[HttpRequest, Upload], HttpResponse]):
    """A view of an upload still waiting for review gets the upload; a published or
    cancelled one sends the clerk to where it went instead."""

    @functools.wraps(view)
    def with_upload(request: HttpRequest, pk: int) -> HttpResponse:
        upload = selectors_clerk.upload_get(pk=pk)
        if upload.status != Upload.Status.PENDING:
            return redirect_closed(request, upload)
        return view(request, upload)

    return with_upload


@require_http_methods(["GET", "POST"])
@clerk_required
@pending_upload
def review_page(request: HttpRequest, upload: Upload) -> HttpResponse:
    """The reading beside its text; a POST saves the clerk's corrections of the meeting."""
    review = upload_review(upload=upload)
    if request.method == "POST" and review.parsed is not None:
        form = MeetingFieldsForm(request.POST)
        if form.is_valid():
            upload_set_overrides(upload=upload, overrides=form.overrides(review.parsed))
            messages.success(request, _("Rättelserna är sparade. Granska och publicera."))
            return redirect("minutes:clerk_review", pk=upload.pk)
        return render_review(request, review, PublishForm(request.POST), status=400)
    return render_review(request, review)


@require_POST
@clerk_required
@pending_upload
def publish(request: HttpRequest, upload: Upload) -> HttpResponse:
    """Publish the upload with the corrected meeting fields, or say why it cannot be."""
    review = upload_review(upload=upload)
    if review.parsed is None:
        return render_review(request, review, status=409)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return render_review(request, review, form, error=refusal_for(review, form), status=400)
    try:
        upload_set_overrides(upload=upload, overrides=form.overrides(review.parsed))
        result = upload_publish(
            upload=upload,
            user=request.user,
            keep_corrections=not form.cleaned_data["discard_corrections"],
            allow_older=form.cleaned_data["allow_older"],
            reason=form.cleaned_data["reason"],
        )
    except UploadError as error:
        review = upload_review(upload=upload)
        return render_review(request, review, form, error=str(error), status=409)
    url = reverse("minutes:clerk_published", kwargs={"pk": upload.pk})
    return redirect(f"{url}?resultat={result.status}")


@require_POST
@clerk_required
@pending_upload
def cancel(request: HttpRequest, upload: Upload) -> HttpResponse:
    """Drop a pending upload and go back to the clerk's start page."""
    try:
        upload_cancel(upload=upload)
    except UploadError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Uppladdningen av %(name)s är avbruten. Inget publicerades.")
            % {"name": upload.filename},
        )
    return redirect("minutes:clerk")


@require_GET
@clerk_required
def published(request: HttpRequest, pk: int) -> HttpResponse:
    """What publishing did (imported, replaced or unchanged), with links onward."""
    upload = selectors_clerk.upload_get(pk=pk, status=Upload.Status.PUBLISHED)
    result = request.GET.get("resultat")
    meeting = upload.meeting
    return render(
        request,
        "minutes/clerk/published.html",
        {
            "upload": upload,
            "meeting": meeting,
            "result": result if result in RESULTS else None,
            "public_url": selectors_clerk.meeting_public_url(meeting) if meeting else None,
            "admin_url": selectors_clerk.meeting_admin_url(meeting) if meeting else None,
        },
    )


def refusal_for(review: Review, form: PublishForm) -> str | None:
    """Why publishing is refused when neither the reading nor the posted form gives the
    organ, the date or the body; None when the form's own errors say all there is."""
    posted = {name: form.data.get(name, "").strip() for name in ("body", "committee", "date")}
    missing = publish_blockers(parsed=review.parsed, overrides=posted)
    return publish_refusal(missing) if missing else None


def redirect_closed(request: HttpRequest, upload: Upload) -> HttpResponse:
    """A published upload shows its result; a cancelled one sends the clerk back to the list."""
    if upload.status == Upload.Status.PUBLISHED:
        return redirect("minutes:clerk_published", pk=upload.pk)
    messages.info(request, _("Uppladdningen av %(name)s är avbruten.") % {"name": upload.filename})
    return redirect("minutes:clerk")


def render_review(
    request: HttpRequest,
    review: Review,
    form: PublishForm | None = None,
    *,
    error: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The review page, with the meeting form bound to a POST or filled from the reading."""
    if form is None and review.parsed is not None:
        form = PublishForm(initial=initial_meeting_fields(review.parsed, review.upload.overrides))
    return render(
        request,
        "minutes/clerk/review.html",
        {"review": review, "form": form, "error": error},
        status=status,
    )
