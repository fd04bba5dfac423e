"""The words a reader sees for the lexemes a search was widened to
(minutes.search.expansion works in lexemes: `bygglovstax`, `skolskjut`).

A lexeme is a stem, often no word at all, and the vocabulary keeps no spelling: the
vectors it is counted from hold none. So each lexeme shown is spelled as a published item
that holds it writes it. The Swedish stemmer only cuts endings, so the word begins with
the lexeme: the first word of the item's title and § text that does, and that the
stemmer turns back into the lexeme, is its spelling. A lexeme no published item writes
there (one of a protocol not yet published, or one only a clause repeats) is not named:
the list names words a reader will find, and never a word of an unpublished protocol.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.db import connection

from ..selectors.browse import published_items
from ..services.search_index import SEARCH_CONFIG
from .expansion import LexemeQuery
from .phrases import tsquery_literal

# The words of a text that begin with a lexeme are tried in order, at most this many.
_CANDIDATES = 20
_STEMS_SQL = f"""
SELECT word, tsvector_to_array(to_tsvector('{SEARCH_CONFIG}', word))
FROM unnest(%s::text[]) AS word
"""


def spelled_forms(lexemes: Sequence[str]) -> list[str]:
    """`lexemes` as published items write them (lowercased), in the same order, without
    those no published title or § text holds. A small query per lexeme and one for the
    stems: the view names at most a handful."""
    candidates = {lexeme: _words_beginning(lexeme, _text_holding(lexeme)) for lexeme in lexemes}
    stems = _stems([word for words in candidates.values() for word in words])
    spelled = (
        next((word for word in words if stems.get(word) == [lexeme]), "")
        for lexeme, words in candidates.items()
    )
    return list(dict.fromkeys(word for word in spelled if word))


def _text_holding(lexeme: str) -> str:
    """The title and § text of the first published item holding `lexeme`, or ""."""
    # Unordered: the first item the index gives, not a walk in id order past every item
    # without the lexeme.
    first = (
        published_items()
        .filter(search_vector=LexemeQuery(tsquery_literal(lexeme)))
        .order_by()
        .values_list("title", "text")[:1]
    )
    return next((f"{title} {text}" for title, text in first), "")


def _words_beginning(lexeme: str, text: str) -> list[str]:
    """The different words of `text` (lowercased) that begin with `lexeme`, in order."""
    pattern = re.compile(rf"\b{re.escape(lexeme)}\w*")
    words = dict.fromkeys(match[0] for match in pattern.finditer(text.lower()))
    return list(words)[:_CANDIDATES]


def _stems(words: list[str]) -> dict[str, list[str]]:
    """Each word's lexemes, as the search configuration makes them."""
    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_STEMS_SQL, [words])
        return dict(cursor.fetchall())
