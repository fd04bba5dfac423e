"""The words a reader sees for the lexemes a search was widened to
(minutes.search.expansion works in lexemes: `bygglovstax`, `skolskjut`).

A lexeme is a stem, often no word at all, and the vocabulary keeps no spelling: the
vectors it is counted from hold none. So each lexeme shown is spelled as a published item
that holds it writes it, the word a headline marks for that lexeme alone in the item's
title and § text. A lexeme no published item writes there (one of a protocol not yet
published, or one only a clause repeats) is not named: the list names words a reader
will find, and never a word of an unpublished protocol.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import F, TextField, Value
from django.db.models.functions import Concat

from ..selectors.browse import published_items
from .expansion import LexemeQuery
from .phrases import tsquery_literal
from .results import MARK_START, MARK_STOP, headline

# One fragment of a word or two is enough to show the marked word.
_ONE_WORD = {"max_fragments": 1, "max_words": 2, "min_words": 1, "short_word": 0}


def spelled_forms(lexemes: Sequence[str]) -> list[str]:
    """`lexemes` as published items write them (lowercased), in the same order, without
    those no published title or § text holds. One small query per lexeme: the view names
    at most a handful."""
    spelled = (_spelled(lexeme) for lexeme in lexemes)
    return list(dict.fromkeys(word for word in spelled if word))


def _spelled(lexeme: str) -> str:
    query = LexemeQuery(tsquery_literal(lexeme))
    document = Concat(F("title"), Value(" "), F("text"), output_field=TextField())
    # Unordered: the first item the index gives, not a walk in id order past every
    # item without the lexeme.
    marked = (
        published_items()
        .filter(search_vector=query)
        .order_by()
        .annotate(marked=headline(document, query, **_ONE_WORD))
        .values_list("marked", flat=True)[:1]
    )
    return next((_marked_word(text) for text in marked), "")


def _marked_word(text: str) -> str:
    """The first word between the headline's marks, lowercased; "" when none is marked."""
    start = text.find(MARK_START)
    stop = text.find(MARK_STOP, start + 1)
    if start < 0 or stop < 0:
        return ""
    return text[start + len(MARK_START) : stop].strip().lower()
