"""The data model's constraints hold in PostgreSQL itself, not only in Python."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from minutes import models


def make_item_with_everything(meeting: models.Meeting) -> models.Item:
    body = meeting.committee.body
    person = models.Person.objects.create(body=body, name="Anna Berg", slug="anna-berg")
    party = models.Party.objects.create(abbreviation="S", name="Socialdemokraterna")
    item = models.Item.objects.create(meeting=meeting, number=12, title="Budget 2025")
    case = models.Case.objects.create(body=body, key="24rs12", dnr="24RS12")
    item.cases.add(case)
    decision = models.Decision.objects.create(item=item, decided_by="Testnämnden")
    models.Clause.objects.create(decision=decision, position=0, text="anta budgeten")
    models.Reservation.objects.create(item=item, person=person, party=party)
    yrkande = models.Yrkande.objects.create(item=item, text="bifall")
    models.YrkandePerson.objects.create(yrkande=yrkande, person=person, party=party)
    vote = models.Vote.objects.create(item=item, yes=5, no=4)
    models.VoteCast.objects.create(vote=vote, person=person, party=party, choice="ja")
    note = models.Note.objects.create(item=item, kind="jäv", text="anmäler jäv")
    note.persons.add(person)
    models.Attendance.objects.create(meeting=meeting, person=person, party=party)
    return item


def test_duplicate_item_number_in_a_meeting_is_refused(meeting):
    models.Item.objects.create(meeting=meeting, number=7, title="Val av justerare")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Item.objects.create(meeting=meeting, number=7, title="Något annat")


def test_same_item_number_in_another_meeting_is_allowed(meeting):
    other = models.Meeting.objects.create(
        committee=meeting.committee, date=dt.date(2024, 6, 1), sha256="b" * 64
    )
    models.Item.objects.create(meeting=meeting, number=7, title="A")
    models.Item.objects.create(meeting=other, number=7, title="B")
    assert models.Item.objects.filter(number=7).count() == 2


def test_meeting_is_unique_per_committee_date_and_start_time(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Meeting.objects.create(
            committee=meeting.committee,
            date=meeting.date,
            start_time=meeting.start_time,
            sha256="c" * 64,
        )


def test_meetings_without_start_time_on_one_day_are_still_unique(committee):
    day = dt.date(2024, 9, 3)
    models.Meeting.objects.create(committee=committee, date=day, sha256="d" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Meeting.objects.create(committee=committee, date=day, sha256="e" * 64)


def test_deleting_a_meeting_removes_everything_under_it_but_not_people_or_parties(meeting):
    item = make_item_with_everything(meeting)
    meeting.delete()
    for model in (
        models.Item,
        models.Decision,
        models.Clause,
        models.Reservation,
        models.Yrkande,
        models.Vote,
        models.VoteCast,
        models.Note,
        models.Attendance,
    ):
        assert model.objects.count() == 0, model.__name__
    assert models.Person.objects.filter(name="Anna Berg").exists()
    assert models.Party.objects.filter(abbreviation="S").exists()
    assert models.Case.objects.filter(key="24rs12").exists(), "a case outlives one meeting"
    assert not models.Item.objects.filter(pk=item.pk).exists()


def test_clause_order_is_kept_whatever_the_insert_order(meeting):
    item = models.Item.objects.create(meeting=meeting, number=3, title="Ordning")
    decision = models.Decision.objects.create(item=item, decided_by="Testnämnden")
    for position, text in [(2, "tredje"), (0, "första"), (1, "andra")]:
        models.Clause.objects.create(decision=decision, position=position, text=text)
    assert [c.text for c in decision.clauses.all()] == ["första", "andra", "tredje"]
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Clause.objects.create(decision=decision, position=1, text="dubblett")


def test_party_abbreviation_is_unique_regardless_of_case(db):
    models.Party.objects.create(abbreviation="KD")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Party.objects.create(abbreviation="kd")


def test_a_person_with_history_cannot_be_deleted_by_accident(meeting):
    make_item_with_everything(meeting)
    person = models.Person.objects.get(name="Anna Berg")
    with pytest.raises(ProtectedError):
        person.delete()


def test_ids_any_of_a_list_finds_exactly_those_rows(meeting):
    items = [
        models.Item.objects.create(meeting=meeting, number=n, title=f"Ärende {n}")
        for n in (1, 2, 3)
    ]
    wanted = [items[2].pk, items[0].pk, items[0].pk + 1000]
    found = models.Item.objects.filter(pk__any=wanted).values_list("pk", flat=True)
    assert sorted(found) == sorted([items[0].pk, items[2].pk])
    assert not models.Item.objects.filter(pk__any=[]).exists()
