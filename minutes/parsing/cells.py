"""Page furniture known by its own shape, one cell of a line at a time.

A line splits into cells at tabs and runs of spaces (`pdftotext -layout`, DOCX tables, the
tabs PDF extraction restores), so a signature box or page number sharing a line with
content can be taken out alone. Used by `clean`, which decides what to remove where.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .text import joined_words

# Columns of a line: `pdftotext -layout` separates them by 2+ spaces, DOCX/PDF copy by tabs.
_CELL_SPLIT_RE = re.compile(r"(\t+| {2,})")
# The signature box at each page foot, with misspellings (`Ultdragsbestyrkande`,
# `Ultradbestyrkande`) caught by the `bestyrk`/`dragsbe` stems.
_SIGNATURE_TOKENS_RE = re.compile(
    r"(?i)(?:ordf(?:örandens|örandes|\.)?|justerandens|justerandes|justerares|justerarens"
    r"|sekreterarens)\s+sign(?:atur)?\.?|exp\.?\s+den|\S*(?:bestyrk|dragsbe)\S*"
)
# Whole-cell spellings of the box labels compared fuzzily (OCR and typing slips).
_SIGNATURE_PHRASES = (
    "ordförandens sign",
    "justerandens sign",
    "justerandes sign",
    "utdragsbestyrkande",
)
_FUZZY_RATIO = 0.82
# A cell of length n can be at most 2·min(n, m)/(n + m) like a label of length m (16-18),
# so only cells of 11 to 26 characters can reach 82 %.
_MIN_FUZZY_LENGTH = 11
_MAX_FUZZY_LENGTH = 26
# The box labels compared against, their second sequence indexed once, and their letters.
_SIGNATURE_MATCHERS = tuple(SequenceMatcher(None, "", phrase) for phrase in _SIGNATURE_PHRASES)
_SIGNATURE_LETTERS = tuple(frozenset(phrase) for phrase in _SIGNATURE_PHRASES)
# `Sida 4(6)`, `Sida 6 av 12`, `Sida 3`, or `Sida` alone in a header column.
_PAGE_LABEL_RE = re.compile(
    r"(?i)^sida(?:\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|/\s*\d{1,4})?)?$"
)
# Bare page numbers `4 (31)`, `4(6)`, `- 4 -`, `4/31` (the last only as a whole line).
_BARE_PAGE_RE = re.compile(r"^(?:(\d{1,4})\s*\(\s*(\d{1,4})\s*\)|-\s*\d{1,4}\s*-)$")
BARE_PAGE_SLASH_RE = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$")
# How every page number starts after blanks: a digit, the dash of `- 4 -` or the s of `Sida`.
_PAGE_NUMBER_START_RE = re.compile(r"\s*(?:[\d-]|(?i:s))")
# Every page-number cell holds a digit or the word `Sida` (a bare `Sida` header column).
PAGE_HINT_RE = re.compile(r"\d|(?i:sida)")
# Labels that open a page header block (`Protokoll / Sammanträdesdatum / organ / date`).
HEADER_LABEL_RE = re.compile(
    r"(?i)^(?:sammanträdes)?protokoll(?:sutdrag)?$|^sammanträdesdatum$|^mötesdatum$"
    r"|^sammanträdesdag$|^protokoll\s+sammanträdesdatum$"
)


def cells(line: str) -> list[str]:
    """Split a line into columns and the separators between them (even indices are cells)."""
    if is_one_cell(line):  # spares the regex split, slow even where nothing matches
        return [line]
    return _CELL_SPLIT_RE.split(line)


def is_one_cell(line: str) -> bool:
    """True when the line has no column separator (tab or run of spaces) at all."""
    return "\t" not in line and "  " not in line


def join_cells(parts: list[str], keep: list[bool]) -> str:
    """Rebuild a line from the kept cells, with the separator that stood before each."""
    out = ""
    for position in range(0, len(parts), 2):
        if not keep[position // 2] or not parts[position].strip():
            continue
        if out:
            out += parts[position - 1] if position > 0 else "  "
        out += parts[position]
    return out.strip()


def is_signature_cell(cell: str) -> bool:
    """True for the page-foot signature box (`Justerandens sign`, `Ultdragsbestyrkande` …)."""
    cell = joined_words(cell)
    if len(cell) > _MAX_FUZZY_LENGTH:  # long: only a whole box of labels, never cached
        return _is_all_tokens(cell)
    return bool(cell) and _is_signature_text(cell)


def _is_all_tokens(cell: str) -> bool:
    """True when the cell is nothing but box labels; a cell of labels starts with one."""
    return bool(_SIGNATURE_TOKENS_RE.match(cell)) and not _SIGNATURE_TOKENS_RE.sub("", cell).strip()


@lru_cache(maxsize=4096)
def _is_signature_text(cell: str) -> bool:
    """The box test proper, cached: the same few cells stand on every page."""
    if _is_all_tokens(cell):
        return True
    if len(cell) < _MIN_FUZZY_LENGTH:
        return False
    folded = cell.casefold()
    return any(
        _is_like(folded, matcher, letters)
        for matcher, letters in zip(_SIGNATURE_MATCHERS, _SIGNATURE_LETTERS, strict=True)
    )


def _is_like(folded: str, matcher: SequenceMatcher[str], letters: frozenset[str]) -> bool:
    """`ratio() >= 0.82`, after its cheap upper bounds (length, letters) have passed.

    `letters` are the label's: a cell's characters outside them never match, so their
    count bounds `quick_ratio()` from above, counted without its Python loop.
    """
    matcher.set_seq1(folded)
    length = len(folded) + len(matcher.b)
    return (
        matcher.real_quick_ratio() >= _FUZZY_RATIO
        and 2.0 * sum(map(letters.__contains__, folded)) / length >= _FUZZY_RATIO
        and matcher.quick_ratio() >= _FUZZY_RATIO
        and matcher.ratio() >= _FUZZY_RATIO
    )


def is_page_number_cell(cell: str) -> bool:
    """True for `Sida 4(6)`, `Sida 6 av 12`, `4 (31)` and the like."""
    if not _PAGE_NUMBER_START_RE.match(cell):  # most cells, told without rejoining words
        return False
    cell = joined_words(cell)
    if _PAGE_LABEL_RE.match(cell):
        return True
    match = _BARE_PAGE_RE.match(cell)
    if match and match.group(1):
        return int(match.group(1)) <= int(match.group(2))
    return bool(match)


def is_page_number_line(line: str) -> bool:
    """True for a whole line that is a page number, `4/31` included."""
    if not _PAGE_NUMBER_START_RE.match(line):  # most lines, told at their first letter
        return False
    line = line.strip()
    match = BARE_PAGE_SLASH_RE.match(line)
    if match:
        return int(match.group(1)) <= int(match.group(2))
    return is_page_number_cell(line)


def cell_key(cell: str) -> str:
    """A cell compared across pages: whitespace joined, case folded."""
    return joined_words(cell).casefold()


def is_shaped_furniture(cell: str) -> bool:
    """Furniture by its own shape: a page number, a signature box, a header label."""
    return is_page_number_cell(cell) or is_signature_cell(cell) or bool(HEADER_LABEL_RE.match(cell))
