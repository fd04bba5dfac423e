"""factory_boy factories for database tests: seeded, readable, no JSON fixtures."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils.text import slugify

from minutes import models
from minutes.parsing.dnr import normalize_dnr


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Body
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Region Provort {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Committee
        django_get_or_create = ("body", "slug")

    body = factory.SubFactory(BodyFactory)
    name = factory.Sequence(lambda n: f"Provnämnd {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Party
        django_get_or_create = ("abbreviation",)

    abbreviation = "S"
    name = "Socialdemokraterna"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person
        django_get_or_create = ("body", "name")

    body = factory.SubFactory(BodyFactory)
    name = factory.Sequence(lambda n: f"Person Provsson{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    committee = factory.SubFactory(CommitteeFactory)
    date = factory.Sequence(lambda n: dt.date(2024, 1, 1) + dt.timedelta(days=7 * n))
    start_time = dt.time(9, 0)
    place = "Sammanträdesrummet"
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    source_filename = factory.LazyAttribute(lambda o: f"protokoll-{o.date}.txt")


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Item

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Ärende nummer {n}")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Decision

    item = factory.SubFactory(ItemFactory)
    decided_by = factory.LazyAttribute(lambda o: o.item.meeting.committee.name)
    kind = models.Decision.Kind.DECIDES


class ClauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Clause

    decision = factory.SubFactory(DecisionFactory)
    position = factory.Sequence(lambda n: n)
    text = "godkänna förslaget"


class ReservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Reservation

    item = factory.SubFactory(ItemFactory)
    person = factory.SubFactory(
        PersonFactory, body=factory.SelfAttribute("..item.meeting.committee.body")
    )
    party = factory.SubFactory(PartyFactory)
    reason = "till förmån för eget yrkande"


# --- Added for the search tests (tests/test_search.py and friends) ---


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Case
        django_get_or_create = ("body", "key")

    body = factory.SubFactory(BodyFactory)
    dnr = factory.Sequence(lambda n: f"24RS{1000 + n}")
    key = factory.LazyAttribute(lambda o: normalize_dnr(o.dnr))


class YrkandeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Yrkande

    item = factory.SubFactory(ItemFactory)
    position = factory.Sequence(lambda n: n)
    text = "bifall till förvaltningens förslag"


class YrkandePersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.YrkandePerson

    yrkande = factory.SubFactory(YrkandeFactory)
    person = factory.SubFactory(
        PersonFactory, body=factory.SelfAttribute("..yrkande.item.meeting.committee.body")
    )
    party = factory.SubFactory(PartyFactory)


# --- Browse pages (attendance, votes, notes) ---


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(
        PersonFactory, body=factory.SelfAttribute("..meeting.committee.body")
    )
    party = factory.SubFactory(PartyFactory)
    role = models.Attendance.Role.MEMBER
    position = factory.Sequence(lambda n: n)


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Vote

    item = factory.SubFactory(ItemFactory)
    text = "bifall mot avslag"
    yes = 7
    no = 6
    abstain = 0


class VoteCastFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.VoteCast

    vote = factory.SubFactory(VoteFactory)
    person = factory.SubFactory(
        PersonFactory, body=factory.SelfAttribute("..vote.item.meeting.committee.body")
    )
    party = factory.SubFactory(PartyFactory)
    choice = models.VoteCast.Choice.YES


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Note

    item = factory.SubFactory(ItemFactory)
    kind = models.Note.Kind.ENTRY
    text = "antecknar till protokollet"
