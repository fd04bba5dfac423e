"""Facet counts of a search: bodies, committees, years, reserving parties, decision kinds.

Counted over the search's first matches (`ItemSearch.first_ids`, at most COUNT_CAP):
exact for any search with fewer hits, a sample of a common word's. PostgreSQL counts every
facet in one query over the hits (each hit's committee, its body, year and facet tags:
reserving parties and kinds) and returns them ranked, with their labels, so no counted
committee is read as a model.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db import connection

from ..models import Decision
from ..services.search_index import TAG_KIND, TAG_RESERVED_BY
from .filters import SLUG_BY_KIND
from .query import COUNT_CAP, ItemSearch

FACET_LIMIT = 15
# Per facet, its values with their labels and numbers of hits, most hits first (ties by a
# stable key: a body's slug, a committee's id, a party's abbreviation, a kind).
_FACET_COUNTS_SQL = """
WITH hit AS MATERIALIZED (
    SELECT item.committee_id, extract(year FROM item.meeting_date)::int AS year, item.tags
    FROM minutes_item AS item WHERE item.id = ANY(%(ids)s::bigint[])
), hit_tag AS MATERIALIZED (
    SELECT tag FROM hit, unnest(hit.tags) AS tag
    WHERE starts_with(tag, %(reserved_by)s) OR starts_with(tag, %(kind)s)
), counted(facet, value, label, n, tie) AS (
    SELECT 'body', body.slug, body.name, count(*), body.slug
    FROM hit
    JOIN minutes_committee AS committee ON committee.id = hit.committee_id
    JOIN minutes_body AS body ON body.id = committee.body_id
    GROUP BY body.id
    UNION ALL
    SELECT 'committee', committee.id::text, committee.name || ' (' || body.name || ')',
           count(*), lpad(committee.id::text, 20, '0')
    FROM hit
    JOIN minutes_committee AS committee ON committee.id = hit.committee_id
    JOIN minutes_body AS body ON body.id = committee.body_id
    GROUP BY committee.id, body.id
    UNION ALL
    SELECT 'year', year::text, year::text, count(*), '' FROM hit GROUP BY year
    UNION ALL
    SELECT 'party', party.abbreviation, coalesce(nullif(party.name, ''), party.abbreviation),
           count(*), party.abbreviation
    FROM hit_tag JOIN minutes_party AS party ON hit_tag.tag = %(reserved_by)s || party.id
    GROUP BY party.id
    UNION ALL
    SELECT 'kind', substr(tag, length(%(kind)s) + 1), '', count(*), tag
    FROM hit_tag WHERE starts_with(tag, %(kind)s) GROUP BY tag
)
SELECT facet, value, label, n FROM counted ORDER BY facet, n DESC, tie
"""
# Filter parameter of each facet.
_PARAMS = {
    "body": "huvudman",
    "committee": "organ",
    "year": "ar",
    "party": "reserverat",
    "kind": "typ",
}


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


def _ranked_counts(ids: list[int]) -> dict[str, list[FacetValue]]:
    """Per facet (`body`, `committee`, `year`, `party`, `kind`), its values, most hits first.

    A kind's value is the decision kind as stored (`Decision.Kind`), without a label yet.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _FACET_COUNTS_SQL, {"ids": ids, "reserved_by": TAG_RESERVED_BY, "kind": TAG_KIND}
        )
        rows = cursor.fetchall()
    ranked: dict[str, list[FacetValue]] = defaultdict(list)
    for facet, value, label, n in rows:
        ranked[facet].append(FacetValue(_PARAMS[facet], value, label, n))
    return ranked


def search_facets(search: ItemSearch, *, limit: int = FACET_LIMIT) -> Facets:
    """Counts over the filtered set: bodies, committees, years, reserving parties, kinds.

    Each value's count is the number of results its filter link leaves — exactly, up to
    COUNT_CAP results; beyond, the counts are those of the first COUNT_CAP.
    """
    ids = search.first_ids[:COUNT_CAP]
    if not ids:
        return Facets()
    ranked = _ranked_counts(ids)
    return Facets(
        body=ranked["body"][:limit],
        committee=ranked["committee"][:limit],
        year=sorted(ranked["year"], key=lambda value: int(value.value), reverse=True),
        party=ranked["party"][:limit],
        kind=[
            replace(value, value=SLUG_BY_KIND[value.value], label=Decision.Kind(value.value).label)
            for value in ranked["kind"]
            if value.value in SLUG_BY_KIND
        ],
    )
