"""The archive's vocabulary (minutes.models.Lexeme): the lexemes of the stored search
vectors and how many items hold each, kept current by every import.

Search widens a word to the vocabulary's compounds and inflected forms of it
(minutes.search.expansion), so a lexeme must be listed the moment its item is searchable:
each import adds its items' lexemes in its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

# ts_stat counts each lexeme's items in one pass over the vectors, in C: 2.2 s for 100,000
# items where unnest() and GROUP BY took 7 s (docs/performance.md). Sorted, so two imports
# upserting the same words lock them in the same order.
_ADD_SQL = """
INSERT INTO minutes_lexeme (word, items)
SELECT word, ndoc FROM ts_stat(%s) ORDER BY word
ON CONFLICT (word) DO UPDATE SET items = minutes_lexeme.items + excluded.items
"""
_VECTORS = "SELECT search_vector FROM minutes_item"


def _vectors_add(where: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_ADD_SQL, [f"{_VECTORS} {where}"])


def vocabulary_add(item_ids: Iterable[int]) -> None:
    """Add the lexemes of the given items' stored vectors (call after writing them).

    A lexeme already listed has its item count raised; nothing is ever lowered, so after
    replaced or corrected items the counts are upper bounds until `vocabulary_rebuild`.
    """
    ids = ",".join(str(int(pk)) for pk in item_ids)
    if ids:
        _vectors_add(f"WHERE id = ANY('{{{ids}}}'::bigint[])")


def vocabulary_add_after(last_id: int) -> None:
    """Add the lexemes of every item with an id above `last_id` (a bulk load's items)."""
    _vectors_add(f"WHERE id > {int(last_id)}")


def vocabulary_rebuild() -> int:
    """List exactly the lexemes the stored vectors hold, with exact counts; return how many."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM minutes_lexeme")
    _vectors_add("")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM minutes_lexeme")
        return cursor.fetchone()[0]
