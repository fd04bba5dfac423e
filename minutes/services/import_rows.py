"""Write the reading of one protocol (attendance and items with everything under them).

Every row is built in memory first and inserted with one `bulk_create` per model, parents
before children (PostgreSQL returns the new ids), so a protocol costs a fixed number of
statements however many § it has. The caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from minutes.models import (
    Attendance,
    Body,
    Clause,
    Decision,
    Item,
    Meeting,
    Note,
    Party,
    Reservation,
    Vote,
    VoteCast,
    Yrkande,
    YrkandePerson,
)
from minutes.parsing import records
from minutes.parsing.dnr import normalize_dnr

from .import_warnings import StoredWarning, warning_add
from .resolve import (
    DNR_LENGTH,
    NAME_LENGTH,
    ImportCache,
    cases_resolve,
    name_key,
    party_resolve,
    people_resolve,
)

# Role words the parser may print, beyond the model's own values.
_ROLE_SYNONYMS = {
    "1:e vice ordförande": Attendance.Role.VICE_CHAIR,
    "2:e vice ordförande": Attendance.Role.VICE_CHAIR,
    "ledamöter": Attendance.Role.MEMBER,
    "beslutande": Attendance.Role.MEMBER,
    "ej tjänstgörande ersättare": Attendance.Role.SUBSTITUTE,
    "tjänstepersoner": Attendance.Role.OFFICIAL,
    "tjänsteman": Attendance.Role.OFFICIAL,
    "protokollförare": Attendance.Role.SECRETARY,
    "övriga närvarande": Attendance.Role.OTHER,
}
# The models' choices as sets, computed once: `Choices.values` builds a new list each call.
_ROLES = frozenset(Attendance.Role.values)
_DECISION_KINDS = frozenset(Decision.Kind.values)
_VOTE_CHOICES = frozenset(VoteCast.Choice.values)
_NOTE_KINDS = frozenset(Note.Kind.values)
_NOTE_SYNONYMS = {
    "noteras till protokollet": Note.Kind.NOTED,
    "deltar ej i beslutet": Note.Kind.ABSTAINS,
}


@dataclass
class Context:
    """What the rows of one protocol are resolved against: its body's people and cases."""

    body: Body
    cache: ImportCache
    warnings: list[StoredWarning]
    people: dict[str, int]
    cases: dict[str, int]
    meeting: Meeting | None = None

    def person(self, name: str) -> int | None:
        """The id of the named person of this body, None for an empty name."""
        return self.people.get(name_key(name))

    def party(self, printed: str | None) -> Party | None:
        """The Party of a printed code (created and flagged if unknown)."""
        return party_resolve(printed=printed, cache=self.cache, warnings=self.warnings)


def names_in(protocol: records.ParsedProtocol, items: Sequence[records.Item]) -> list[str]:
    """Every person's name the reading refers to, once each, in order of appearance.

    Attendees, movers, reservations, roll calls, notes; the order makes slugs deterministic.
    """
    names = [a.name for a in protocol.attendees]
    names.extend(a.substitute_for for a in protocol.attendees if a.substitute_for)
    for item in items:
        names.extend(p.name for y in item.yrkanden for p in y.persons)
        names.extend(res.name for res in item.reservations)
        names.extend(c.name for v in item.votes for c in v.roll)
        names.extend(p.name for n in item.notes for p in n.persons)
    return [name for name in dict.fromkeys(names) if name_key(name)]


def parties_in(protocol: records.ParsedProtocol, items: Sequence[records.Item]) -> set[str]:
    """Every party code printed in the reading."""
    codes = {a.party for a in protocol.attendees}
    for item in items:
        codes.update(p.party for y in item.yrkanden for p in y.persons)
        codes.update(res.party for res in item.reservations)
        codes.update(c.party for v in item.votes for c in v.roll)
        codes.update(p.party for n in item.notes for p in n.persons)
    return {code for code in codes if code}


def reading_prepare(
    *,
    body: Body,
    protocol: records.ParsedProtocol,
    items: Sequence[records.Item],
    cache: ImportCache,
    warnings: list[StoredWarning],
) -> Context:
    """Resolve (or create) the people, parties and cases the reading names.

    Done before the meeting is saved, so the warnings about unknown parties can be saved
    with it in the same statement.
    """
    people = people_resolve(body=body, names=names_in(protocol, items), cache=cache)
    cases = cases_resolve(body=body, dnrs=dnrs_in(items), cache=cache)
    return reading_context(
        body=body,
        protocol=protocol,
        items=items,
        cache=cache,
        warnings=warnings,
        people=people,
        cases=cases,
    )


def dnrs_in(items: Sequence[records.Item]) -> Iterator[str]:
    """Every diarienummer the items print, in order."""
    return (dnr for item in items for dnr in item.dnr)


