"""The archive's vocabulary (minutes.models.Lexeme): the lexemes of the stored search
vectors and how many items hold each, kept current by every import.

Search widens a word to the vocabulary's compounds and inflected forms of it
(minutes.search.expansion), so a lexeme must be listed the moment its item is searchable:
each import adds its items' lexemes in its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

# Sorted, so two imports upserting the same words lock them in the same order.
_ADD_SQL = """
INSERT INTO minutes_lexeme (word, items)
SELECT entry.lexeme, count(*)
FROM minutes_item AS item, unnest(item.search_vector) AS entry
WHERE {where}
GROUP BY entry.lexeme
ORDER BY entry.lexeme
ON CONFLICT (word) DO UPDATE SET items = minutes_lexeme.items + excluded.items
"""
# ts_stat counts each lexeme's items in one pass over the vectors, in C.
_FILL_SQL = """
INSERT INTO minutes_lexeme (word, items)
SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM minutes_item')
"""


def vocabulary_add(item_ids: Iterable[int]) -> None:
    """Add the lexemes of the given items' stored vectors (call after writing them).

    A lexeme already listed has its item count raised; nothing is ever lowered, so after
    replaced or corrected items the counts are upper bounds until `vocabulary_rebuild`.
    """
    ids = list(item_ids)
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(_ADD_SQL.format(where="item.id = ANY(%s)"), [ids])


def vocabulary_add_after(last_id: int) -> None:
    """Add the lexemes of every item with an id above `last_id` (a bulk load's items)."""
    with connection.cursor() as cursor:
        cursor.execute(_ADD_SQL.format(where="item.id > %s"), [last_id])


def vocabulary_rebuild() -> int:
    """List exactly the lexemes the stored vectors hold, with exact counts; return how many."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM minutes_lexeme")
        cursor.execute(_FILL_SQL)
        return cursor.rowcount
