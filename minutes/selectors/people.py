"""Reads for the person and party pages: attendance, yrkanden, votes and reservations.

Published meetings only. The lists are querysets for the views to paginate; the summaries
are one aggregate query each, and a party's are cached together (`party_totals_cached`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse

from ..models import Attendance, Party, Person, Reservation, VoteCast, Yrkande, YrkandePerson
from ..models.items import CHOICE_TALLIES
from .counts import cached_until_published
from .public import public_parties

_PUBLISHED = {"item__is_published": True}


@dataclass(frozen=True)
class CommitteeCount:
    """A party's reservations and yrkanden in one committee."""

    committee: str
    body: str
    url: str
    reservations: int
    yrkanden: int


def person_get(*, body_slug: str, slug: str) -> Person | None:
    """The person `slug` of the body `body_slug`, with the body, or None."""
    return Person.objects.select_related("body").filter(body__slug=body_slug, slug=slug).first()


def person_attendances(*, person: Person) -> QuerySet[Attendance]:
    """The published meetings the person attended, latest first, with role and party."""
    return (
        Attendance.objects.filter(person=person, meeting__is_published=True)
        .select_related("meeting__committee__body", "party", "substitute_for")
        .order_by("-meeting__date", "-meeting__start_time", "id")
    )


def person_yrkanden(*, person: Person) -> QuerySet[YrkandePerson]:
    """The yrkanden the person moved, latest first, with the item and the party."""
    return (
        YrkandePerson.objects.filter(person=person, yrkande__item__is_published=True)
        .select_related("yrkande__item__meeting__committee__body", "party")
        .order_by("-yrkande__item__meeting__date", "-yrkande__item__number", "id")
    )


def person_votes(*, person: Person) -> QuerySet[VoteCast]:
    """How the person voted where a protocol prints the roll, latest first, with the item,
    the votering's counts and the party."""
    return (
        VoteCast.objects.filter(person=person, vote__item__is_published=True)
        .select_related("vote__item__meeting__committee__body", "party")
        .order_by("-vote__item__meeting__date", "-vote__item__number", "vote__position", "id")
    )


def person_reservations(*, person: Person) -> QuerySet[Reservation]:
    """The person's reservations, latest first, with the item and the party."""
    return _reservations().filter(person=person)


def _reservations() -> QuerySet[Reservation]:
    return (
        Reservation.objects.filter(**_PUBLISHED)
        .select_related("item__meeting__committee__body", "person__body", "party")
        .order_by("-item__meeting__date", "-item__number", "id")
    )


@dataclass(frozen=True)
class PersonYear:
    """A person's reservations and votes (in printed voting lists) in one year."""

    year: int
    reservations: int
    yes: int = 0
    no: int = 0
    abstain: int = 0
    absent: int = 0

    @property
    def votes(self) -> int:
        """Every vote of the year, whatever the choice."""
        return self.yes + self.no + self.abstain + self.absent


def person_years(*, person: Person) -> list[PersonYear]:
    """The person's reservations and votes per year in published meetings, every year
    from the first to the last with either (empty years as zero)."""
    reservations = dict(
        Reservation.objects.filter(person=person, **_PUBLISHED)
        .annotate(year=ExtractYear("item__meeting__date"))
        .values_list("year")
        .annotate(count=Count("id"))
        .order_by()
    )
    votes: dict[int, dict[str, int]] = {}
    casts = (
        VoteCast.objects.filter(person=person, vote__item__meeting__is_published=True)
        .annotate(year=ExtractYear("vote__item__meeting__date"))
        .values_list("year", "choice")
        .annotate(count=Count("id"))
        .order_by()
    )
    for year, choice, count in casts:
        votes.setdefault(year, {})[CHOICE_TALLIES[choice]] = count
    years = reservations.keys() | votes.keys()
    if not years:
        return []
    return [
        PersonYear(year=year, reservations=reservations.get(year, 0), **votes.get(year, {}))
        for year in range(min(years), max(years) + 1)
    ]


@dataclass(frozen=True)
class PartyTotals:
    """What the party pages count: reservations per year and per committee, and the
    lengths of the two lists."""

    per_year: list[tuple[int, int]]
    by_committee: list[CommitteeCount]
    reservations: int
    yrkanden: int


