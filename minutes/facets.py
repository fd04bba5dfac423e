"""Facet counts of a search: bodies, committees, years, reserving parties, decision kinds.

Counted over the search's first matches (`ItemSearch.first_ids`, at most COUNT_CAP):
exact for any search with fewer hits, a sample of a common word's. One pass over the hits
whatever the number of facets: each hit's committee, year and facet tags (`Item.tags`:
reserving parties, kinds) are read and counted here; bodies are the sums of their
committees.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from .filters import SLUG_BY_KIND
from .models import Committee, Decision, Party
from .search import COUNT_CAP, ItemSearch
from .search_index import TAG_KIND, TAG_RESERVED_BY

FACET_LIMIT = 15
# Each hit's committee, year and the tags facets count, for the hits' ids.
_HIT_FACTS_SQL = """
SELECT committee_id, extract(year FROM meeting_date)::int,
       ARRAY(SELECT tag FROM unnest(tags) AS tag
             WHERE starts_with(tag, %s) OR starts_with(tag, %s))
FROM minutes_item WHERE id = ANY(%s::bigint[])
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


@dataclass
class _Counts:
    committees: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    parties: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)


def _hit_counts(ids: list[int]) -> _Counts:
    """The hits counted per committee, year, reserving party (id) and decision kind."""
    with connection.cursor() as cursor:
        cursor.execute(_HIT_FACTS_SQL, [TAG_RESERVED_BY, TAG_KIND, ids])
        rows = cursor.fetchall()
    counts = _Counts()
    for committee, year, tags in rows:
        counts.committees[committee] += 1
        counts.years[year] += 1
        for tag in tags:
            if tag.startswith(TAG_RESERVED_BY):
                counts.parties[int(tag[len(TAG_RESERVED_BY) :])] += 1
            else:
                counts.kinds[tag[len(TAG_KIND) :]] += 1
    return counts


def search_facets(search: ItemSearch, *, limit: int = FACET_LIMIT) -> Facets:
    """Counts over the filtered set: bodies, committees, years, reserving parties, kinds.

    Each value's count is the number of results its filter link leaves — exactly, up to
    COUNT_CAP results; beyond, the counts are those of the first COUNT_CAP.
    """
    ids = search.first_ids[:COUNT_CAP]
    if not ids:
        return Facets()
    counts = _hit_counts(ids)
    committees = Committee.objects.select_related("body").in_bulk(list(counts.committees))
    parties = Party.objects.in_bulk(list(counts.parties))
    bodies: Counter = Counter()
    for pk, n in counts.committees.items():
        bodies[committees[pk].body] += n
    return Facets(
        body=[
            FacetValue("huvudman", body.slug, body.name, n)
            for body, n in sorted(bodies.items(), key=lambda e: (-e[1], e[0].slug))[:limit]
        ],
        committee=[
            FacetValue("organ", str(pk), f"{committees[pk].name} ({committees[pk].body.name})", n)
            for pk, n in sorted(counts.committees.items(), key=lambda e: (-e[1], e[0]))[:limit]
        ],
        year=[
            FacetValue("ar", str(year), str(year), n)
            for year, n in sorted(counts.years.items(), reverse=True)
        ],
        party=[
            FacetValue("reserverat", party.abbreviation, party.name or party.abbreviation, n)
            for party, n in sorted(
                ((parties[pk], n) for pk, n in counts.parties.items()),
                key=lambda e: (-e[1], e[0].abbreviation),
            )[:limit]
        ],
        kind=[
            FacetValue("typ", SLUG_BY_KIND[kind], Decision.Kind(kind).label, n)
            for kind, n in sorted(counts.kinds.items(), key=lambda e: (-e[1], e[0]))
            if kind in SLUG_BY_KIND
        ],
    )
