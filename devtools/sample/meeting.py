"""One meeting's protocol spec: attendance, the § list and what happened in each §."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import vocabulary as voc
from .cases import Case, Clause, cap
from .spec import (
    AttendeeSpec,
    DecisionSpec,
    ItemSpec,
    NoteSpec,
    PersonSpec,
    ProtocolSpec,
    ReservationSpec,
    SectionSpec,
    VoteSpec,
    YrkandeSpec,
)
from .world import Body, Committee, Politician, Roster, Staff

_INFO_TITLES = ("Information om {topic}", "Lägesrapport om {topic}", "Dialog om {topic}")
_INFO_CLAUSE: Clause = ("lägga informationen till handlingarna", "Informationen noteras")


@dataclass
class Sitting:
    """Who serves at one meeting."""

    voting: list[Politician]
    chair: Politician
    attendees: list[AttendeeSpec]
    adjusters: list[Politician]


def seat_members(rng: random.Random, roster: Roster, staff: Staff, tier: str) -> Sitting:
    """Attendance: absent members replaced by substitutes of their party where possible."""
    chair, vice, *rest = roster.members
    attendees = [
        AttendeeSpec(chair.name, chair.party, "ordförande"),
        AttendeeSpec(vice.name, vice.party, "vice ordförande"),
    ]
    voting = [chair, vice]
    free = list(roster.substitutes)
    serving: list[AttendeeSpec] = []
    for member in rest:
        if rng.random() > 0.12:
            attendees.append(AttendeeSpec(member.name, member.party, "ledamot"))
            voting.append(member)
            continue
        stand_in = next((s for s in free if s.party == member.party), None) or (
            free[0] if free and rng.random() < 0.5 else None
        )
        if stand_in is not None:
            free.remove(stand_in)
            voting.append(stand_in)
            serving.append(
                AttendeeSpec(stand_in.name, stand_in.party, "tjänstgörande ersättare", member.name)
            )
    attendees.extend(serving)
    if tier != "fullmäktige":
        attendees.extend(
            AttendeeSpec(s.name, s.party, "ersättare") for s in free if rng.random() < 0.25
        )
    for official in rng.sample(staff.officials, rng.randint(1, 3)):
        attendees.append(AttendeeSpec(official.name, None, "tjänsteperson", title=official.title))
    attendees.append(
        AttendeeSpec(roster.secretary.name, None, "sekreterare", title=voc.SECRETARY_TITLE)
    )
    others = [p for p in voting if p is not chair]
    adjusters = rng.sample(others, 2 if tier == "fullmäktige" and len(others) > 2 else 1)
    return Sitting(voting=voting, chair=chair, attendees=attendees, adjusters=adjusters)


def who(people: list[Politician]) -> str:
    """`Anna Berg (V)` or `Anna Berg (V) och Olle Ek (V)`."""
    names = [f"{p.name} ({p.party})" for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


class ItemMaker:
    """Builds the ItemSpecs of one meeting in one layout."""

    def __init__(
        self,
        rng: random.Random,
        body: Body,
        committee: Committee,
        sitting: Sitting,
        majority: tuple[str, ...],
    ) -> None:
        self.rng = rng
        self.body = body
        self.committee = committee
        self.sitting = sitting
        self.majority = majority
        self.sentences = body.layout == "plain"
        self.summary = "Sammanfattning" if body.layout == "plain" else "Ärendebeskrivning"

    def form(self, clause: Clause) -> str:
        """The clause as this layout prints it."""
        return clause[1] if self.sentences else clause[0]

    def decides(
        self,
        clauses: list[Clause],
        kind: str = "beslutar",
        to: tuple[str, ...] = (),
        immediate: bool = False,
    ) -> DecisionSpec:
        """A decision of this committee with clauses in the layout's form."""
        if kind == "beslutar" and self.sentences and clauses == [_INFO_CLAUSE]:
            kind = "informationen noteras"
        return DecisionSpec(
            decided_by=self.committee.name,
            kind=kind,
            clauses=tuple(self.form(c) for c in clauses),
            proposed_to=to,
            immediately_adjusted=immediate and kind != "föreslår" and self.rng.random() < 0.1,
        )

    def adjusters_item(self, number: int) -> ItemSpec:
        """Val av justerare."""
        names = who(self.sitting.adjusters)
        clause = (
            f"utse {names} att jämte ordföranden justera protokollet",
            f"{names} utses att jämte ordföranden justera protokollet",
        )
        return ItemSpec(number, "Val av justerare", decision=self.decides([clause]))

    def agenda_item(self, number: int, withdrawn: list[ItemSpec]) -> ItemSpec:
        """Fastställande av föredragningslista, naming any withdrawn §."""
        paragraphs = tuple(f"Ett ärende utgår: § {i.number} {i.title}." for i in withdrawn)
        sections = (SectionSpec(self.summary, paragraphs),) if paragraphs else ()
        clause = (
            "fastställa upprättat förslag till föredragningslista",
            "Föredragningslistan fastställs enligt upprättat förslag",
        )
        title = self.rng.choice(
            ("Fastställande av föredragningslista", "Godkännande av dagordning")
        )
        return ItemSpec(number, title, sections=sections, decision=self.decides([clause]))

    def plain_item(self, number: int, title: str, text: str) -> ItemSpec:
        """An item with only a summary, such as `Mötet öppnas`."""
        return ItemSpec(number, title, sections=(SectionSpec("Sammanfattning", (text,)),))

    def info_item(self, number: int, dnr: str | None) -> ItemSpec:
        """An information item whose decision notes the information."""
        topic = self.rng.choice(
            voc.TOPICS[self.rng.choice(voc.COMMITTEE_DOMAINS[self.committee.key])]
        )
        title = self.rng.choice(_INFO_TITLES).format(topic=topic)
        text = f"Förvaltningen informerar om aktuellt läge avseende {topic}."
        return ItemSpec(
            number,
            title,
            dnr=(dnr,) if dnr else (),
            sections=(SectionSpec(self.summary, (text,)),),
            decision=self.decides([_INFO_CLAUSE]),
        )

    def routine_item(self, number: int) -> ItemSpec:
        """Anmälan av delegationsbeslut or Meddelanden."""
        if self.rng.random() < 0.5:
            clause = (
                "lägga redovisningen av delegationsbeslut till handlingarna",
                "Redovisningen av delegationsbeslut läggs till handlingarna",
            )
            return ItemSpec(number, "Anmälan av delegationsbeslut", decision=self.decides([clause]))
        clause = ("lägga meddelandena till handlingarna", "Meddelandena läggs till handlingarna")
        return ItemSpec(number, "Meddelanden", decision=self.decides([clause]))

    def withdrawn_item(self, number: int, case: Case) -> ItemSpec:
        """A § that was taken off the agenda: `Ärendet utgår`."""
        return ItemSpec(number, case.title, dnr=(case.dnr,), withdrawn=True)

    def case_item(
        self, number: int, case: Case, names: dict[str, str], show_officials: bool
    ) -> ItemSpec:
        """A § handling a case: propose onward along its route, or decide it."""
        rng = self.rng
        tabled = rng.random() < 0.03
        if tabled:
            clause = (
                "bordlägga ärendet till nästa sammanträde",
                "Ärendet bordläggs till nästa sammanträde",
            )
            decision = self.decides([clause])
        elif case.route:
            decision = self.decides(
                list(case.clauses), "föreslår", tuple(names[k] for k in case.route)
            )
        else:
            decision = self.decides(list(case.clauses), immediate=True)
        proposal = self._proposal_name(case)
        yrkanden, procedure, votes, reservations = (), None, (), ()
        debate_odds = 0.1 if self.committee.tier == "utskott" else 0.22
        if not tabled and rng.random() < debate_odds:
            yrkanden, procedure, votes, reservations = self._debate(proposal)
        sections = [SectionSpec(self.summary, tuple(case.paragraphs))]
        if self.body.layout != "plain" and rng.random() < 0.3:
            sections.append(SectionSpec("Förvaltningens bedömning", (self._assessment(case),)))
        return ItemSpec(
            number=number,
            title=case.title,
            dnr=(case.dnr,),
            responsible=(case.responsible,) if show_officials else (),
            handlers=case.handlers if show_officials else (),
            tabled=tabled,
            sections=tuple(sections),
            basis=tuple(case.basis),
            decision=decision,
            yrkanden=yrkanden,
            procedure=procedure,
            votes=votes,
            reservations=reservations,
            notes=self._notes(),
            send_to=self._send_to() if rng.random() < 0.5 else (),
        )

    def _proposal_name(self, case: Case) -> str:
        if not case.history:
            return "förvaltningens förslag"
        previous = case.history[-1][0]
        return f"{previous[:1].lower()}{previous[1:]}s förslag"

    def _assessment(self, case: Case) -> str:
        return (
            f"Förvaltningen bedömer att förslaget om {case.topic} är väl avvägt "
            "och att det kan genomföras inom befintlig budget."
        )

    def _debate(
        self, proposal: str
    ) -> tuple[tuple[YrkandeSpec, ...], str, tuple[VoteSpec, ...], tuple[ReservationSpec, ...]]:
        rng = self.rng
        voting = self.sitting.voting
        opposition = [p for p in voting if p.party not in self.majority]
        if not opposition:
            return (), "", (), ()
        party = rng.choice(sorted({p.party for p in opposition}))
        movers = [p for p in opposition if p.party == party][:2]
        supporter = self.sitting.chair
        motion = rng.choice(
            ("avslag på förslaget", "återremiss av ärendet", "bifall till motionen")
        )
        yrkanden = (
            YrkandeSpec(
                (PersonSpec(supporter.name, supporter.party),), f"bifall till {proposal}", True
            ),
            YrkandeSpec(tuple(PersonSpec(p.name, p.party) for p in movers), motion, False),
        )
        organ = self.committee.name[:1].lower() + self.committee.name[1:]
        procedure = (
            f"Ordföranden ställer {proposal} mot yrkandet om {motion} och finner att "
            f"{organ} beslutar enligt {proposal}."
        )
        votes: tuple[VoteSpec, ...] = ()
        if rng.random() < 0.4:
            abstain = rng.choice((0, 0, 0, 1))
            no = min(
                sum(1 for p in voting if p.party == party) + rng.randint(0, 2),
                (len(voting) - abstain) // 2,
            )
            yes = len(voting) - no - abstain
            tie = yes == no
            text = (
                f"Votering begärs. Ja-röst för {proposal}, nej-röst för yrkandet om {motion}. "
                f"Med {yes} ja-röster mot {no} nej-röster"
                + (f" och {abstain} som avstår" if abstain else "")
                + (" och ordförandens utslagsröst" if tie else "")
                + f" beslutar {organ} enligt {proposal}."
            )
            votes = (VoteSpec(yes, no, abstain, tie, text),)
        reservations: tuple[ReservationSpec, ...] = ()
        if rng.random() < 0.7:
            reason = rng.choice(voc.RESERVATION_REASONS)
            reservations = tuple(ReservationSpec(p.name, p.party, reason) for p in movers)
        return yrkanden, procedure, votes, reservations

    def _notes(self) -> tuple[NoteSpec, ...]:
        rng = self.rng
        if rng.random() > 0.08:
            return ()
        person = rng.choice(self.sitting.voting)
        ref = (PersonSpec(person.name, person.party),)
        kind = rng.choice(("protokollsanteckning", "deltar ej", "jäv"))
        if kind == "protokollsanteckning":
            quote = rng.choice(voc.PROTOCOL_NOTE_SENTENCES)
            text = f"{who([person])} lämnar följande protokollsanteckning: ”{quote}”"
        elif kind == "deltar ej":
            text = f"{who([person])} deltar inte i beslutet."
        else:
            text = f"{who([person])} anmäler jäv och deltar inte i handläggningen av ärendet."
        return (NoteSpec(kind, ref, text),)

    def _send_to(self) -> tuple[str, ...]:
        titles = voc.OFFICIAL_TITLES[self.body.kind]
        return tuple(cap(t) for t in self.rng.sample(titles, self.rng.randint(1, 2)))