def party_get(*, abbreviation: str) -> Party | None:
    """The party with this abbreviation in any letter case if a published meeting names it,
    or None."""
    if "\x00" in abbreviation:  # PostgreSQL text cannot hold NUL: no party has it
        return None
    return public_parties().filter(abbreviation__iexact=abbreviation).first()


def party_list() -> QuerySet[Party]:
    """Every party that has reserved itself or moved a yrkande in a published meeting."""
    reserved = Reservation.objects.filter(party=OuterRef("pk"), **_PUBLISHED)
    moved = YrkandePerson.objects.filter(party=OuterRef("pk"), yrkande__item__is_published=True)
    return Party.objects.filter(Exists(reserved) | Exists(moved)).order_by("abbreviation")


def party_reservations(*, party: Party) -> QuerySet[Reservation]:
    """The party's reservations, latest first."""
    return _reservations().filter(party=party)


def party_yrkanden(*, party: Party) -> QuerySet[Yrkande]:
    """Yrkanden moved by at least one of the party's members, latest first, with movers."""
    moved_by_party = YrkandePerson.objects.filter(yrkande=OuterRef("pk"), party=party)
    movers = Prefetch(
        "yrkandeperson_set",
        queryset=YrkandePerson.objects.select_related("person__body", "party").order_by("id"),
        to_attr="movers",
    )
    return (
        Yrkande.objects.filter(Exists(moved_by_party), **_PUBLISHED)
        .select_related("item__meeting__committee__body")
        .prefetch_related(movers)
        .order_by("-item__meeting__date", "-item__number", "position", "id")
    )


def party_reservations_per_year(*, party: Party) -> list[tuple[int, int]]:
    """(year, reservations) for every year from the first to the last with any."""
    rows = (
        Reservation.objects.filter(party=party, **_PUBLISHED)
        .annotate(year=ExtractYear("item__meeting__date"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("year")
    )
    counts = {row["year"]: row["count"] for row in rows}
    if not counts:
        return []
    # Years without reservations are shown as zero, not left out: a gap is information.
    return [(year, counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]


def party_by_committee(*, party: Party) -> list[CommitteeCount]:
    """The party's reservations and yrkanden per committee, most active first."""
    fields = ("name", "slug", "body__name", "body__slug")
    reservations = (
        Reservation.objects.filter(party=party, **_PUBLISHED)
        .values_list(*(f"item__meeting__committee__{f}" for f in fields))
        .annotate(count=Count("id"))
        .order_by()
    )
    yrkanden = (
        YrkandePerson.objects.filter(party=party, yrkande__item__is_published=True)
        .values_list(*(f"yrkande__item__meeting__committee__{f}" for f in fields))
        .annotate(count=Count("yrkande", distinct=True))
        .order_by()
    )
    totals: dict[tuple[str, str, str, str], list[int]] = {}
    for *key, count in reservations:
        totals.setdefault(tuple(key), [0, 0])[0] = count
    for *key, count in yrkanden:
        totals.setdefault(tuple(key), [0, 0])[1] = count
    rows = [
        CommitteeCount(
            committee=name,
            body=body_name,
            url=reverse("minutes:committee", kwargs={"body": body_slug, "slug": slug}),
            reservations=r,
            yrkanden=y,
        )
        for (name, slug, body_name, body_slug), (r, y) in totals.items()
    ]
    return sorted(rows, key=lambda row: (-row.reservations - row.yrkanden, row.committee))


def party_totals(*, party: Party) -> PartyTotals:
    """The party's totals, counted now (its reservations: the sum of those per year)."""
    per_year = party_reservations_per_year(party=party)
    return PartyTotals(
        per_year=per_year,
        by_committee=party_by_committee(party=party),
        reservations=sum(count for _year, count in per_year),
        yrkanden=party_yrkanden(party=party).count(),
    )


def party_totals_cached(*, party: Party) -> PartyTotals:
    """`party_totals`, cached per party (`cached_until_published`).

    The totals read every reservation and yrkande the party ever made, mostly looking up
    their items (docs/performance.md).
    """
    return cached_until_published(f"party-totals:{party.pk}", lambda: party_totals(party=party))
