"""A searched word widened to its compounds and inflected forms, from the archive's own
vocabulary (minutes.models.Lexeme), in lexeme space.

Swedish writes its subject matter in compounds and the `swedish` stemmer keeps some
definite forms apart: `skjuts` alone finds no item about skolskjuts, `bidrag` none about
statsbidrag, `protokoll` none that only says "protokollet". Each word the query requires
(not one it excludes, nor one of a phrase) is therefore searched as itself OR the indexed
lexemes that end in it, after a first part of at least MIN_PREFIX letters (`stats|bidrag`,
`skol|skjuts`), optionally followed by an ending the stemmer leaves on (`ärend|et`,
`skol|an`). Only the end of a compound is its head: `plan` finds detaljplan, never
planperiod, and `stöd` never stödja; nor is a person's name a compound (`ström` never
finds Engström). A long word (MIN_MODIFIER letters) also finds the
compounds it begins, where a word of the vocabulary follows it (`cytostatika` →
cytostatikabehandling). Items with the exact words rank above those with only their
compounds (`Expansion.rank`). docs/performance.md has the recall and the cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Expression, F, FloatField, Value, When

from ..services.search_index import SEARCH_CONFIG
from .phrases import tsquery_literal

# The shortest first part of a compound: `om|nämnd`, `be|stöd` are not compounds of it.
MIN_PREFIX = 3
# The shortest lexeme widened: shorter ones (`ks`, `ja`) end too many words.
MIN_LEXEME = 3
# What the stemmer leaves after a stem (`protokoll|et`, `ärend|en`, `skol|an`,
# `skolskjut|s` of skolskjutsar). Not `er` (planer is planera) nor `n` (vårdn is vårdnad).
ENDINGS = ("", "s", "et", "en", "an")
# A word this long is also widened to the compounds it begins (`cytostatika` →
# cytostatikabehandling): shorter ones begin too many words that are no compound of them
# (`plan` → planera, `vård` → vårdnad).
MIN_MODIFIER = 7
# What a compound may hold between its first part and its head: the ending the stemmer cut
# off the first part (`cytostatik|a|behandl`) and a linking `s` (`försörjning|s|stöd`).
MAX_LINK = 2
# The shortest head of such a compound; it must be a word of the vocabulary itself.
MIN_HEAD = 4
# At most this many forms per word, the commonest first: the rest are single items' rare
# compounds, and each form is one more lookup in the index.
MAX_FORMS = 40
# At most this many words of one query are widened.
MAX_WORDS = 4
# Lexemes that end in a searched word without being a compound of it: participles and
# verb forms (`ovannämnd`, `uppskjuts`) and words that only look alike (`syntax`).
NOT_COMPOUNDS = frozenset({
    "ovannämnd", "nyssnämnd", "sistnämnd", "förstnämnd", "förutnämnd", "förenämnd",
    "uppskjut", "uppskjuts", "hänskjut", "hänskjuts", "framskjut", "förebygg",
    "annan", "syntax",
})  # fmt: skip

_TOKEN_RE = re.compile(r"'(?:[^']|'')*'(?::[*A-D]+)?|<\d*-?>|[&|!()]")
_WORD_RE = re.compile(r"^'([^\W\d_]+)'$")


class LexemeQuery(SearchQuery):
    """A tsquery written out in lexemes (`'skjut' | 'skolskjuts'`), used as it stands:
    passed through the `swedish` configuration again, its lexemes would be stemmed twice."""

    template = "(%(expressions)s)::tsquery"


def exact_query(query: str) -> SearchQuery:
    """The query's words as they stand (PostgreSQL's websearch syntax)."""
    return SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")


@dataclass(frozen=True)
class Expansion:
    """A query's words and the forms each was widened to."""

    query: str  # as typed
    tsquery: str  # the widened query, in lexemes
    forms: dict[str, tuple[str, ...]]  # each widened lexeme's added forms, commonest first

    @property
    def added(self) -> list[str]:
        """Every added form, the commonest of each word first."""
        return [form for forms in self.forms.values() for form in forms]

    @property
    def search_query(self) -> LexemeQuery:
        """What the items must match: the widened query."""
        return LexemeQuery(self.tsquery)

    @property
    def rank(self) -> Expression:
        """An item's rank: the items with the exact words first (a step of 1, above any
        ts_rank, which stays below 1), each tier ranked by the widened query."""
        exact_step = Case(
            When(search_vector=exact_query(self.query), then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        return SearchRank(F("search_vector"), self.search_query) + exact_step


def query_expand(query: str) -> Expansion | None:
    """The query widened to the archive's compounds and inflected forms of its words, or
    None when the vocabulary holds none (the query is then searched as it stands).

    A word typed with a capital (`Anna`, `Lomma`) is taken for a name and kept as it is.
    """
    exact, names = _lexemes(query)
    tokens = _TOKEN_RE.findall(exact)
    words = [word for word in _widened_words(tokens) if word not in names][:MAX_WORDS]
    forms = {word: found for word in words if (found := _forms_of(word))}
    if not forms:
        return None
    widened = []
    for token in tokens:
        match = _WORD_RE.match(token)
        if match and match[1] in forms:
            alternatives = " | ".join(map(tsquery_literal, (match[1], *forms[match[1]])))
            token = f"( {alternatives} )"
        widened.append(token)
    return Expansion(query=query, tsquery=" ".join(widened), forms=forms)


_LEXEMES_SQL = f"""
SELECT websearch_to_tsquery('{SEARCH_CONFIG}', %s)::text,
       tsvector_to_array(to_tsvector('{SEARCH_CONFIG}', %s))
"""


def _lexemes(query: str) -> tuple[str, set[str]]:
    """The query as a tsquery (text), and the lexemes of its words typed with a capital."""
    names = " ".join(word for word in query.split() if word[:1].isupper() and word[1:2].islower())
    with connection.cursor() as cursor:
        cursor.execute(_LEXEMES_SQL, [query, names])
        tsquery, name_lexemes = cursor.fetchone()
    return tsquery, set(name_lexemes)


def _widened_words(tokens: list[str]) -> list[str]:
    """The lexemes the query requires on their own: not excluded (`!`), not in a phrase
    (next to `<->`), made of letters only, and long enough."""
    words = []
    for index, token in enumerate(tokens):
        match = _WORD_RE.match(token)
        before = tokens[index - 1] if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        in_phrase = before.startswith("<") or after.startswith("<")
        if match and before != "!" and not in_phrase and len(match.group(1)) >= MIN_LEXEME:
            words.append(match.group(1))
    return list(dict.fromkeys(words))


def _forms_sql(begun: bool) -> str:
    """The vocabulary's words ending in the reversed prefixes `%(ends)s`, commonest first,
    each one range of the reversed-word index (`lexeme_suffix_idx`); with `begun`, then the
    compounds the word begins (`_BEGUN_SQL`), in the same round trip."""
    ranges = " OR ".join(f"reverse(word) LIKE %(end{index})s" for index in range(len(ENDINGS)))
    headed = (
        f"(SELECT word, 0 AS part FROM minutes_lexeme WHERE ({ranges}) AND NOT {_A_NAME}"
        f" ORDER BY items DESC, word LIMIT {2 * MAX_FORMS})"
    )
    return f"{headed} UNION ALL ({_BEGUN_SQL})" if begun else headed


# A surname ends in words (`eng|ström`, `sjö|berg`, `anders|son`) as compounds do: a word
# that names a person of the archive is not taken for a compound. Each candidate is looked
# up in the names' lexeme index (`person_name_lexemes_gin`, the same expression); a word
# holding a quote or a backslash, which `quote_literal` would not leave a plain tsquery,
# is let through (`is_form_of` takes letters only).
_A_NAME = f"""(word !~ '[''\\\\]' AND EXISTS (
    SELECT 1 FROM minutes_person AS person
    WHERE to_tsvector('{SEARCH_CONFIG}'::regconfig, COALESCE(person.name, ''))
          @@ quote_literal(word)::tsquery))"""


# The words that begin with a lexeme and go on, after at most MAX_LINK letters, with a word
# of the vocabulary of at least MIN_HEAD letters: one range of the `LIKE` index Django gives
# a text primary key, each candidate's head looked up by the key itself.
_HEADS = ", ".join(f"substr(compound.word, %(start)s + {skip})" for skip in range(MAX_LINK + 1))
_BEGUN_SQL = f"""
SELECT word, 1 AS part FROM minutes_lexeme AS compound
WHERE word LIKE %(prefix)s AND length(word) >= %(shortest)s
  AND EXISTS (
    SELECT 1 FROM minutes_lexeme AS head
    WHERE head.word IN ({_HEADS}) AND length(head.word) >= {MIN_HEAD}
  )
ORDER BY items DESC, word LIMIT {MAX_FORMS}
"""


def _forms_of(lexeme: str) -> tuple[str, ...]:
    """The vocabulary's compounds and inflected forms of `lexeme`, commonest first; then,
    for a word of MIN_MODIFIER letters or more, the compounds it begins
    (`cytostatik` → cytostatikabehandling)."""
    params = {f"end{index}": (lexeme + e)[::-1] + "%" for index, e in enumerate(ENDINGS)}
    begun = len(lexeme) >= MIN_MODIFIER
    if begun:  # a widened lexeme is letters only: nothing to escape for LIKE
        params |= {"prefix": lexeme + "%", "shortest": len(lexeme) + MIN_HEAD}
        params["start"] = len(lexeme) + 1
    with connection.cursor() as cursor:
        cursor.execute(_forms_sql(begun), params)
        rows = cursor.fetchall()
    headed = [word for word, part in rows if part == 0 and is_form_of(word, lexeme)]
    first_parts = [word for word, part in rows if part == 1 and word not in NOT_COMPOUNDS]
    return tuple(dict.fromkeys([*headed, *first_parts]))[:MAX_FORMS]


def is_form_of(form: str, lexeme: str) -> bool:
    """True when `form` is `lexeme` with a first part of MIN_PREFIX letters or more before
    it and/or one of ENDINGS after it (`statsbidrag` and `bidraget` of `bidrag`)."""
    if form == lexeme or form in NOT_COMPOUNDS or not form.isalpha():
        return False
    for ending in ENDINGS:
        stem = lexeme + ending
        if form.endswith(stem):
            prefix = len(form) - len(stem)
            if prefix == 0 or prefix >= MIN_PREFIX:
                return True
    return False