def meeting_times(rng: random.Random, items: int) -> tuple[dt.time, dt.time]:
    """A start on the quarter hour and an end that grows with the number of §."""
    start = dt.datetime(2000, 1, 1, rng.randint(8, 13), rng.choice((0, 15, 30)))
    end = start + dt.timedelta(minutes=45 + items * rng.choice((8, 10, 12)))
    return start.time(), end.replace(minute=end.minute - end.minute % 5).time()


def assemble(
    *,
    rng: random.Random,
    body: Body,
    committee: Committee,
    date: dt.date,
    sitting: Sitting,
    roster: Roster,
    items: list[ItemSpec],
    protocol_dnr: str | None,
) -> ProtocolSpec:
    """The ProtocolSpec of a meeting whose items are built."""
    start, end = meeting_times(rng, len(items))
    room = rng.choice(voc.MEETING_ROOMS)
    place = room if room.startswith("digitalt") else f"{voc.HOUSES[body.kind]}, {body.seat}, {room}"
    adjusted = date + dt.timedelta(days=rng.randint(2, 9))
    posted = adjusted + dt.timedelta(days=rng.randint(0, 2))
    kommun = body.layout == "kommun"
    return ProtocolSpec(
        file_stem=f"{body.slug}_{committee.slug}_{date.isoformat()}",
        layout=body.layout,
        body=body.name,
        committee=committee.name,
        date=date,
        start_time=start,
        end_time=end,
        place=cap(place),
        protocol_dnr=protocol_dnr,
        attendees=tuple(sitting.attendees),
        adjusters=tuple(p.name for p in sitting.adjusters),
        chair=sitting.chair.name,
        secretary=roster.secretary.name,
        items=tuple(items),
        adjusted_on=adjusted,
        notice_posted_on=posted if kommun else None,
        notice_removed_on=posted + dt.timedelta(days=21) if kommun else None,
        page_furniture=rng.random() < 0.6,
        variant=rng.randint(0, 3),
    )
