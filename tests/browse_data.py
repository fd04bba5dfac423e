"""A small archive for the browse and API tests: one case travelling through three
committees (one meeting unpublished), attendance in every role, and an item with every
kind of content. Built with the factories; returns the objects the tests look at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from minutes import models
from minutes.services.search_index import update_search_vectors
from tests import factories as f

Role = models.Attendance.Role


@dataclass
class Archive:
    body: models.Body
    utskott: models.Committee
    styrelse: models.Committee
    fullmaktige: models.Committee
    first: models.Meeting  # utskott, March
    second: models.Meeting  # styrelse, April
    third: models.Meeting  # utskott, May
    hidden: models.Meeting  # fullmäktige, June, not published
    item: models.Item  # § 12 of `first`, with everything
    case: models.Case
    path_items: list[models.Item]  # the case's published items in date order
    hidden_item: models.Item
    s: models.Party
    m: models.Party
    chair: models.Person
    substitute: models.Person
    absent: models.Person
    reserver: models.Person


def build_archive(text: str = "") -> Archive:
    """Create the archive; `text` is added to every protocol string (for escaping tests)."""
    body = f.BodyFactory(name="Region Testvik", slug="region-testvik")
    utskott = f.CommitteeFactory(body=body, name="Hälso- och sjukvårdsutskottet", slug="hsu")
    styrelse = f.CommitteeFactory(body=body, name="Regionstyrelsen", slug="rs")
    fullmaktige = f.CommitteeFactory(body=body, name="Regionfullmäktige", slug="rf")
    s = f.PartyFactory(abbreviation="S", name="Socialdemokraterna")
    m = f.PartyFactory(abbreviation="M", name="Moderaterna")

    # Created out of date order on purpose: pages must sort, not rely on insertion order.
    third = f.MeetingFactory(committee=utskott, date=dt.date(2024, 5, 14), place="Rum 2" + text)
    hidden = f.MeetingFactory(committee=fullmaktige, date=dt.date(2024, 6, 3), is_published=False)
    second = f.MeetingFactory(committee=styrelse, date=dt.date(2024, 4, 10))
    first = f.MeetingFactory(
        committee=utskott,
        date=dt.date(2024, 3, 5),
        start_time=dt.time(9, 15),
        end_time=dt.time(12, 0),
        place="Sammanträdesrummet" + text,
        protocol_dnr="24HSU4",
        secretary="Maria Öhman",
        adjusters=["Roger Byström"],
    )

    chair = f.PersonFactory(body=body, name="Lena Asplund" + text, slug="lena-asplund")
    substitute = f.PersonFactory(body=body, name="Camilla Nilsson", slug="camilla-nilsson")
    absent = f.PersonFactory(body=body, name="Katarina Nylén" + text, slug="katarina-nylen")
    reserver = f.PersonFactory(body=body, name="Per Persson", slug="per-persson")
    secretary = f.PersonFactory(body=body, name="Maria Öhman", slug="maria-ohman")
    f.AttendanceFactory(meeting=first, person=chair, party=m, role=Role.CHAIR, position=0)
    f.AttendanceFactory(meeting=first, person=reserver, party=s, role=Role.MEMBER, position=1)
    f.AttendanceFactory(
        meeting=first,
        person=substitute,
        party=s,
        role=Role.SERVING_SUBSTITUTE,
        substitute_for=absent,
        position=2,
    )
    f.AttendanceFactory(
        meeting=first, person=secretary, party=None, role=Role.SECRETARY, position=3
    )
    f.AttendanceFactory(meeting=hidden, person=chair, party=m, role=Role.CHAIR)

    case = f.CaseFactory(body=body, dnr="24RS100")
    item = f.ItemFactory(
        meeting=first,
        number=12,
        title="Fördjupad samverkan" + text,
        dnr=["24RS100"],
        responsible=["Åsa Bellander"],
        handlers=["Susanne Sahlin"],
        sections=[
            {"heading": "Ärendebeskrivning" + text, "text": "Sedan 2018 har" + text},
            {"heading": "Beslutsunderlag", "text": "Tjänsteskrivelse"},
        ],
    )
    decision = f.DecisionFactory(
        item=item,
        decided_by="Hälso- och sjukvårdsutskottet",
        kind=models.Decision.Kind.PROPOSES,
        proposed_to=["Regionstyrelsen", "Regionfullmäktige"],
    )
    f.ClauseFactory(decision=decision, position=0, text="godkänna avtalet" + text)
    f.ClauseFactory(decision=decision, position=1, text="uppdra åt direktören att teckna det")
    yrkande = f.YrkandeFactory(item=item, text="avslag på förslaget" + text, won=False)
    f.YrkandePersonFactory(yrkande=yrkande, person=reserver, party=s)
    vote = f.VoteFactory(item=item, text="bifall mot avslag", yes=5, no=4, chair_decided=True)
    f.VoteCastFactory(vote=vote, person=reserver, party=s, choice="nej")
    f.ReservationFactory(
        item=item, person=reserver, party=s, reason="till förmån för eget yrkande" + text
    )
    note = f.NoteFactory(item=item, kind=models.Note.Kind.CONFLICT, text="anmäler jäv" + text)
    note.persons.add(chair)

    second_item = f.ItemFactory(meeting=second, number=40, title="Samverkan, styrelsen")
    f.DecisionFactory(
        item=second_item, kind=models.Decision.Kind.PROPOSES, proposed_to=["Regionfullmäktige"]
    )
    third_item = f.ItemFactory(meeting=third, number=20, title="Samverkan, uppföljning")
    hidden_item = f.ItemFactory(meeting=hidden, number=60, title="Samverkan, fullmäktige")
    for linked in (item, second_item, third_item, hidden_item):
        linked.cases.add(case)
    f.ItemFactory(meeting=third, number=21, title="Övriga frågor")
    update_search_vectors()
    return Archive(
        body=body,
        utskott=utskott,
        styrelse=styrelse,
        fullmaktige=fullmaktige,
        first=first,
        second=second,
        third=third,
        hidden=hidden,
        item=item,
        case=case,
        path_items=[item, second_item, third_item],
        hidden_item=hidden_item,
        s=s,
        m=m,
        chair=chair,
        substitute=substitute,
        absent=absent,
        reserver=reserver,
    )
