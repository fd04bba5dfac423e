"""Bring one parsed protocol into the archive, in one transaction.

- The same file twice changes nothing (its sha256 is stored on the meeting).
- A corrected version of a protocol (same committee, date and start time, another file)
  replaces the old reading; the Meeting row keeps its id, so links to it hold, and an
  ImportRecord says who replaced which file and which §§ it added, removed and changed.
- A clerk's corrections (§§ and meeting fields marked by `services.corrections`) survive
  a replacement unless the caller asks to discard them (then the record names them), and
  a file that looks older than the stored version (`selectors.versions.version_older`) is
  refused unless the caller allows it.
- People, parties and cases are matched, not duplicated (`resolve.py`).
- Each item's search vector is filled in the same transaction, so a protocol is searchable
  the moment it is committed — and a failure anywhere leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Literal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from minutes.models import Committee, ImportRecord, Item, Meeting
from minutes.parsing import records
from minutes.selectors.versions import (
    ATTENDANCE,
    MEETING_FIELDS,
    corrections_at_risk,
    reading_changes,
    version_older,
)
from minutes.services.search_index import update_search_vectors
from minutes.services.vocabulary import vocabulary_add

from .import_rows import reading_prepare, reading_write
from .import_warnings import StoredWarning, warning_add, warnings_stored
from .resolve import NAME_LENGTH, ImportCache, body_resolve, committee_resolve, name_normalize


@dataclass(frozen=True)
class ImportResult:
    """What an import did.

    `warnings` are the parser's and the importer's, as stored on the meeting (dicts with a
    code, the §, params, a count and an English message: `import_warnings`); empty when
    the file was already in the archive (nothing was read anew).
    """

    status: Literal["imported", "unchanged", "replaced"]
    meeting: Meeting
    warnings: tuple[StoredWarning, ...]


class ImportRejected(Exception):
    """The protocol cannot be stored; the message (Swedish) says why, for the clerk."""


class OlderVersionRejected(ImportRejected):
    """The file looks older than the stored version and replacing it was not confirmed."""


@dataclass(frozen=True)
class Header:
    """The fields that say which meeting a protocol is, after the clerk's corrections."""

    body: str
    committee: str
    date: dt.date


def meeting_import(
    *,
    parsed: records.ParsedProtocol,
    data: bytes,
    filename: str,
    user=None,
    publish: bool = True,
    keep_corrections: bool = True,
    allow_older: bool = False,
    uploaded_at: dt.datetime | None = None,
    reason: str = "",
    overrides: Mapping[str, object] | None = None,
    cache: ImportCache | None = None,
) -> ImportResult:
    """Store the reading `parsed` of the file `data` as a meeting; see the module docstring.

    `overrides` may hold "body", "committee" (names) and "date" that replace the parsed
    values. With `keep_corrections` (the default) the §§ and meeting fields a clerk
    corrected survive a replacement; without it they are replaced and the ImportRecord
    names them. A file older than the stored version replaces it only with `allow_older`
    (`uploaded_at`: when a web upload was made). `reason` is the clerk's, for the record.
    `cache` lets a run of imports share lookups (see `ImportCache`).
    Raises ImportRejected when the protocol lacks what a meeting needs, and
    OlderVersionRejected when an older file is not allowed to replace a newer one.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    cache = cache if cache is not None else ImportCache()
    options = {
        "parsed": parsed,
        "data": data,
        "sha256": sha256,
        "filename": filename,
        "user": user if getattr(user, "is_authenticated", False) else None,
        "publish": publish,
        "keep_corrections": keep_corrections,
        "allow_older": allow_older,
        "uploaded_at": uploaded_at,
        "reason": reason,
        "overrides": overrides or {},
        "cache": cache,
    }
    try:
        return _import_or_skip(**options)
    except IntegrityError:
        # Another import created the same person, case or meeting since the cache was
        # filled; the rows it holds are stale. Once more, with fresh lookups.
        cache.clear()
        try:
            return _import_or_skip(**options)
        except BaseException:
            cache.clear()
            raise
    except BaseException:
        # The rolled-back transaction may have put rows in the cache that do not exist.
        cache.clear()
        raise


def _import_or_skip(*, parsed, sha256: str, overrides, **options) -> ImportResult:
    # No ordering: the model's default (by committee name) would join for nothing.
    existing = next(
        iter(Meeting.objects.select_related("committee__body").filter(sha256=sha256).order_by()),
        None,
    )
    if existing is not None:
        return ImportResult(status="unchanged", meeting=existing, warnings=())
    header = protocol_header(parsed, overrides)
    return _import(parsed=parsed, sha256=sha256, header=header, **options)


def protocol_header(parsed: records.ParsedProtocol, overrides: Mapping[str, object]) -> Header:
    """The meeting's identity, or ImportRejected saying what is missing."""
    body = name_normalize(str(overrides.get("body") or parsed.body or ""))
    committee = name_normalize(str(overrides.get("committee") or parsed.committee or ""))
    date = overrides.get("date") or parsed.date
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise ImportRejected(f"Datumet {date!r} är inte ett giltigt datum.") from None
    missing = [
        label
        for label, value in (
            ("huvudman (region eller kommun)", body),
            ("organ (nämnd, utskott eller styrelse)", committee),
            ("sammanträdesdatum", date),
        )
        if not value
    ]
    if missing:
        listed = ", ".join(missing[:-1]) + (" och " if len(missing) > 1 else "") + missing[-1]
        raise ImportRejected(f"Protokollet saknar {listed}.")
    if not parsed.items:
        raise ImportRejected("Protokollet saknar paragrafer (§): inga ärenden kunde läsas.")
    if len(committee) >= NAME_LENGTH or len(body) >= NAME_LENGTH:
        raise ImportRejected("Organets eller huvudmannens namn är orimligt långt: feltolkat?")
    return Header(body=body, committee=committee, date=date)


