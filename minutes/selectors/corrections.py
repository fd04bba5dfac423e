"""The corrections shown on the public pages: what a clerk changed in a § or a meeting,
when and why (from django-simple-history's records), and what each new version of a
protocol changed (from the import log)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..correction_texts import field_label, part_label
from ..models import (
    Attendance,
    Clause,
    Decision,
    ImportRecord,
    Item,
    Meeting,
    Note,
    Reservation,
    Vote,
    Yrkande,
)
from .versions import ReadingChanges

# Parts of a § whose history rows carry the §'s id.
ITEM_PARTS: tuple[type[Model], ...] = (Decision, Yrkande, Reservation, Vote, Note)
# Changes the public does not need spelled out (positions, links to other rows).
UNSHOWN_FIELDS = frozenset({"id", "position", "item", "decision", "meeting", "person", "party"})
CHANGED_PART = {
    "+": gettext_lazy("lagts till"),
    "-": gettext_lazy("tagits bort"),
    "~": gettext_lazy("ändrats"),
}


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after a correction (as text)."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Correction:
    """A clerk's correction as the public page shows it: "Rättad 2026-03-02: titeln"."""

    date: dt.date
    labels: tuple[str, ...]
    changes: tuple[FieldChange, ...]
    reason: str


@dataclass(frozen=True)
class Version:
    """A replacement of a protocol by a new version, and what it changed."""

    date: dt.date
    filename: str
    changes: ReadingChanges


def item_corrections(*, item: Item) -> list[Correction]:
    """The clerks' corrections of this § and of what is under it, newest first."""
    if item.corrected_at is None:  # never corrected (`services.corrections` stamps it)
        return []
    records = list(_changed(item.history.filter(history_type="~")))
    decision_ids = set(Decision.history.filter(item_id=item.pk).values_list("id", flat=True))
    decision_ids.update(Decision.objects.filter(item=item).values_list("id", flat=True))
    for model in ITEM_PARTS:
        records.extend(_parts(model.history.filter(item_id=item.pk)))
    records.extend(_parts(Clause.history.filter(decision_id__in=decision_ids)))
    return _grouped(records)


def meeting_corrections(*, meeting: Meeting) -> list[Correction]:
    """The clerks' corrections of the meeting's own fields and attendance, newest first.
    (The reading's own changes are in the import log: `meeting_versions`.)"""
    if meeting.corrected_at is None:  # never corrected (`services.corrections` stamps it)
        return []
    records = list(_changed(meeting.history.filter(history_type="~")))
    records.extend(_parts(Attendance.history.filter(meeting_id=meeting.pk)))
    return _grouped(records)


def meeting_versions(*, meeting: Meeting) -> list[Version]:
    """Each replacement of the meeting's protocol by a new file, newest first."""
    replaced = ImportRecord.objects.filter(
        meeting=meeting, action=ImportRecord.Action.REPLACED
    ).order_by("-created_at")
    return [
        Version(
            date=timezone.localdate(record.created_at),
            filename=record.filename,
            changes=ReadingChanges.from_json(record.changes or {}),
        )
        for record in replaced
    ]


def _by_clerks(history):
    """The records of changes a clerk made with a reason (in the admin): not an import's
    snapshots or the rows a replacing import deleted (no reason), even when a clerk ran it."""
    return history.filter(history_user__isnull=False, history_change_reason__isnull=False)


def _changed(history) -> list[tuple]:
    """(time, reason, labels, changes) of each clerk's record that changed a shown field."""
    found = []
    for record in _by_clerks(history).order_by("history_date"):
        changes = _field_changes(record, prefix="")
        if changes:
            labels = tuple(change.label for change in changes)
            found.append((record.history_date, record.history_change_reason, labels, changes))
    return found


def _parts(history) -> list[tuple]:
    """(time, reason, labels, changes) of each clerk's change to a part of a § or meeting:
    what changed in it, or that it was added or removed."""
    found = []
    for record in _by_clerks(history).order_by("history_date"):
        label = str(part_label(record.instance_type._meta.model_name))
        if record.history_type == "~":
            changes = _field_changes(record, prefix=f"{label}: ")
        else:
            changes = [FieldChange(label, "", str(CHANGED_PART[record.history_type]))]
        if changes:
            found.append((record.history_date, record.history_change_reason, (label,), changes))
    return found


def _field_changes(record, *, prefix: str) -> list[FieldChange]:
    """The shown fields a record changed against the one before it (none if it is the
    first: there is nothing to compare with)."""
    previous = record.prev_record
    if previous is None:
        return []
    return [
        FieldChange(f"{prefix}{field_label(c.field)}", _text(c.old), _text(c.new))
        for c in record.diff_against(previous).changes
        if c.field not in UNSHOWN_FIELDS
    ]


def _grouped(records: list[tuple]) -> list[Correction]:
    """One Correction per day and reason (an admin save changes a § and its parts at once)."""
    grouped: dict[tuple[dt.date, str], tuple[list[str], list[FieldChange]]] = {}
    for moment, reason, labels, changes in sorted(records, key=lambda r: r[0]):
        key = (timezone.localdate(moment), reason or "")
        shown, listed = grouped.setdefault(key, ([], []))
        shown.extend(label for label in labels if label not in shown)
        listed.extend(changes)
    return [
        Correction(date=date, labels=tuple(labels), changes=tuple(changes), reason=reason)
        for (date, reason), (labels, changes) in reversed(grouped.items())
    ]


def _text(value) -> str:
    """A stored value as the page shows it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)
