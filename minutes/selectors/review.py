"""The review of an upload: the parser's reading of each §, beside the text it was read from.

The reading is the one the upload was checked with (`readings.upload_reading`), the same
that publishing imports. Besides the parser's own warnings, a few checks point at what
often means a misreading: a § without a decision, a decision without clauses, a reservation
or attendee without a party, a § number that occurs twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from ..models import Meeting, Upload
from ..parsing import ParsedProtocol, ParseError
from ..parsing.records import Item
from ..quality_texts import Check, checklist
from ..services.uploads import publish_blockers, publish_refusal
from ..warning_texts import in_swedish
from .readings import upload_reading
from .versions import ReplacementPreview, replacement_preview

ROLES_WITH_PARTY = frozenset(
    {"ordförande", "vice ordförande", "ledamot", "tjänstgörande ersättare"}
)


@dataclass(frozen=True)
class ItemReview:
    """One § as read, the text it was read from, and what the clerk should look at."""

    item: Item
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Review:
    """Everything the review page shows about one upload."""

    upload: Upload
    parsed: ParsedProtocol | None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    items: tuple[ItemReview, ...] = ()
    existing: Meeting | None = None
    duplicate: Meeting | None = None
    corrected: frozenset[str] = field(default_factory=frozenset)
    checks: tuple[Check, ...] = ()  # what to check before publishing (quality_texts)
    blockers: tuple[str, ...] = ()  # meeting fields still missing: publishing is refused
    # What publishing would change in the meeting it replaces, and the corrections at risk.
    replacement: ReplacementPreview | None = None

    @property
    def refusal(self) -> str:
        """Why the upload cannot be published yet; empty when it can."""
        return publish_refusal(self.blockers) if self.blockers else ""

    @property
    def warning_count(self) -> int:
        """All warnings: the protocol's own and those of each §."""
        return len(self.warnings) + sum(len(item.warnings) for item in self.items)


def upload_review(*, upload: Upload) -> Review:
    """Lay the upload's reading out for review."""
    try:
        parsed = upload_reading(upload=upload)
    except ParseError as error:
        return Review(upload=upload, parsed=None, error=str(error))
    except (OSError, ValueError):
        return Review(
            upload=upload,
            parsed=None,
            error=_("Den uppladdade filen finns inte längre. Ladda upp protokollet igen."),
        )
    by_item, general = split_warnings(parsed)
    items = tuple(
        ItemReview(item=item, warnings=(*by_item.get(item.number, ()), *item_checks(item)))
        for item in parsed.items
    )
    existing = meeting_replaced(parsed, upload.overrides)
    duplicate = Meeting.objects.filter(sha256=upload.sha256).select_related("committee").first()
    return Review(
        upload=upload,
        parsed=parsed,
        warnings=(*general, *protocol_checks(parsed)),
        items=items,
        existing=existing,
        duplicate=duplicate,
        replacement=replacement_preview(
            meeting=existing, parsed=parsed, sha256=upload.sha256, uploaded_at=upload.created_at
        )
        if existing and not duplicate
        else None,
        corrected=frozenset(upload.overrides),
        checks=quality_checks(parsed, upload.overrides),
        blockers=tuple(publish_blockers(parsed=parsed, overrides=upload.overrides)),
    )


def quality_checks(parsed: ParsedProtocol, overrides: dict) -> tuple[Check, ...]:
    """The reading's checklist (`quality_texts.checklist`), with the clerk's own values
    beside the meeting fields the reading lacked."""
    if parsed.quality is None:
        return ()
    supplied = {"date": overrides.get("date"), "organ": overrides.get("committee")}
    return tuple(
        replace(check, detail=_("ifyllt av dig: %(value)s") % {"value": supplied[check.key]})
        if not check.ok and supplied.get(check.key)
        else check
        for check in checklist(parsed.quality)
    )


def split_warnings(parsed: ParsedProtocol) -> tuple[dict[int, list[str]], list[str]]:
    """Parser warnings, in Swedish (`in_swedish`): those about one § that was read (its
    `item`) go to it; the rest (the protocol's, and removals over many §§) stay general."""
    numbers = {item.number for item in parsed.items}
    by_item: dict[int, list[str]] = {}
    general: list[str] = []
    for warning in parsed.warnings:
        if warning.item is not None and warning.item in numbers:
            by_item.setdefault(warning.item, []).append(in_swedish(warning))
        else:
            general.append(in_swedish(warning))
    return by_item, general


def item_checks(item: Item) -> list[str]:
    """What in one § often means a misreading."""
    found: list[str] = []
    if not item.decisions and not (item.withdrawn or item.tabled):
        found.append(_("Inget beslut hittades i paragrafen."))
    for decision in item.decisions:
        if not decision.clauses and decision.kind != "informationen noteras":
            found.append(_("Ett beslut saknar beslutstext (att-satser)."))
    for reservation in item.reservations:
        if not reservation.party:
            found.append(_("Reservationen av %(name)s saknar parti.") % {"name": reservation.name})
    if not item.text.strip():
        found.append(_("Paragrafens text är tom."))
    return found


def protocol_checks(parsed: ParsedProtocol) -> list[str]:
    """What in the protocol as a whole needs the clerk's eye before publishing."""
    found: list[str] = []
    missing = [
        label
        for label, value in (
            (_("huvudman"), parsed.body),
            (_("organ"), parsed.committee),
            (_("sammanträdesdatum"), parsed.date),
        )
        if not value
    ]
    if missing:
        found.append(
            _("Hittades inte i protokollet: %(fields)s. Fyll i dem nedan.")
            % {"fields": ", ".join(missing)}
        )
    if not parsed.items:
        found.append(_("Inga paragrafer (§) hittades."))
    if not parsed.attendees:
        found.append(_("Ingen närvarolista hittades."))
    without_party = [
        attendee.name
        for attendee in parsed.attendees
        if attendee.role in ROLES_WITH_PARTY and not attendee.party
    ]
    if without_party:
        found.append(_("Ledamöter utan parti: %(names)s.") % {"names": ", ".join(without_party)})
    twice = sorted(
        number for number, count in Counter(i.number for i in parsed.items).items() if count > 1
    )
    if twice:
        found.append(
            _("Paragrafnummer som förekommer flera gånger: %(numbers)s.")
            % {"numbers": ", ".join(f"§ {number}" for number in twice)}
        )
    return found


def meeting_replaced(parsed: ParsedProtocol, overrides: dict) -> Meeting | None:
    """The archived meeting that publishing would replace: same body, committee and date."""
    body = overrides.get("body") or parsed.body
    committee = overrides.get("committee") or parsed.committee
    date = overrides.get("date") or parsed.date
    if not (body and committee and date):
        return None
    return (
        Meeting.objects.filter(
            committee__name__iexact=committee, committee__body__name__iexact=body, date=date
        )
        .select_related("committee__body")
        .first()
    )
