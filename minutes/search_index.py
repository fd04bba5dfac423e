"""The stored full-text vector of each item, computed in SQL from the item and its children
(and, with it, the item's acting parties).

Weights (DESIGN.md, Search): A = title and decision clauses, B = reservations and yrkanden,
C = the text of the § (its sections). The `swedish` configuration here must be the same as
in the query and the headline, or highlighting silently breaks.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

SEARCH_CONFIG = "swedish"

# One statement for any number of items: each aggregate is a correlated subquery so an
# item without clauses or reservations still gets its title and text indexed. The parts
# are joined in document order whatever plan reads them: word positions (phrases, word
# pairs) must not depend on the plan.
_UPDATE_SQL = f"""
UPDATE minutes_item AS item SET search_vector =
    setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(item.title, '')), 'A')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce((
        SELECT string_agg(clause.text, ' ' ORDER BY decision.position, clause.position)
        FROM minutes_clause AS clause
        JOIN minutes_decision AS decision ON decision.id = clause.decision_id
        WHERE decision.item_id = item.id), '')), 'A')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce((
        SELECT string_agg(concat_ws(' ', person.name, party.abbreviation,
                                    reservation.reason, reservation.text), ' '
                          ORDER BY reservation.id)
        FROM minutes_reservation AS reservation
        JOIN minutes_person AS person ON person.id = reservation.person_id
        LEFT JOIN minutes_party AS party ON party.id = reservation.party_id
        WHERE reservation.item_id = item.id), '')), 'B')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce((
        SELECT string_agg(yrkande.text, ' ' ORDER BY yrkande.position)
        FROM minutes_yrkande AS yrkande
        WHERE yrkande.item_id = item.id), '')), 'B')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(item.text, '')), 'C'),
    parties = ARRAY(
        SELECT reservation.party_id FROM minutes_reservation AS reservation
        WHERE reservation.item_id = item.id AND reservation.party_id IS NOT NULL
        UNION
        SELECT mover.party_id FROM minutes_yrkandeperson AS mover
        JOIN minutes_yrkande AS yrkande ON yrkande.id = mover.yrkande_id
        WHERE yrkande.item_id = item.id AND mover.party_id IS NOT NULL
        ORDER BY 1)
"""


def update_search_vectors(
    item_ids: Iterable[int] | None = None, *, id_range: tuple[int, int] | None = None
) -> int:
    """Recompute the stored vectors of the given items (all items when None); return the count.

    The same statement stores the parties that reserved themselves or moved a yrkande on
    each item (`Item.parties`), which the party filter reads through its GIN index.

    `id_range=(first, last)` recomputes the items with ids in that closed range instead:
    the bulk load fills each batch it copied in one statement. Call it inside the
    import's transaction so a protocol is searchable the moment it lands.
    """
    with connection.cursor() as cursor:
        if id_range is not None:
            cursor.execute(_UPDATE_SQL + " WHERE item.id BETWEEN %s AND %s", list(id_range))
        elif item_ids is None:
            cursor.execute(_UPDATE_SQL)
        else:
            ids = list(item_ids)
            if not ids:
                return 0
            cursor.execute(_UPDATE_SQL + " WHERE item.id = ANY(%s)", [ids])
        return cursor.rowcount
