"""Reads about versions of a protocol: what a new reading would change in a stored meeting,
which of the clerks' corrections it would overwrite, and whether the new file is older.

The import service records `reading_changes` on the ImportRecord of a replacement, and
the clerk's review page shows all three before a replacing upload is published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..correction_texts import field_label
from ..models import ImportRecord, Item, Meeting
from ..parsing import records

# The meeting fields a reading sets and a clerk may correct in the admin, in page order.
MEETING_FIELDS = (
    "date", "start_time", "end_time", "place", "protocol_dnr", "chair", "secretary",
    "adjusters", "adjusted_on", "notice_posted_on", "notice_removed_on",
)  # fmt: skip
# What stands for the whole attendance list among a meeting's corrected fields.
ATTENDANCE = "attendances"


@dataclass(frozen=True)
class ItemNote:
    """One § as the clerk sees it in a list: its number and title."""

    number: int
    title: str


@dataclass(frozen=True)
class ReadingChanges:
    """The §§ a new reading adds, removes and changes against the stored meeting."""

    added: tuple[ItemNote, ...] = ()
    removed: tuple[ItemNote, ...] = ()
    changed: tuple[ItemNote, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def as_json(self) -> dict[str, list[dict]]:
        """The changes as stored on an ImportRecord (`changes`)."""
        return {
            name: [{"number": note.number, "title": note.title} for note in getattr(self, name)]
            for name in ("added", "removed", "changed")
        }

    @classmethod
    def from_json(cls, stored: dict) -> ReadingChanges:
        """The changes stored by `as_json` (an empty dict: none)."""
        return cls(
            **{
                name: tuple(ItemNote(row["number"], row["title"]) for row in stored.get(name, ()))
                for name in ("added", "removed", "changed")
            }
        )


@dataclass(frozen=True)
class CorrectionAtRisk:
    """A correction a clerk made that a replacing reading would overwrite."""

    label: str  # "§ 13 Hyresavtal" or "platsen"
    current: str  # the corrected value (or what was corrected, for a §)


@dataclass(frozen=True)
class ReplacementPreview:
    """What publishing a reading over a stored meeting would do."""

    meeting: Meeting
    changes: ReadingChanges
    corrections: tuple[CorrectionAtRisk, ...] = ()
    older: str = ""  # why the file looks older than the published version; "" if not


def reading_changes(*, meeting: Meeting, items: Iterable[records.Item]) -> ReadingChanges:
    """Compare the stored §§ of `meeting` with the §§ of a new reading (by number: title
    and text)."""
    stored = {
        row["number"]: row
        for row in Item.objects.filter(meeting=meeting).values("number", "title", "text")
    }
    read = {item.number: item for item in items}
    added = [ItemNote(n, read[n].title) for n in sorted(read.keys() - stored.keys())]
    removed = [ItemNote(n, stored[n]["title"]) for n in sorted(stored.keys() - read.keys())]
    changed = [
        ItemNote(n, read[n].title)
        for n in sorted(read.keys() & stored.keys())
        if (read[n].title, read[n].text) != (stored[n]["title"], stored[n]["text"])
    ]
    return ReadingChanges(added=tuple(added), removed=tuple(removed), changed=tuple(changed))


def corrections_at_risk(*, meeting: Meeting) -> tuple[CorrectionAtRisk, ...]:
    """The clerks' corrections of `meeting` and its §§ that a new reading would replace."""
    found = [
        CorrectionAtRisk(label=str(field_label(name)), current=_meeting_value(meeting, name))
        for name in meeting.corrected_fields
    ]
    corrected = Item.objects.filter(meeting=meeting, corrected_at__isnull=False).order_by("number")
    for item in corrected.only("number", "title", "corrected_at"):
        found.append(
            CorrectionAtRisk(
                label=f"§ {item.number} {item.title}",
                current=_("rättad %(date)s")
                % {"date": formats.date_format(timezone.localtime(item.corrected_at), "Y-m-d")},
            )
        )
    return tuple(found)


def _meeting_value(meeting: Meeting, name: str) -> str:
    if name == ATTENDANCE:
        return _("%(count)s rader") % {"count": meeting.attendances.count()}
    value = getattr(meeting, name, "")
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def version_older(
    *,
    meeting: Meeting,
    sha256: str,
    adjusted_on: dt.date | None,
    uploaded_at: dt.datetime | None = None,
) -> str:
    """Why a new file for `meeting` looks older than the version now stored ("" if not).

    The meeting's own date cannot tell versions of one protocol apart, so three signs do:
    the file's exact bytes were stored before (an earlier version brought back), its
    justering date is earlier than the stored one's, or (a web upload) it was uploaded
    before the stored version was imported (someone published a newer one meanwhile).
    """
    earlier = (
        ImportRecord.objects.filter(meeting=meeting, sha256=sha256)
        .exclude(sha256=meeting.sha256)
        .order_by("-created_at")
        .first()
    )
    if earlier is not None:
        return _(
            "Filen är en tidigare version av protokollet (inläst %(date)s); den publicerade "
            "versionen är nyare."
        ) % {"date": _day(earlier.created_at)}
    if adjusted_on and meeting.adjusted_on and adjusted_on < meeting.adjusted_on:
        return _(
            "Filen justerades %(file)s, men den publicerade versionen justerades %(stored)s."
        ) % {"file": adjusted_on.isoformat(), "stored": meeting.adjusted_on.isoformat()}
    if uploaded_at and meeting.imported_at and uploaded_at < meeting.imported_at:
        return _(
            "Filen laddades upp %(file)s, innan den publicerade versionen lästes in %(stored)s."
        ) % {"file": _day(uploaded_at, minutes=True), "stored": _day(meeting.imported_at, True)}
    return ""


def _day(moment: dt.datetime, minutes: bool = False) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i" if minutes else "Y-m-d")


def replacement_preview(
    *,
    meeting: Meeting,
    parsed: records.ParsedProtocol,
    sha256: str,
    uploaded_at: dt.datetime | None = None,
) -> ReplacementPreview:
    """What publishing `parsed` over `meeting` would change, overwrite and whether it is
    older (see `version_older`)."""
    return ReplacementPreview(
        meeting=meeting,
        changes=reading_changes(meeting=meeting, items=parsed.items),
        corrections=corrections_at_risk(meeting=meeting),
        older=version_older(
            meeting=meeting,
            sha256=sha256,
            adjusted_on=parsed.adjusted_on,
            uploaded_at=uploaded_at,
        ),
    )