def reading_context(
    *,
    body: Body,
    protocol: records.ParsedProtocol,
    items: Sequence[records.Item],
    cache: ImportCache,
    warnings: list[StoredWarning],
    people: dict[str, int],
    cases: dict[str, int],
) -> Context:
    """The context of one reading whose people and cases are resolved; parties resolved now.

    Parties are resolved in code order so their warnings come in the same order however
    the reading's people and cases were resolved (one protocol, or a bulk load's batch).
    """
    ctx = Context(body=body, cache=cache, warnings=warnings, people=people, cases=cases)
    for code in sorted(parties_in(protocol, items)):
        ctx.party(code)
    return ctx


def reading_write(
    *,
    ctx: Context,
    meeting: Meeting,
    protocol: records.ParsedProtocol,
    items: Sequence[records.Item],
) -> list[int]:
    """Insert the attendance and `items` of `protocol` under `meeting`; return the item ids."""
    ctx.meeting = meeting
    _attendance_write(ctx, protocol.attendees)
    rows = Item.objects.bulk_create(_item_row(meeting, item) for item in items)
    pairs = list(zip(rows, items, strict=True))
    _cases_write(ctx, pairs)
    _decisions_write(pairs)
    _yrkanden_write(ctx, pairs)
    _reservations_write(ctx, pairs)
    _votes_write(ctx, pairs)
    _notes_write(ctx, pairs)
    return [row.pk for row in rows]


def _attendance_write(ctx: Context, attendees: Iterable[records.Attendee]) -> None:
    Attendance.objects.bulk_create(
        Attendance(meeting=ctx.meeting, **values) for values in attendance_values(ctx, attendees)
    )


def attendance_values(ctx: Context, attendees: Iterable[records.Attendee]) -> Iterator[dict]:
    """The field values of each attendance row (attendees without a name are left out)."""
    for position, attendee in enumerate(attendees):
        person = ctx.person(attendee.name)
        if person is None:
            continue
        substitute_for = ctx.person(attendee.substitute_for) if attendee.substitute_for else None
        yield {
            "person_id": person,
            "party": ctx.party(attendee.party),
            "role": attendance_role(ctx, attendee.role),
            "substitute_for_id": substitute_for,
            "municipality": (attendee.municipality or "")[:NAME_LENGTH],
            "note": (attendee.note or "")[:300],
            "position": position,
        }


def attendance_role(ctx: Context, printed: str | None) -> str:
    """The Attendance.Role of a printed role; no role printed means an ordinary member."""
    if not printed:
        return Attendance.Role.MEMBER
    word = " ".join(printed.split()).casefold()
    if word in _ROLES:
        return word
    if word in _ROLE_SYNONYMS:
        return _ROLE_SYNONYMS[word]
    warning_add(ctx.warnings, "import_unknown_role", role=printed)
    return Attendance.Role.OTHER


def _item_row(meeting: Meeting, item: records.Item) -> Item:
    return Item(meeting=meeting, **item_values(item))


def item_values(item: records.Item) -> dict:
    """The field values of an item row (lists cut to the column widths)."""
    return {
        "number": item.number,
        "title": item.title,
        "dnr": [d[:DNR_LENGTH] for d in item.dnr],
        "responsible": [r[:NAME_LENGTH] for r in item.responsible],
        "handlers": [h[:NAME_LENGTH] for h in item.handlers],
        "withdrawn": item.withdrawn,
        "tabled": item.tabled,
        "sections": [{"heading": s.heading, "text": s.text} for s in item.sections],
        "text": item.text,
    }


def item_case_ids(ctx: Context, item: records.Item) -> set[int]:
    """The ids of the cases an item's diarienummer name."""
    keys = (normalize_dnr(d)[:DNR_LENGTH] for d in item.dnr)
    return {ctx.cases[key] for key in keys if key in ctx.cases}


def _cases_write(ctx: Context, pairs: list[tuple[Item, records.Item]]) -> None:
    links = {(row.pk, case) for row, item in pairs for case in item_case_ids(ctx, item)}
    through = Item.cases.through
    through.objects.bulk_create(through(item_id=i, case_id=c) for i, c in sorted(links))


def _decisions_write(pairs: list[tuple[Item, records.Item]]) -> None:
    decisions: list[tuple[Decision, tuple[str, ...]]] = []
    for row, item in pairs:
        for position, decision in enumerate(item.decisions):
            decisions.append(
                (
                    Decision(item=row, position=position, **decision_values(decision)),
                    decision.clauses,
                )
            )
    Decision.objects.bulk_create(d for d, _ in decisions)
    Clause.objects.bulk_create(
        Clause(decision=d, position=position, text=text)
        for d, clauses in decisions
        for position, text in enumerate(clauses)
    )


