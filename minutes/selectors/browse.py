"""Reads for the browse pages: bodies, committees, meetings, items and cases.

Every read here sees published meetings only; an unpublished meeting and everything in it
does not exist for the public. Each function fetches what its page shows in a fixed number
of queries whatever the size of the meeting or case (select_related/prefetch_related).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.functions import ExtractYear
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..models import (
    Attendance,
    Body,
    Case,
    Committee,
    Decision,
    Item,
    Meeting,
    Note,
    Reservation,
    Vote,
    VoteCast,
    Yrkande,
    YrkandePerson,
)
from .public import public_bodies, public_committees

Role = Attendance.Role

# Headings for each role's group on the meeting page, in the order a protocol lists them.
ROLE_HEADINGS: dict[str, Promise] = {
    Role.CHAIR: _("Ordförande"),
    Role.VICE_CHAIR: _("Vice ordförande"),
    Role.MEMBER: _("Ledamöter"),
    Role.SERVING_SUBSTITUTE: _("Tjänstgörande ersättare"),
    Role.SUBSTITUTE: _("Ersättare"),
    Role.OFFICIAL: _("Tjänstepersoner"),
    Role.SECRETARY: _("Sekreterare"),
    Role.ADJUSTER: _("Justerare"),
    Role.OTHER: _("Övriga närvarande"),
}


@dataclass(frozen=True)
class RoleGroup:
    """The attendees of a meeting in one role, in protocol order."""

    role: str
    heading: Promise
    attendances: list[Attendance]


@dataclass(frozen=True)
class YearCount:
    """How many published meetings a committee or body held in one year."""

    year: int
    count: int


def published_items() -> QuerySet[Item]:
    """Items of published meetings, the only items the public may see (the item's own copy
    of its meeting's publication: no join). A § a clerk took off the site is not published
    either (the same copy, kept by a trigger: migration 0014), so every public read of
    items goes through here."""
    return Item.objects.filter(is_published=True)


def depublished_item(*, body_slug: str, committee_slug: str, date: dt.date, number: int):
    """The § at this address that a clerk took off the public site (of a published
    meeting), or None: its page says why instead of showing it."""
    return (
        _depublished_items()
        .filter(
            meeting__committee__body__slug=body_slug,
            meeting__committee__slug=committee_slug,
            meeting__date=date,
            number=number,
        )
        .first()
    )


def depublished_item_by_id(*, pk: int) -> Item | None:
    """`depublished_item` for the API's address, the item's id."""
    return _depublished_items().filter(pk=pk).first()


def _depublished_items() -> QuerySet[Item]:
    return (
        Item.objects.filter(depublished_at__isnull=False, meeting__is_published=True)
        .select_related("meeting__committee__body")
        .only("number", "title", "depublished_at", "depublished_reason", "meeting")
    )


def meeting_has_depublished(*, meeting: Meeting) -> bool:
    """Whether a clerk took any § of the meeting off the site (its original file holds it)."""
    return Item.objects.filter(meeting=meeting, depublished_at__isnull=False).exists()


def body_get(*, slug: str) -> Body | None:
    """The body with this slug, if it has a published meeting, or None."""
    return public_bodies().filter(slug=slug).first()


def body_list() -> QuerySet[Body]:
    """Every body with its committees that have published meetings (for the start page's
    browse links)."""
    return (
        public_bodies()
        .prefetch_related(Prefetch("committees", queryset=public_committees().order_by("name")))
        .order_by("name")
    )


# A digest of the id, name and slug of every committee with a published meeting and of its
# body: what the start page's browse links are made of.
_BODY_LIST_VERSION_SQL = """
SELECT md5(coalesce(string_agg(
    jsonb_build_array(body.id, body.slug, body.name, committee.id, committee.slug, committee.name)
    ::text, ',' ORDER BY body.id, committee.id), ''))
FROM minutes_body AS body JOIN minutes_committee AS committee ON committee.body_id = body.id
WHERE EXISTS (
    SELECT FROM minutes_meeting AS meeting
    WHERE meeting.committee_id = committee.id AND meeting.is_published
)
"""


def body_list_version() -> str:
    """A key that changes whenever `body_list`'s links would: a committee's first meeting
    published, a body or committee removed, renamed or given a new slug (the start page
    caches its links under it)."""
    with connection.cursor() as cursor:
        cursor.execute(_BODY_LIST_VERSION_SQL)
        return cursor.fetchone()[0]


def body_committees(*, body: Body) -> QuerySet[Committee]:
    """The body's committees with published meetings, with their count and latest date."""
    published = Q(meetings__is_published=True)
    return (
        public_committees()
        .filter(body=body)
        .select_related("body")
        .annotate(
            meeting_count=Count("meetings", filter=published),
            latest_date=Max("meetings__date", filter=published),
        )
        .order_by("name")
    )


def committee_get(*, body_slug: str, slug: str) -> Committee | None:
    """The committee `slug` of the body `body_slug` if it has a published meeting, with its
    body, or None."""
    return (
        public_committees().select_related("body").filter(body__slug=body_slug, slug=slug).first()
    )


def meeting_years(*, meetings: QuerySet[Meeting]) -> list[YearCount]:
    """The years in which these meetings were held, latest first, with their counts."""
    rows = (
        meetings.order_by()
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("-year")
    )
    return [YearCount(year=row["year"], count=row["count"]) for row in rows]


def meetings_of(*, committee: Committee | None = None, body: Body | None = None) -> QuerySet:
    """Published meetings of one committee or of every committee of one body."""
    meetings = Meeting.objects.published()
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    if body is not None:
        meetings = meetings.filter(committee__body=body)
    return meetings


def meetings_in_year(*, meetings: QuerySet[Meeting], year: int) -> QuerySet[Meeting]:
    """These meetings in one year, in date order, with committee, body and § count."""
    return (
        meetings.filter(date__year=year)
        .select_related("committee__body")
        .annotate(item_count=Count("items"))
        .order_by("date", "start_time", "committee__name")
    )


def meetings_on_date(*, body_slug: str, committee_slug: str, date: dt.date) -> list[Meeting]:
    """The published meetings of one committee on one date (almost always one)."""
    return list(
        Meeting.objects.published()
        .select_related("committee__body")
        .filter(committee__body__slug=body_slug, committee__slug=committee_slug, date=date)
        .order_by("start_time")
    )


def _decisions_with_clauses() -> Prefetch:
    return Prefetch(
        "decisions",
        queryset=Decision.objects.order_by("position", "id").prefetch_related("clauses"),
    )


def _reservations_with_people() -> Prefetch:
    return Prefetch(
        "reservations",
        queryset=Reservation.objects.select_related("person__body", "party").order_by("id"),
    )


def meeting_detail(*, meeting: Meeting) -> tuple[list[RoleGroup], list[Item]]:
    """The meeting's attendance grouped by role, and every § with its decisions."""
    attendances = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person__body", "party", "substitute_for")
        .order_by("position", "id")
    )
    items = list(
        published_items()
        .filter(meeting=meeting)
        .prefetch_related(
            _decisions_with_clauses(),
            _reservations_with_people(),
            Prefetch("cases", queryset=Case.objects.select_related("body")),
        )
        .order_by("number")
    )
    for item in items:
        item.meeting = meeting  # already fetched with its committee and body: no query per §
    return attendance_by_role(list(attendances)), items