def _import(
    *,
    parsed: records.ParsedProtocol,
    data: bytes,
    sha256: str,
    header: Header,
    filename: str,
    user,
    publish: bool,
    keep_corrections: bool,
    allow_older: bool,
    uploaded_at: dt.datetime | None,
    reason: str,
    cache: ImportCache,
) -> ImportResult:
    warnings: list[StoredWarning] = []
    stored: tuple | None = None
    try:
        with transaction.atomic():
            body = body_resolve(name=header.body, cache=cache)
            committee = committee_resolve(body=body, name=header.committee, cache=cache)
            previous = _meeting_locked(committee, header.date, parsed.start_time)
            replaced_sha256 = previous.sha256 if previous else ""
            kept: set[int] = set()
            changes: dict = {}
            kept_fields: dict[str, object] = {}
            if previous is not None:
                older = version_older(
                    meeting=previous,
                    sha256=sha256,
                    adjusted_on=parsed.adjusted_on,
                    uploaded_at=uploaded_at,
                )
                if older and not allow_older:
                    raise OlderVersionRejected(older)
                changes = replacement_changes(previous, parsed, keep_corrections)
                kept_fields = meeting_corrections(previous) if keep_corrections else {}
                kept = _reading_clear(
                    previous,
                    keep_corrections=keep_corrections,
                    keep_attendance=ATTENDANCE in kept_fields,
                )
            items = items_chosen(parsed.items, kept, warnings)
            ctx = reading_prepare(
                body=body, protocol=parsed, items=items, cache=cache, warnings=warnings
            )
            meeting = previous or Meeting()
            meeting.committee = committee
            meeting_fill(meeting, parsed, header, sha256, filename, publish)
            for name, value in kept_fields.items():
                if name in MEETING_FIELDS:
                    setattr(meeting, name, value)
            meeting.corrected_fields = list(kept_fields)
            meeting.parse_warnings = warnings_stored(parsed.warnings, warnings)
            meeting.source_file.save(PurePath(filename).name, ContentFile(data), save=False)
            stored = (meeting.source_file.storage, meeting.source_file.name)
            # The ImportRecord below is this change's history (with the §§ it changed).
            meeting.skip_history_when_saving = True
            meeting.save()
            del meeting.skip_history_when_saving
            written = parsed if ATTENDANCE not in kept_fields else replace(parsed, attendees=())
            item_ids = reading_write(ctx=ctx, meeting=meeting, protocol=written, items=items)
            update_search_vectors(item_ids)
            vocabulary_add(item_ids)
            written = warnings_stored(parsed.warnings, warnings)
            if written != meeting.parse_warnings:  # rare: a role or a vote not read
                meeting.parse_warnings = written
                meeting.save(update_fields=["parse_warnings"])
            ImportRecord.objects.create(
                meeting=meeting,
                action=ImportRecord.Action.REPLACED if previous else ImportRecord.Action.IMPORTED,
                filename=meeting.source_filename,
                sha256=sha256,
                replaced_sha256=replaced_sha256,
                user=user,
                changes=changes,
                reason=reason,
            )
    except BaseException:
        if stored is not None:
            storage, name = stored
            storage.delete(name)
        raise
    status = "replaced" if previous else "imported"
    return ImportResult(status=status, meeting=meeting, warnings=tuple(meeting.parse_warnings))


