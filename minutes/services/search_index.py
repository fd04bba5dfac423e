"""The stored full-text vector of each item, computed in SQL from the item and its children
(and, with it, the item's filter tags).

Weights (DESIGN.md, Search): A = title and decision clauses, B = reservations and yrkanden,
C = the text of the § (its sections). The `swedish` configuration here must be the same as
in the query and the headline, or highlighting silently breaks.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

SEARCH_CONFIG = "swedish"

# What the filters of minutes.search.filters ask of an item's children, as tags on the item
# (TAGS_SQL writes them; minutes.search.filters and minutes.search.facets read them by these names):
TAG_RESERVED = "reserved"  # any reservation
TAG_RESERVED_BY = "reserved-by:"  # + party id: the party reserved itself
TAG_PARTY = "party:"  # + party id: the party reserved itself or moved a yrkande
TAG_PERSON = "person:"  # + person id: reserved, moved a yrkande or named in a note
TAG_KIND = "kind:"  # + decision kind (`kind:beslutar`)

TAGS_SQL = f"""ARRAY(
        SELECT '{TAG_RESERVED}' FROM minutes_reservation AS reservation
        WHERE reservation.item_id = item.id
        UNION
        SELECT tag FROM minutes_reservation AS reservation,
            LATERAL (VALUES ('{TAG_PERSON}' || reservation.person_id),
                            ('{TAG_PARTY}' || reservation.party_id),
                            ('{TAG_RESERVED_BY}' || reservation.party_id)) AS tags(tag)
        WHERE reservation.item_id = item.id AND tag IS NOT NULL
        UNION
        SELECT tag FROM minutes_yrkandeperson AS mover
        JOIN minutes_yrkande AS yrkande ON yrkande.id = mover.yrkande_id,
            LATERAL (VALUES ('{TAG_PERSON}' || mover.person_id),
                            ('{TAG_PARTY}' || mover.party_id)) AS tags(tag)
        WHERE yrkande.item_id = item.id AND tag IS NOT NULL
        UNION
        SELECT '{TAG_PERSON}' || named.person_id FROM minutes_note_persons AS named
        JOIN minutes_note AS note ON note.id = named.note_id
        WHERE note.item_id = item.id
        UNION
        SELECT '{TAG_KIND}' || decision.kind FROM minutes_decision AS decision
        WHERE decision.item_id = item.id
        ORDER BY 1)"""

# An item's vector, over the alias `item` (a row of minutes_item, or of the bulk load's
# staging table with the same columns): each aggregate is a correlated subquery so an
# item without clauses or reservations still gets its title and text indexed. The parts
# are joined in document order whatever plan reads them: word positions (phrases, word
# pairs) must not depend on the plan. A reservation's person and party are looked up by
# key in subqueries of their own: joined, the planner (with the bulk load's statistics
# lagging behind) scanned the whole person index for every reservation, which grew with
# the archive and stalled a 1M load at minutes per batch.
VECTOR_SQL = f"""
    setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(item.title, '')), 'A')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce((
        SELECT string_agg(clause.text, ' ' ORDER BY decision.position, clause.position)
        FROM minutes_clause AS clause
        JOIN minutes_decision AS decision ON decision.id = clause.decision_id
        WHERE decision.item_id = item.id), '')), 'A')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce((
        SELECT string_agg(concat_ws(' ',
                   (SELECT person.name FROM minutes_person AS person
                    WHERE person.id = reservation.person_id),
                   (SELECT party.abbreviation FROM minutes_party AS party
                    WHERE party.id = reservation.party_id),
                   reservation.reason, reservation.text), ' ' ORDER BY reservation.id)
        FROM minutes_reservation AS reservation
        WHERE reservation.item_id = item.id), '')), 'B')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce((
        SELECT string_agg(yrkande.text, ' ' ORDER BY yrkande.position)
        FROM minutes_yrkande AS yrkande
        WHERE yrkande.item_id = item.id), '')), 'B')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(item.text, '')), 'C')"""

_UPDATE_SQL = f"UPDATE minutes_item AS item SET search_vector = {VECTOR_SQL}, tags = {TAGS_SQL}"


def update_search_vectors(item_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored vectors of the given items (all items when None); return the count.

    The same statement stores each item's filter tags (`Item.tags`: decision kinds,
    reservations, acting parties and persons), which the filters read through one GIN
    index. Call it inside the import's transaction so a protocol is searchable the moment
    it lands. (The bulk load writes the same two columns as it inserts its items.)
    """
    with connection.cursor() as cursor:
        if item_ids is None:
            cursor.execute(_UPDATE_SQL)
        else:
            ids = list(item_ids)
            if not ids:
                return 0
            cursor.execute(_UPDATE_SQL + " WHERE item.id = ANY(%s)", [ids])
        return cursor.rowcount
