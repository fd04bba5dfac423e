"""What the generator decided a sample protocol says, before any layout renders it.

Tests compare these specs with what the parser reads back from the rendered file. Clauses
are kept without their closing punctuation (`,`, `;`, `.`, `samt`), which the layouts add.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PersonSpec:
    """A person as the protocol names them, with the party code (None for officials)."""

    name: str
    party: str | None = None


@dataclass(frozen=True, slots=True)
class AttendeeSpec:
    """One line of attendance."""

    name: str
    party: str | None
    role: str  # ordförande, vice ordförande, ledamot, tjänstgörande ersättare, ersättare, …
    substitute_for: str | None = None
    title: str | None = None  # an official's job title
    note: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionSpec:
    """A decision or proposal with its clauses in order."""

    decided_by: str
    kind: str  # beslutar | föreslår | informationen noteras
    clauses: tuple[str, ...]
    proposed_to: tuple[str, ...] = ()
    immediately_adjusted: bool = False


@dataclass(frozen=True, slots=True)
class YrkandeSpec:
    """A motion in the meeting."""

    persons: tuple[PersonSpec, ...]
    text: str
    won: bool


@dataclass(frozen=True, slots=True)
class VoteSpec:
    """A votering and its counts."""

    yes: int
    no: int
    abstain: int
    chair_decided: bool
    text: str


@dataclass(frozen=True, slots=True)
class ReservationSpec:
    """One person's reservation."""

    name: str
    party: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class NoteSpec:
    """A protokollsanteckning, a `deltar ej i beslutet` or a jäv."""

    kind: str  # protokollsanteckning | deltar ej | jäv
    persons: tuple[PersonSpec, ...]
    text: str


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """A headed part of an item's text; paragraphs are plain sentences."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """One § as generated."""

    number: int
    title: str
    dnr: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    handlers: tuple[str, ...] = ()
    withdrawn: bool = False
    tabled: bool = False
    sections: tuple[SectionSpec, ...] = ()
    basis: tuple[str, ...] = ()  # Beslutsunderlag lines
    decision: DecisionSpec | None = None
    yrkanden: tuple[YrkandeSpec, ...] = ()
    procedure: str | None = None  # Propositionsordning / Beslutsgång text
    votes: tuple[VoteSpec, ...] = ()
    reservations: tuple[ReservationSpec, ...] = ()
    notes: tuple[NoteSpec, ...] = ()
    send_to: tuple[str, ...] = ()  # Delges / Expedieras till


@dataclass(frozen=True, slots=True)
class ProtocolSpec:
    """One meeting's protocol as generated; `layout` names the renderer."""

    file_stem: str
    layout: str  # markdown | plain | kommun
    body: str
    committee: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    place: str
    protocol_dnr: str | None
    attendees: tuple[AttendeeSpec, ...]
    adjusters: tuple[str, ...]
    chair: str
    secretary: str
    items: tuple[ItemSpec, ...]
    adjusted_on: dt.date
    notice_posted_on: dt.date | None = None
    notice_removed_on: dt.date | None = None
    page_furniture: bool = True
    variant: int = 0  # picks among small layout variations (heading markup, line wrapping)

    def __repr__(self) -> str:
        return f"<ProtocolSpec {self.file_stem} {self.layout} §§{len(self.items)}>"