def _meeting_locked(
    committee: Committee, date: dt.date, start_time: dt.time | None
) -> Meeting | None:
    """The stored meeting a new reading would replace, locked against a concurrent import."""
    found = (
        Meeting.objects.select_for_update()
        .filter(committee=committee, date=date, start_time=start_time)
        .order_by()  # the default ordering would join the committee for nothing
    )
    return next(iter(found), None)


def replacement_changes(
    previous: Meeting, parsed: records.ParsedProtocol, keep_corrections: bool
) -> dict:
    """What replacing `previous` by `parsed` changes, as the ImportRecord keeps it: the §§
    added, removed and changed, and the clerk's corrections discarded (if not kept)."""
    changes = reading_changes(meeting=previous, items=parsed.items).as_json()
    if not keep_corrections:
        changes["discarded"] = [
            f"{correction.label}: {correction.current}"
            for correction in corrections_at_risk(meeting=previous)
        ]
    return changes


def meeting_corrections(meeting: Meeting) -> dict[str, object]:
    """The meeting fields a clerk corrected, with their corrected values (the attendance
    list as ATTENDANCE, its rows staying where they are)."""
    return {name: getattr(meeting, name, None) for name in meeting.corrected_fields}


def _reading_clear(
    meeting: Meeting, *, keep_corrections: bool, keep_attendance: bool = False
) -> set[int]:
    """Delete the meeting's attendance (unless corrected and kept) and items (but corrected
    ones if asked to keep them).

    Returns the § numbers of the items kept.
    """
    if not keep_attendance:
        meeting.attendances.all().delete()
    items = Item.objects.filter(meeting=meeting)
    kept: set[int] = set()
    if keep_corrections:
        kept = set(items.filter(corrected_at__isnull=False).values_list("number", flat=True))
        items = items.filter(corrected_at__isnull=True)
    items.delete()
    return kept


def meeting_fill(
    meeting: Meeting,
    parsed: records.ParsedProtocol,
    header: Header,
    sha256: str,
    filename: str,
    publish: bool,
) -> None:
    """Set the meeting's own fields from the reading (a replaced meeting gets all anew)."""
    meeting.date = header.date
    meeting.start_time = parsed.start_time
    meeting.end_time = parsed.end_time
    meeting.place = (parsed.place or "")[:300]
    meeting.protocol_dnr = (parsed.protocol_dnr or "")[:100]
    meeting.chair = name_normalize(parsed.chair or _named_in_role(parsed, "ordförande"))
    meeting.secretary = name_normalize(parsed.secretary or _named_in_role(parsed, "sekreterare"))
    meeting.adjusters = [name_normalize(a) for a in parsed.adjusters if a.strip()]
    meeting.adjusted_on = parsed.adjusted_on
    meeting.notice_posted_on = parsed.notice_posted_on
    meeting.notice_removed_on = parsed.notice_removed_on
    meeting.source_filename = PurePath(filename).name[:255]
    meeting.sha256 = sha256
    meeting.page_count = parsed.source.pages
    meeting.is_published = publish
    meeting.imported_at = timezone.now()


def _named_in_role(parsed: records.ParsedProtocol, role: str) -> str:
    """The first attendee listed in `role`, or "" (the header did not name one)."""
    return next((a.name for a in parsed.attendees if (a.role or "").casefold() == role), "")


def items_chosen(
    items: Sequence[records.Item], kept: set[int], warnings: list[StoredWarning]
) -> list[records.Item]:
    """The items to write: not those a clerk's correction keeps, and each § number once."""
    chosen: list[records.Item] = []
    seen: set[int] = set()
    for item in items:
        if item.number in kept:
            continue
        if item.number in seen:
            warning_add(warnings, "import_duplicate_item", item=item.number)
            continue
        seen.add(item.number)
        chosen.append(item)
    return chosen