def attendance_by_role(attendances: list[Attendance]) -> list[RoleGroup]:
    """Group attendances by role in protocol order; unknown roles come last as they are."""
    groups: dict[str, list[Attendance]] = {}
    for attendance in attendances:
        groups.setdefault(attendance.role, []).append(attendance)
    order = list(ROLE_HEADINGS)
    ordered = sorted(groups, key=lambda r: order.index(r) if r in order else len(order))
    return [RoleGroup(role, ROLE_HEADINGS.get(role, role), groups[role]) for role in ordered]


def meeting_neighbours(*, meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The committee's published meetings just before and just after this one."""
    siblings = Meeting.objects.published().filter(committee_id=meeting.committee_id)
    # Order by (date, start_time, id) so two meetings on one date still have a sequence.
    same_day = Q(date=meeting.date)
    start = meeting.start_time
    if start is None:
        earlier_same_day = same_day & Q(start_time__isnull=True, id__lt=meeting.id)
        later_same_day = same_day & (
            Q(start_time__isnull=False) | Q(start_time__isnull=True, id__gt=meeting.id)
        )
    else:
        earlier_same_day = same_day & (
            Q(start_time__isnull=True)
            | Q(start_time__lt=start)
            | Q(start_time=start, id__lt=meeting.id)
        )
        later_same_day = same_day & (
            Q(start_time__gt=start) | Q(start_time=start, id__gt=meeting.id)
        )
    previous = (
        siblings.filter(Q(date__lt=meeting.date) | earlier_same_day)
        .order_by("-date", "-start_time", "-id")
        .select_related("committee__body")
        .first()
    )
    following = (
        siblings.filter(Q(date__gt=meeting.date) | later_same_day)
        .order_by("date", "start_time", "id")
        .select_related("committee__body")
        .first()
    )
    return previous, following


def items_by_number(
    *, body_slug: str, committee_slug: str, date: dt.date, number: int
) -> list[Item]:
    """The published items with this § number on this date (§ numbers run through the
    year, so this is one item unless the protocols say otherwise)."""
    return list(
        published_items()
        .select_related("meeting__committee__body")
        .filter(
            meeting__committee__body__slug=body_slug,
            meeting__committee__slug=committee_slug,
            meeting__date=date,
            number=number,
        )
        .order_by("meeting__start_time")
    )


def item_detail(*, item: Item) -> Item:
    """Fetch everything the item page shows onto `item` (fetched with its meeting, committee
    and body), in a fixed number of queries."""
    yrkande_movers = Prefetch(
        "yrkandeperson_set",
        queryset=YrkandePerson.objects.select_related("person__body", "party").order_by("id"),
        to_attr="movers",
    )
    prefetch_related_objects(
        [item],
        _decisions_with_clauses(),
        _reservations_with_people(),
        Prefetch(
            "yrkanden",
            queryset=Yrkande.objects.order_by("position", "id").prefetch_related(yrkande_movers),
        ),
        Prefetch(
            "votes",
            queryset=Vote.objects.order_by("position", "id").prefetch_related(
                Prefetch("roll", queryset=_roll_queryset())
            ),
        ),
        Prefetch("notes", queryset=Note.objects.order_by("id").prefetch_related("persons")),
        Prefetch("cases", queryset=Case.objects.select_related("body").order_by("dnr")),
    )
    clauses_number(item.decisions.all())
    return item


def clauses_number(decisions: Iterable[Decision]) -> None:
    """Number the att-satser of one § through its decisions, in order, from 1: each
    clause's `number` (its anchor `#att-<number>` on the § page and its number in the API)
    and each decision's `first_clause_number`. Reads prefetched clauses."""
    number = 0
    for decision in decisions:
        decision.first_clause_number = number + 1
        for clause in decision.clauses.all():
            number += 1
            clause.number = number


def _roll_queryset() -> QuerySet[VoteCast]:
    """A printed roll in its printed order (the order the import stored it in)."""
    return VoteCast.objects.select_related("person__body", "party").order_by("id")


def case_path(*, cases: list[Case]) -> list[Item]:
    """Every published item about these cases, in time order ("ärendets väg")."""
    if not cases:
        return []
    return list(
        _case_items(case_ids=[case.pk for case in cases])
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("position")))
        .order_by("meeting__date", "meeting__start_time", "number")
    )


