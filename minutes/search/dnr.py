"""Diarienummer lookup: whether a query could be a dnr, and the cases it names."""

from __future__ import annotations

import re

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Case, Item
from ..parsing.dnr import normalize_dnr

CASE_PREFIX_LIMIT = 20

# Letters, digits, spaces and the separators of diarienummer (`/ : - .`), after an
# optional `Dnr`/`Diarienummer` label; nothing else (no quotes, no §, no operators).
_DNR_QUERY_RE = re.compile(
    r"^(?:(?:dnr|diarienummer|diarienr)\.?:?\s*)?[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö /:.\-]*$",
    re.IGNORECASE,
)
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
# `budget 2024`, `vård 12`: a lower-case word and a bare number is a text search; an organ
# prefix before a bare number is written in capitals (`RS 2024`).
_WORD_AND_NUMBER_RE = re.compile(r"^[^\W\d_]+ \d+$")


def looks_like_dnr(query: str) -> bool:
    """True when `query` could be (the start of) a diarienummer in any spelling.

    It must hold digits and at least four letters-or-digits in all; its words are organ
    prefixes of at most six letters, at most two of them (`KS KF/2025:6`); a bare year
    (`2024`) or a lower-case word and a number (`budget 2024`) is a text search. A query
    taken for a dnr is still searched as text; it only adds a case lookup.
    """
    text = " ".join(query.split())
    if not text or len(text) > 60 or not _DNR_QUERY_RE.match(text):
        return False
    key = normalize_dnr(text)
    if len(key) < 4 or not any(ch.isdigit() for ch in key):
        return False
    if key.isdigit() and len(key) <= 4:
        return False
    if _WORD_AND_NUMBER_RE.match(text) and not text.split()[0].isupper():
        return False
    words = _LETTER_RUN_RE.findall(key)
    return len(words) <= 2 and all(len(word) <= 6 for word in words)


def _published_cases() -> QuerySet[Case]:
    """Cases with at least one item in a published meeting."""
    return Case.objects.filter(
        Exists(Item.cases.through.objects.filter(case=OuterRef("pk"), item__is_published=True))
    )


def exact_case_key(query: str, cases: list[Case]) -> str | None:
    """The key of the case in `cases` (from `cases_by_dnr_prefix`) the query names exactly.

    A key sorts before every longer key it starts, so the exact case is first in the
    prefix list when there is one: one index lookup answers both questions.
    """
    key = normalize_dnr(query) if cases else ""
    return key if cases and cases[0].key == key else None


def cases_by_dnr_prefix(query: str, *, limit: int = CASE_PREFIX_LIMIT) -> list[Case]:
    """Cases whose key starts with the query's key (`RS 2021/76` → RS 2021/7612, …), or
    whose numbers do when the query has no organ (`2026.112` → TEN 2026.112).

    Empty unless the query looks like a diarienummer; the key's byte-order index
    (`Case.key_bytes`) serves the `LIKE 'prefix%'` in key order, so a short prefix of
    thousands of cases reads only the first few.
    """
    if not looks_like_dnr(query):
        return []
    key = normalize_dnr(query)
    # A number without its organ (`2026.112`) may be any organ's: keys are organ first.
    wanted = Q(key_bytes__startswith=key) if not key.isdigit() else Q(key__regex=rf"^[^0-9]*{key}")
    return list(
        _published_cases()
        .alias(key_bytes=Case.key_bytes())
        .filter(wanted)
        .select_related("body")
        .order_by("key_bytes", "body__name")[:limit]
    )
