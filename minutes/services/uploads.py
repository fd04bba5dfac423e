"""Writes of the clerks' workflow: store an upload, save its corrections, publish or cancel it.

An upload lives outside the archive's public tables until it is published; publishing hands
the stored file to the import service, inside one transaction with the upload's own status,
so a refused import leaves both the archive and the upload as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from ..models import Upload
from ..parsing import ParsedProtocol, ParseError, protocol_to_dict
from ..selectors.readings import upload_reading
from .importing import ImportRejected, ImportResult, OlderVersionRejected, meeting_import

logger = logging.getLogger(__name__)

# The meeting fields no protocol is published without, as the clerk calls them.
REQUIRED_FIELDS = (
    ("body", gettext_noop("huvudman")),
    ("committee", gettext_noop("organ")),
    ("date", gettext_noop("sammanträdesdatum")),
)


class UploadError(Exception):
    """An upload cannot be published or cancelled; the message is Swedish, for the clerk."""


class OlderUploadError(UploadError):
    """The upload looks older than the published version; publishing needs a confirmation."""


def upload_create(
    *, data: bytes, filename: str, user: AbstractBaseUser, parsed: ParsedProtocol | None = None
) -> Upload:
    """Store an uploaded protocol file (already checked by the upload form) as a pending
    upload, with the reading it was checked with (`parsed`) for review and publishing.

    The row and the file go together: if the row cannot be saved the file is removed again.
    """
    upload = Upload(
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=user,
        reading=protocol_to_dict(parsed) if parsed is not None else None,
    )
    upload.file.save(filename, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            upload.save()
    except DatabaseError:
        upload.file.delete(save=False)
        raise
    return upload


def upload_set_overrides(*, upload: Upload, overrides: Mapping[str, str]) -> Upload:
    """Keep the clerk's corrections of the meeting fields (ISO date) for publishing."""
    check_pending(upload)
    upload.overrides = dict(overrides)
    upload.save(update_fields=["overrides"])
    return upload


def upload_publish(
    *,
    upload: Upload,
    user: AbstractBaseUser,
    keep_corrections: bool = True,
    allow_older: bool = False,
    reason: str = "",
) -> ImportResult:
    """Import the upload's file into the archive, published, with the clerk's corrections.

    A replaced meeting keeps the corrections made in the admin unless `keep_corrections`
    is false; an upload older than the published version (`selectors.versions`) replaces
    it only with `allow_older` (else `OlderUploadError`). `reason` goes into the import log.
    Raise `UploadError` with a Swedish message when the protocol cannot be imported (among
    others when neither the reading nor the corrections give its organ or date:
    `publish_blockers`); nothing is then written, neither to the archive nor to the upload.
    """
    imported: list[ImportResult] = []
    try:
        with _new_originals_removed_on_failure(imported), transaction.atomic():
            # The lock stops a double click from importing the same upload twice.
            locked = Upload.objects.select_for_update().get(pk=upload.pk)
            check_pending(locked)
            data = read_stored_file(locked)
            parsed = upload_reading(upload=locked)
            missing = publish_blockers(parsed=parsed, overrides=locked.overrides)
            if missing:
                raise UploadError(publish_refusal(missing))
            result = meeting_import(
                parsed=parsed,
                data=data,
                filename=locked.filename,
                user=user,
                publish=True,
                keep_corrections=keep_corrections,
                allow_older=allow_older,
                uploaded_at=locked.created_at,
                reason=reason,
                overrides=import_overrides(locked.overrides),
            )
            imported.append(result)
            locked.status = Upload.Status.PUBLISHED
            locked.meeting = result.meeting
            locked.save(update_fields=["status", "meeting"])
    except OlderVersionRejected as error:
        raise OlderUploadError(
            _(
                "%(reason)s Publicerar du ändå ersätts den nyare versionen: kryssa i "
                "”Ersätt ändå den publicerade versionen” och publicera igen."
            )
            % {"reason": error}
        ) from error
    except ImportRejected as error:
        raise UploadError(str(error)) from error
    except ParseError as error:
        raise UploadError(
            _("Protokollet kunde inte läsas vid publiceringen: %(reason)s") % {"reason": error}
        ) from error
    except IntegrityError as error:
        logger.warning("publishing upload %s broke a constraint: %s", upload.pk, error)
        raise UploadError(
            _(
                "Protokollet krockar med ett sammanträde som redan finns i arkivet (samma organ, "
                "datum och tid, eller samma paragrafnummer två gånger). Inget har sparats. "
                "Rätta mötesuppgifterna eller protokollet och försök igen."
            )
        ) from error
    upload.refresh_from_db()
    return result


@contextmanager
def _new_originals_removed_on_failure(results: list[ImportResult]) -> Iterator[None]:
    """If the block (a transaction around imports) fails, delete the original files these
    imports stored: their rows are rolled back with it."""
    try:
        yield
    except BaseException:
        for result in results:
            if result.status != "unchanged":
                result.meeting.source_file.storage.delete(result.meeting.source_file.name)
        raise


def publish_blockers(*, parsed: ParsedProtocol, overrides: Mapping[str, Any]) -> list[str]:
    """The meeting fields (in Swedish) that neither the reading nor the clerk's corrections
    give: the protocol cannot be published until the clerk supplies them."""
    return [
        _(label)
        for name, label in REQUIRED_FIELDS
        if not (overrides.get(name) or getattr(parsed, name))
    ]


def publish_refusal(missing: Sequence[str]) -> str:
    """Why a protocol without `missing` fields cannot be published, and what to do."""
    fields = (
        _("%(first)s och %(last)s") % {"first": ", ".join(missing[:-1]), "last": missing[-1]}
        if len(missing) > 1
        else missing[0]
    )
    return ngettext(
        "Protokollet kan inte publiceras utan %(fields)s. Uppgiften hittades inte i "
        "protokollet: fyll i den under ”Rätta och publicera” och publicera igen.",
        "Protokollet kan inte publiceras utan %(fields)s. Uppgifterna hittades inte i "
        "protokollet: fyll i dem under ”Rätta och publicera” och publicera igen.",
        len(missing),
    ) % {"fields": fields}


def upload_cancel(*, upload: Upload) -> Upload:
    """Drop a pending upload: its file is deleted and it is marked cancelled."""
    with transaction.atomic():
        locked = Upload.objects.select_for_update().get(pk=upload.pk)
        check_pending(locked)
        locked.status = Upload.Status.CANCELLED
        locked.overrides = {}
        name = locked.file.name
        locked.file = ""
        locked.save(update_fields=["status", "overrides", "file"])
        # Delete the file only once the row no longer points to it.
        transaction.on_commit(lambda: upload.file.storage.delete(name) if name else None)
    return locked


def check_pending(upload: Upload) -> None:
    """Refuse to change an upload that is already published or cancelled."""
    if upload.status == Upload.Status.PUBLISHED:
        raise UploadError(_("Protokollet är redan publicerat."))
    if upload.status == Upload.Status.CANCELLED:
        raise UploadError(_("Uppladdningen är avbruten."))


def read_stored_file(upload: Upload) -> bytes:
    """The bytes of the upload's stored file; a missing file is an `UploadError`."""
    try:
        with upload.file.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError) as error:
        raise UploadError(
            _("Den uppladdade filen finns inte längre. Ladda upp protokollet igen.")
        ) from error


def import_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The stored corrections as the import service takes them: the date as a `date`."""
    values: dict[str, Any] = {
        key: overrides[key] for key in ("body", "committee") if overrides.get(key)
    }
    if overrides.get("date"):
        values["date"] = dt.date.fromisoformat(overrides["date"])
    return values
