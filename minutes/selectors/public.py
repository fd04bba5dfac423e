"""What the public may see by name: bodies, committees, people and parties that a published
meeting names. A name found only in unpublished protocols is not public yet, so every list,
filter and page of these reads through here.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from ..models import (
    Attendance,
    Body,
    Committee,
    Meeting,
    Note,
    Party,
    Person,
    Reservation,
    VoteCast,
    YrkandePerson,
)


def public_bodies() -> QuerySet[Body]:
    """Bodies with at least one published meeting."""
    published = Meeting.objects.published().filter(committee__body=OuterRef("pk"))
    return Body.objects.filter(Exists(published))


def public_committees() -> QuerySet[Committee]:
    """Committees with at least one published meeting."""
    published = Meeting.objects.published().filter(committee=OuterRef("pk"))
    return Committee.objects.filter(Exists(published))


def public_people() -> QuerySet[Person]:
    """People named in a published meeting: attending, moving, reserving, in a roll or in
    a note (which the item page shows, and the person filter finds)."""
    noted = Note.persons.through.objects.filter(
        person=OuterRef("pk"), note__item__is_published=True
    )
    return Person.objects.filter(_named_in_published("person") | Exists(noted))


def public_parties() -> QuerySet[Party]:
    """Parties named in a published meeting: by an attendee, a mover, a reservation or a
    vote in a printed roll."""
    return Party.objects.filter(_named_in_published("party"))


def _named_in_published(field: str):
    """An Exists condition: the row is `field` of a published attendance, yrkande mover,
    reservation or vote."""
    ref = {field: OuterRef("pk")}
    return (
        Exists(Attendance.objects.filter(meeting__is_published=True, **ref))
        | Exists(YrkandePerson.objects.filter(yrkande__item__meeting__is_published=True, **ref))
        | Exists(Reservation.objects.filter(item__meeting__is_published=True, **ref))
        | Exists(VoteCast.objects.filter(vote__item__meeting__is_published=True, **ref))
    )
