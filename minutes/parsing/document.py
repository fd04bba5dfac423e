"""Read a protocol's whole text: clean → segment → meeting + attendance → items.

`parse_text` is the document-level entry point; it never raises anything but
`ParseError`, and one § that cannot be read becomes a warning, not a failure.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Sequence

from .attendance import (
    LEDAMOT,
    ORDFORANDE,
    TJANSTGORANDE_ERSATTARE,
    VICE_ORDFORANDE,
    read_attendance,
)
from .clean import CleanText, Removal, normalize, remove_furniture
from .errors import ParseError
from .items import read_item
from .meeting import find_meeting_date, read_meeting
from .people import normalize_party
from .quality import assess
from .records import (
    Attendee,
    Item,
    ParsedProtocol,
    ParseWarning,
    PersonRef,
    Reservation,
    Source,
)
from .segment import RawItem, Segments, segment
from .warning_codes import fold, warn

logger = logging.getLogger(__name__)


_EXCERPT = 60
# Who takes part in a decision, and so may reserve themselves against it.
_DECIDING_ROLES = frozenset({ORDFORANDE, VICE_ORDFORANDE, LEDAMOT, TJANSTGORANDE_ERSATTARE})


def _fallback_item(raw: RawItem) -> Item:
    """An item with only what segmentation knows: number, first line as title, text."""
    first = raw.text.split("\n", 1)[0]
    title = first.lstrip("§ \t0123456789").strip() or ""
    return Item(number=raw.number, title=title, text=raw.text)


def _read_items(raw_items: Sequence[RawItem], warnings: list[ParseWarning]) -> list[Item]:
    items: list[Item] = []
    for raw in raw_items:
        try:
            item, item_warnings = read_item(raw.number, raw.text)
        except Exception as error:  # one bad § must not lose the whole protocol
            logger.exception("§ %s could not be read", raw.number)
            warnings.append(warn("item_unreadable", item=raw.number, error=type(error).__name__))
            items.append(_fallback_item(raw))
            continue
        items.append(item)
        warnings.extend(item_warnings)
    return items


def _item_of(removal: Removal, raw_items: Sequence[RawItem]) -> RawItem | None:
    """The § a removal happened in; furniture just above a § marker ends the previous §."""
    previous: RawItem | None = None
    for raw in raw_items:
        if raw.start_line <= removal.line < raw.end_line:
            at_marker = removal.line == raw.start_line and not removal.inline
            return previous if at_marker else raw
        previous = raw
    return None


def furniture_warnings(
    removals: Sequence[Removal], raw_items: Sequence[RawItem]
) -> list[ParseWarning]:
    """One warning per kind of page furniture removed inside the §§: a routine removal,
    told once with how often, an example and the §§ it was taken out of."""
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    numbers: dict[str, list[int]] = {}
    for removal in removals:
        raw = _item_of(removal, raw_items)
        if raw is None:
            continue
        counts[removal.kind] += 1
        examples.setdefault(removal.kind, removal.text[:_EXCERPT])
        found = numbers.setdefault(removal.kind, [])
        if raw.number not in found:
            found.append(raw.number)
    return [
        warn(
            "furniture_removed", count=count, kind=kind, example=examples[kind], items=numbers[kind]
        )
        for kind, count in counts.items()
    ]


def resolve_party_reservations(
    items: Sequence[Item], attendees: Sequence[Attendee], warnings: list[ParseWarning]
) -> list[Item]:
    """Name the persons behind `Ledamöterna från SD reserverar sig`: the deciding attendees
    of that party (ordförande, vice ordförande, ledamot, tjänstgörande ersättare), each a
    reservation of their own, with a warning since it is a guess. Without such attendees
    the party-only reservation stays, with a warning."""
    resolved = []
    for item in items:
        if not any(not r.name and r.party for r in item.reservations):
            resolved.append(item)
            continue
        reservations: list[Reservation] = []
        for reservation in item.reservations:
            if reservation.name or not reservation.party:
                reservations.append(reservation)
                continue
            members = _deciding_members(attendees, reservation.party)
            named = {r.name for r in item.reservations if r.name}
            new = [m for m in members if m.name not in named]
            if not members:
                reservations.append(reservation)
                warnings.append(
                    warn("party_reservation_unnamed", item=item.number, party=reservation.party)
                )
                continue
            reservations.extend(
                dataclasses.replace(reservation, name=m.name, party=m.party) for m in new
            )
            names = ", ".join(m.name for m in members)
            warnings.append(
                warn(
                    "party_reservation_guessed",
                    item=item.number,
                    party=reservation.party,
                    names=names,
                )
            )
        resolved.append(dataclasses.replace(item, reservations=tuple(reservations)))
    return resolved


def with_attendance_parties(item: Item, attendees: Sequence[Attendee]) -> Item:
    """Persons of yrkanden, notes and reservations named without a party (a signature
    under a protokollsanteckning) take the party the attendance list gives that name."""
    parties = {a.name: a.party for a in attendees if a.party}
    if not parties:
        return item

    def person(ref: PersonRef) -> PersonRef:
        party = ref.party or parties.get(ref.name)
        return ref if party == ref.party else dataclasses.replace(ref, party=party)

    return dataclasses.replace(
        item,
        yrkanden=tuple(
            dataclasses.replace(y, persons=tuple(map(person, y.persons))) for y in item.yrkanden
        ),
        notes=tuple(
            dataclasses.replace(n, persons=tuple(map(person, n.persons))) for n in item.notes
        ),
        reservations=tuple(
            r if r.party or not r.name else dataclasses.replace(r, party=parties.get(r.name))
            for r in item.reservations
        ),
    )


def _deciding_members(attendees: Sequence[Attendee], party: str) -> list[Attendee]:
    wanted = normalize_party(party)
    return [
        a
        for a in attendees
        if a.role in _DECIDING_ROLES and a.party and normalize_party(a.party) == wanted
    ]


def _check_is_protocol(text: str, segments: Segments, has_date: bool) -> None:
    if segments.items or has_date:
        return
    start = " ".join(text.split())[:_EXCERPT]
    raise ParseError(
        "Texten ser inte ut som ett protokoll: den saknar både paragrafer (§) och "
        f"sammanträdesdatum. Texten börjar: ”{start}”"
    )


def _parse(text: str, source: Source) -> ParsedProtocol:
    normalized = normalize(text)
    meeting_date = find_meeting_date(normalized)
    cleaned: CleanText = remove_furniture(normalized, meeting_date=meeting_date)
    segments = segment(cleaned.lines)
    _check_is_protocol(normalized, segments, meeting_date is not None)
    warnings: list[ParseWarning] = list(segments.warnings)
    attendees, attendance_warnings = read_attendance(segments.header)
    info, meeting_warnings = read_meeting(
        normalized,
        header=segments.header,
        tail=segments.tail,
        items=[(raw.number, raw.text) for raw in segments.items],
        attendees=attendees,
        date=meeting_date,
    )
    warnings.extend(meeting_warnings)
    warnings.extend(attendance_warnings)
    if not segments.items:
        warnings.append(warn("no_items"))
    warnings.extend(furniture_warnings(cleaned.removals, segments.items))
    items = resolve_party_reservations(_read_items(segments.items, warnings), attendees, warnings)
    items = [with_attendance_parties(item, attendees) for item in items]
    stated = {f.name: getattr(info, f.name) for f in dataclasses.fields(info)}
    parsed = ParsedProtocol(
        source=source,
        attendees=tuple(attendees),
        items=tuple(items),
        warnings=fold(warnings),
        **stated,  # the meeting fields keep their names from MeetingInfo to ParsedProtocol
    )
    return dataclasses.replace(parsed, quality=assess(normalized, parsed))


def parse_text(text: str, *, source: Source | None = None) -> ParsedProtocol:
    """Read a protocol's text into a `ParsedProtocol`; raise `ParseError` if it is not one."""
    if not text or not text.strip():
        raise ParseError("Texten är tom: det finns inget protokoll att läsa.")
    try:
        return _parse(text, source or Source())
    except ParseError:
        raise
    except Exception as error:  # the contract: a result or a ParseError, never a traceback
        logger.exception("unexpected error while parsing a protocol")
        raise ParseError(
            f"Protokollet kunde inte läsas på grund av ett oväntat fel ({type(error).__name__})."
        ) from error