def decision_values(decision: records.Decision) -> dict:
    """The field values of a decision row; a kind outside the model's reads as `beslutar`."""
    kind = decision.kind if decision.kind in _DECISION_KINDS else Decision.Kind.DECIDES
    return {
        "decided_by": (decision.decided_by or "")[:NAME_LENGTH],
        "kind": kind,
        "proposed_to": [p[:NAME_LENGTH] for p in decision.proposed_to],
        "immediately_adjusted": decision.immediately_adjusted,
    }


def _yrkanden_write(ctx: Context, pairs: list[tuple[Item, records.Item]]) -> None:
    yrkanden: list[tuple[Yrkande, tuple[records.PersonRef, ...]]] = []
    for row, item in pairs:
        for position, yrkande in enumerate(item.yrkanden):
            yrkanden.append(
                (
                    Yrkande(item=row, position=position, text=yrkande.text, won=yrkande.won),
                    yrkande.persons,
                )
            )
    Yrkande.objects.bulk_create(y for y, _ in yrkanden)
    YrkandePerson.objects.bulk_create(
        YrkandePerson(yrkande=yrkande, person_id=person, party=party)
        for yrkande, persons in yrkanden
        for person, party in movers_of(ctx, persons)
    )


def movers_of(ctx: Context, persons: Iterable[records.PersonRef]) -> Iterator[tuple[int, Party]]:
    """(person id, party) of each mover of a yrkande, each person once."""
    seen: set[int] = set()
    for ref in persons:
        person = ctx.person(ref.name)
        if person is not None and person not in seen:
            seen.add(person)
            yield person, ctx.party(ref.party)


def _reservations_write(ctx: Context, pairs: list[tuple[Item, records.Item]]) -> None:
    Reservation.objects.bulk_create(
        Reservation(item=row, **values)
        for row, item in pairs
        for values in reservation_values(ctx, item)
    )


def reservation_values(ctx: Context, item: records.Item) -> Iterator[dict]:
    """The field values of the item's reservations; one without a name is left out, warned."""
    for reservation in item.reservations:
        person = ctx.person(reservation.name)
        if person is None:
            warning_add(ctx.warnings, "import_reservation_unnamed", item=item.number)
            continue
        yield {
            "person_id": person,
            "party": ctx.party(reservation.party),
            "reason": reservation.reason or "",
            "written": reservation.written,
            "text": reservation.text or "",
        }


def _votes_write(ctx: Context, pairs: list[tuple[Item, records.Item]]) -> None:
    votes: list[tuple[Vote, tuple[records.RollCall, ...], int]] = []
    for row, item in pairs:
        for position, vote in enumerate(item.votes):
            votes.append(
                (
                    Vote(
                        item=row,
                        position=position,
                        text=vote.text,
                        yes=vote.yes,
                        no=vote.no,
                        abstain=vote.abstain,
                        chair_decided=vote.chair_decided,
                    ),
                    vote.roll,
                    item.number,
                )
            )
    Vote.objects.bulk_create(v for v, _, _ in votes)
    VoteCast.objects.bulk_create(
        VoteCast(vote=vote, person_id=person, party=party, choice=choice)
        for vote, roll, number in votes
        for person, party, choice in casts_of(ctx, number, roll)
    )


def casts_of(
    ctx: Context, number: int, roll: Iterable[records.RollCall]
) -> Iterator[tuple[int, Party | None, str]]:
    """(person id, party, choice) of each readable vote of a roll; the others are warned."""
    for call in roll:
        person = ctx.person(call.name)
        if person is None or call.vote not in _VOTE_CHOICES:
            warning_add(
                ctx.warnings, "import_vote_unreadable", item=number, vote=call.vote, name=call.name
            )
            continue
        yield person, ctx.party(call.party), call.vote


def _notes_write(ctx: Context, pairs: list[tuple[Item, records.Item]]) -> None:
    notes: list[tuple[Note, tuple[records.PersonRef, ...]]] = []
    for row, item in pairs:
        for note in item.notes:
            notes.append((Note(item=row, kind=note_kind(note.kind), text=note.text), note.persons))
    Note.objects.bulk_create(n for n, _ in notes)
    through = Note.persons.through
    links = {
        (note.pk, person) for note, persons in notes for person in note_person_ids(ctx, persons)
    }
    through.objects.bulk_create(through(note_id=n, person_id=p) for n, p in sorted(links))


def note_person_ids(ctx: Context, persons: Iterable[records.PersonRef]) -> set[int]:
    """The ids of the named persons of a note (unnamed ones left out)."""
    return {person for person in (ctx.person(ref.name) for ref in persons) if person is not None}


def note_kind(printed: str) -> str:
    """The Note.Kind of a printed kind; anything unknown is a protokollsanteckning."""
    word = " ".join(printed.split()).casefold()
    if word in _NOTE_KINDS:
        return word
    return _NOTE_SYNONYMS.get(word, Note.Kind.ENTRY)
