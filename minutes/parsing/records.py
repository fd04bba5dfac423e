"""The parser's output: plain, frozen dataclasses that mirror the protocol JSON (version 2).

These know nothing of Django. Names are kept as written in the protocol; deciding which
Person or Party they are is the importer's job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .quality import Quality

FORMAT_VERSION = 2  # 2: warnings as objects with a code, and `quality`


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as named in the text, with the party code printed beside the name."""

    name: str
    party: str | None = None

    def __repr__(self) -> str:
        return f"<{self.name} ({self.party or '-'})>"


@dataclass(frozen=True, slots=True)
class Attendee:
    """One line of the attendance list."""

    name: str
    party: str | None = None
    role: str | None = None  # ordförande, vice ordförande, ledamot, tjänstgörande ersättare, …
    substitute_for: str | None = None
    municipality: str | None = None
    note: str | None = None  # "deltar ej i § 26", "§§70-76"


@dataclass(frozen=True, slots=True)
class Section:
    """A headed part of an item's text (Ärendebeskrivning, Beslutsunderlag, …)."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Decision:
    """What an organ decided or proposed, with its clauses in order."""

    decided_by: str | None
    kind: str  # beslutar | föreslår | överlämnar utan eget förslag | informationen noteras
    clauses: tuple[str, ...] = ()
    proposed_to: tuple[str, ...] = ()
    immediately_adjusted: bool = False


@dataclass(frozen=True, slots=True)
class Yrkande:
    """A motion: who moved it and what."""

    persons: tuple[PersonRef, ...]
    text: str
    won: bool | None = None


@dataclass(frozen=True, slots=True)
class RollCall:
    """One member's vote in a votering where the roll is printed."""

    name: str
    party: str | None
    vote: str  # ja | nej | avstår


@dataclass(frozen=True, slots=True)
class Vote:
    """A votering: counts, whether the chair's casting vote decided, and the roll."""

    yes: int | None
    no: int | None
    abstain: int | None = None
    chair_decided: bool = False
    text: str = ""
    roll: tuple[RollCall, ...] = ()


@dataclass(frozen=True, slots=True)
class Reservation:
    """Formal dissent by one person."""

    name: str
    party: str | None = None
    reason: str | None = None
    written: bool = False
    text: str | None = None  # the written reservation's own text, where attached


@dataclass(frozen=True, slots=True)
class Note:
    """protokollsanteckning, noteras till protokollet, deltar ej i beslutet, jäv."""

    kind: str  # protokollsanteckning | noteras | deltar ej | jäv
    persons: tuple[PersonRef, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """One § of the protocol."""

    number: int
    title: str
    dnr: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    handlers: tuple[str, ...] = ()
    withdrawn: bool = False
    tabled: bool = False
    sections: tuple[Section, ...] = ()
    decisions: tuple[Decision, ...] = ()
    yrkanden: tuple[Yrkande, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    votes: tuple[Vote, ...] = ()
    notes: tuple[Note, ...] = ()
    text: str = ""  # the cleaned text of the whole §, for review and search

    def __repr__(self) -> str:
        return f"<§ {self.number} {self.title[:40]!r} dnr={list(self.dnr)}>"


@dataclass(frozen=True, slots=True)
class Source:
    """Where the reading came from."""

    filename: str | None = None
    sha256: str | None = None
    pages: int | None = None


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """A guess or repair of the reading: a stable code, the § (None: the protocol), the
    parameters the code's text needs, how many times it happened, and an English message
    for logs (`warning_codes.warn` makes them)."""

    code: str
    message: str
    item: int | None = None
    count: int = 1
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class ParsedProtocol:
    """The whole reading of one protocol file."""

    source: Source = field(default_factory=Source)
    body: str | None = None
    committee: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    protocol_dnr: str | None = None
    attendees: tuple[Attendee, ...] = ()
    adjusters: tuple[str, ...] = ()
    chair: str | None = None
    secretary: str | None = None
    adjusted_on: dt.date | None = None
    notice_posted_on: dt.date | None = None
    notice_removed_on: dt.date | None = None
    items: tuple[Item, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    quality: Quality | None = None  # what was found against what the text shows (quality.py)

    def __repr__(self) -> str:
        return f"<ParsedProtocol {self.committee!r} {self.date} §§{[i.number for i in self.items]}>"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def protocol_to_dict(protocol: ParsedProtocol) -> dict[str, Any]:
    """Return the protocol JSON (format_version 2) of DESIGN.md as plain Python data."""
    data = _jsonable(protocol)
    return {"format_version": FORMAT_VERSION, **data}
