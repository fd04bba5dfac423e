"""Facet counts of a search: bodies, committees, years, reserving parties, decision kinds.

Counted over the search's first matches (`ItemSearch.first_ids`, at most COUNT_CAP):
exact for any search with fewer hits, a sample of a common word's. Two queries whatever
the number of facets: one groups the hits by committee and year (bodies are the sums of
their committees), one counts their filter tags (`Item.tags`: reserving parties, kinds).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractYear

from .filters import SLUG_BY_KIND
from .models import Committee, Decision, Item, Party
from .search import COUNT_CAP, ItemSearch
from .search_index import TAG_KIND, TAG_RESERVED_BY

FACET_LIMIT = 15
_TAG_COUNTS_SQL = """
SELECT tag, count(*) FROM minutes_item, unnest(tags) AS tag
WHERE id = ANY(%s) AND (starts_with(tag, %s) OR starts_with(tag, %s))
GROUP BY tag
"""


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with the number of items in the filtered set that have it."""

    param: str
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facets:
    """Counts per body, committee, year, party with reservations and decision kind."""

    body: list[FacetValue] = field(default_factory=list)
    committee: list[FacetValue] = field(default_factory=list)
    year: list[FacetValue] = field(default_factory=list)
    party: list[FacetValue] = field(default_factory=list)
    kind: list[FacetValue] = field(default_factory=list)


def _places_and_years(ids: list[int]) -> tuple[Counter, Counter]:
    rows = (
        Item.objects.filter(pk__any=ids)
        .values("committee_id", year=ExtractYear("meeting_date"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    committees, years = Counter(), Counter()
    for row in rows:
        committees[row["committee_id"]] += row["n"]
        years[row["year"]] += row["n"]
    return committees, years


def _tag_counts(ids: list[int]) -> tuple[Counter, Counter]:
    with connection.cursor() as cursor:
        cursor.execute(_TAG_COUNTS_SQL, [ids, TAG_RESERVED_BY, TAG_KIND])
        rows = cursor.fetchall()
    parties = Counter(
        {int(tag[len(TAG_RESERVED_BY) :]): n for tag, n in rows if tag.startswith(TAG_RESERVED_BY)}
    )
    kinds = Counter({tag[len(TAG_KIND) :]: n for tag, n in rows if tag.startswith(TAG_KIND)})
    return parties, kinds


def search_facets(search: ItemSearch, *, limit: int = FACET_LIMIT) -> Facets:
    """Counts over the filtered set: bodies, committees, years, reserving parties, kinds.

    Each value's count is the number of results its filter link leaves — exactly, up to
    COUNT_CAP results; beyond, the counts are those of the first COUNT_CAP.
    """
    ids = search.first_ids[:COUNT_CAP]
    if not ids:
        return Facets()
    committee_counts, years = _places_and_years(ids)
    party_counts, kinds = _tag_counts(ids)
    committees = Committee.objects.select_related("body").in_bulk(list(committee_counts))
    parties = Party.objects.in_bulk(list(party_counts))
    bodies: Counter = Counter()
    for pk, n in committee_counts.items():
        bodies[committees[pk].body] += n
    return Facets(
        body=[
            FacetValue("huvudman", body.slug, body.name, n)
            for body, n in sorted(bodies.items(), key=lambda e: (-e[1], e[0].slug))[:limit]
        ],
        committee=[
            FacetValue("organ", str(pk), f"{committees[pk].name} ({committees[pk].body.name})", n)
            for pk, n in sorted(committee_counts.items(), key=lambda e: (-e[1], e[0]))[:limit]
        ],
        year=[
            FacetValue("ar", str(year), str(year), n)
            for year, n in sorted(years.items(), reverse=True)
        ],
        party=[
            FacetValue("reserverat", party.abbreviation, party.name or party.abbreviation, n)
            for party, n in sorted(
                ((parties[pk], n) for pk, n in party_counts.items()),
                key=lambda e: (-e[1], e[0].abbreviation),
            )[:limit]
        ],
        kind=[
            FacetValue("typ", SLUG_BY_KIND[kind], Decision.Kind(kind).label, n)
            for kind, n in sorted(kinds.items(), key=lambda e: (-e[1], e[0]))
            if kind in SLUG_BY_KIND
        ],
    )
