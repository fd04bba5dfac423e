"""Phrase searches through the items' indexed word pairs (migration 0005).

`"förorenad mark"` in a query becomes `'förorend 1 mark'` against `Item.phrase_vector`: only
the items that hold the pair are then checked word position by word position, instead of
every item holding both words. The pairs are a narrowing, never an answer: the phrase
itself is still matched by the search vector, so the results are exactly PostgreSQL's.
"""

from __future__ import annotations

import re

from django.db import connection

from ..services.search_index import SEARCH_CONFIG

# A quoted phrase at the start of the query or after a space: `-"…"` (excluded) is not one.
_REQUIRED_PHRASE_RE = re.compile(r'(?:^|\s)"([^"]+)"')

# The pairs of adjacent lexemes (distance 1) of each phrase, as minutes_word_pairs writes
# them for the items. A pair across a stopword (`plan 2 hamn`) is left out: the query
# `plan <2> hamn` also matches `plan X hamn` with any word X, which holds no such pair.
_PAIRS_SQL = f"""
SELECT DISTINCT pair
FROM unnest(%s::text[]) AS phrase,
     unnest(minutes_word_pairs(to_tsvector('{SEARCH_CONFIG}', phrase))) AS pair
WHERE split_part(pair, ' ', 2) = '1'
ORDER BY pair
"""


def required_phrases(query: str) -> list[str]:
    """The quoted phrases every hit must contain: none when the query has an OR."""
    if any(word.lower() == "or" for word in query.replace('"', " ").split()):
        return []
    return _REQUIRED_PHRASE_RE.findall(query)


def only_phrases(query: str) -> bool:
    """True when every word the query requires stands in one of its required phrases
    (words it excludes with `-` aside): the phrases' pairs then narrow it all."""
    if not required_phrases(query):
        return False
    rest = _REQUIRED_PHRASE_RE.sub(" ", query).replace('"', " ").split()
    return all(word.startswith("-") for word in rest)


def tsquery_literal(lexeme: str) -> str:
    """`lexeme` as a tsquery operand, quoted so no character of it is read as syntax."""
    escaped = lexeme.replace("\\", "\\\\").replace("'", "''")
    return f"'{escaped}'"


def phrase_pairs_query(query: str) -> str | None:
    """A tsquery (text) of the word pairs the query's phrases require, or None if none do."""
    phrases = required_phrases(query)
    if not phrases:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_PAIRS_SQL, [phrases])
        pairs = [row[0] for row in cursor.fetchall()]
    return " & ".join(tsquery_literal(pair) for pair in pairs) or None