def _case_items(*, case_ids: list[int]) -> QuerySet[Item]:
    # Exists, not a join, so an item linked to two of the cases is listed once.
    linked = Item.cases.through.objects.filter(item_id=OuterRef("pk"), case_id__in=case_ids)
    return published_items().filter(Exists(linked)).select_related("meeting__committee__body")


def cases_by_key(*, key: str) -> list[Case]:
    """The cases with this normalized key and a published item (one per body that uses
    the number), by body name."""
    if "\x00" in key:  # PostgreSQL text cannot hold NUL: no case has it
        return []
    published = published_items().filter(cases=OuterRef("pk"))
    cases = Case.objects.filter(Exists(published), key=key)
    return list(cases.select_related("body").order_by("body__name", "id"))


def case_of_body(*, body_slug: str, key: str) -> Case | None:
    """The case of the body with this slug and normalized key, or None."""
    if "\x00" in key or "\x00" in body_slug:
        return None
    return Case.objects.filter(body__slug=body_slug, key=key).select_related("body").first()


def case_items(*, cases: list[Case]) -> QuerySet[Item]:
    """Published items of these cases in time order, each with its decisions and clauses."""
    return (
        _case_items(case_ids=[case.pk for case in cases])
        .prefetch_related(_decisions_with_clauses(), _reservations_with_people())
        .order_by("meeting__date", "meeting__start_time", "number")
    )
