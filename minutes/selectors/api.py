"""Reads for the JSON API: the published rows of each resource, filtered as the query asks.

Filters arrive validated (see `views/api.py`); each list is ordered so that pages are
stable, and fetches what the list shape shows in a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from ..models import (
    Attendance,
    Case,
    Decision,
    Item,
    Meeting,
    Person,
    Reservation,
    VoteCast,
    YrkandePerson,
)
from ..parsing.dnr import normalize_dnr
from .browse import published_items
from .public import public_people


@dataclass(frozen=True)
class MeetingFilters:
    """What the meeting list can be narrowed by; None means no filter."""

    body: str | None = None
    committee: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _decisions() -> Prefetch:
    return Prefetch(
        "decisions",
        queryset=Decision.objects.order_by("position", "id").prefetch_related("clauses"),
    )


def api_meetings(*, filters: MeetingFilters) -> QuerySet[Meeting]:
    """Published meetings, latest first."""
    meetings = Meeting.objects.published().select_related("committee__body")
    if filters.body:
        meetings = meetings.filter(committee__body__slug=filters.body)
    if filters.committee:
        meetings = meetings.filter(committee_id=filters.committee)
    if filters.date_from:
        meetings = meetings.filter(date__gte=filters.date_from)
    if filters.date_to:
        meetings = meetings.filter(date__lte=filters.date_to)
    return meetings.order_by("-date", "-start_time", "-id")


def api_meeting(*, pk: int) -> tuple[Meeting, QuerySet, QuerySet] | None:
    """A published meeting with its attendances and items, or None."""
    meeting = Meeting.objects.published().select_related("committee__body").filter(pk=pk).first()
    if meeting is None:
        return None
    attendances = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person__body", "party", "substitute_for")
        .order_by("position", "id")
    )
    items = published_items().filter(meeting=meeting).prefetch_related(_decisions())
    items = items.order_by("number")
    return meeting, attendances, items


def api_items(*, items: QuerySet[Item], dnr: str | None) -> QuerySet[Item]:
    """These (already filtered, published) items, latest first; `dnr` keeps one case's."""
    if dnr:
        linked = Item.cases.through.objects.filter(
            item_id=OuterRef("pk"), case__key=normalize_dnr(dnr)
        )
        items = items.filter(Exists(linked))
    return (
        items.select_related("meeting__committee__body")
        .prefetch_related(_decisions())
        .order_by("-meeting__date", "-number", "-id")
    )


def cases_with_items() -> QuerySet[Case]:
    """Cases with at least one published item, by dnr."""
    published = published_items().filter(cases=OuterRef("pk"))
    return Case.objects.filter(Exists(published)).select_related("body").order_by("key", "id")


def api_cases(*, prefix: str | None) -> QuerySet[Case]:
    """Published cases, optionally those whose key starts with the normalized `prefix`."""
    cases = cases_with_items()
    if prefix:
        cases = cases.alias(key_bytes=Case.key_bytes()).filter(
            key_bytes__startswith=normalize_dnr(prefix)
        )
    return cases


def api_people(*, body: str | None) -> QuerySet[Person]:
    """People named in a published meeting (`public_people`), by name."""
    people = public_people()
    if body:
        people = people.filter(body__slug=body)
    return people.select_related("body").order_by("name", "id")


def api_person_counts(*, person: Person) -> dict[str, int]:
    """How many published meetings the person attended, and their yrkanden, reservations
    and votes in printed rolls."""
    published = Q(meeting__is_published=True)
    return {
        "meetings": Attendance.objects.filter(published, person=person)
        .values("meeting")
        .distinct()
        .count(),
        "yrkanden": YrkandePerson.objects.filter(
            person=person, yrkande__item__is_published=True
        ).count(),
        "reservations": Reservation.objects.filter(person=person, item__is_published=True).count(),
        "votes": VoteCast.objects.filter(person=person, vote__item__is_published=True).count(),
    }
