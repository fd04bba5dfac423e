"""Normalize a protocol's text: line endings, odd spaces, bullets, markup, glued labels.

Nothing of the content is lost, so meeting fields that live in page headers (the organ,
the date, the protocol's dnr) can still be read from the result; `clean` then removes the
page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .votelists import mark_vote_columns

# PDF viewers and Word paste these for spaces: NBSP, narrow NBSP, figure/thin spaces.
_ODD_SPACES = "\u00a0\u2007\u2009\u202f\u2002\u2003"
_ODD_SPACES_RE = re.compile(f"[{_ODD_SPACES}]")
# Invisible characters that break word matching: soft hyphen, zero-width, BOM.
_INVISIBLES = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLES}]")
# Bullet glyphs from Word/PDF (U+F0B7 is Symbol-font bullet) become markdown dashes.
_BULLETS = "\uf0b7\uf0a7\u2022\u25cf\u25aa\u25e6\u2023\u2043"
_BULLET_RE = re.compile(rf"^[ \t]*[{_BULLETS}][ \t]*", re.M)
# Markdown table rules and signature-box underlines: `-----\t-----`, `|---|---|`.
_RULE_LINE_RE = re.compile(r"^[ \t|:+]*[-=_]{3,}[-=_ \t|:+]*$", re.M)
# Markdown headings `###` from converters (seed layouts with `##`/`###`).
_HEADING_MARK_RE = re.compile(r"^[ \t]*#{1,6}[ \t]*", re.M)
# `****` is a bold end glued to the next bold start: two logical lines run together.
_BOLD_JOIN_RE = re.compile(r"\*{4}")
# Emphasis glued to the previous text and opening a capitalised label (`1(6)**Tid:`,
# `Sollefteå*Ulrika`): converters lost a line break there. The pattern opens with the star
# and looks back from it, so the scan jumps from star to star (a look-behind first would be
# tried at every position, fifty times slower).
_GLUED_EMPHASIS_RE = re.compile(r"\*(?<=[^\s*(\"”']\*)\*?(?=[A-ZÅÄÖ§])")
# A markdown star bullet `* text` is a dash bullet.
_STAR_BULLET_RE = re.compile(r"^([ \t]*)\*[ \t]+", re.M)
# Remaining emphasis marks next to a word.
_EMPHASIS_RE = re.compile(r"\*+")
# Header labels glued to the word before them by text extraction
# (`RegionledningsförvaltningenDatum`, `2021-11-11Dnr`, `21HSN4Sida`).
# The label comes first in the pattern so the scan can skip to a `D` or `S` at once.
_GLUED_LABEL_RE = re.compile(r"(?:Datum|Dnr|Sida)(?![a-zåäö])")
_GLUED_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzåäöé0123456789)")


def normalize_characters(text: str) -> str:
    """Unify line endings, spaces and bullets; put every form feed on a line of its own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n\f\n")
    # Each pattern scans the whole text; most texts hold none of its characters, which a
    # substring test tells many times faster.
    if _holds_any(text, _ODD_SPACES):
        text = _ODD_SPACES_RE.sub(" ", text)
    if _holds_any(text, _INVISIBLES):
        text = _INVISIBLE_RE.sub("", text)
    if _holds_any(text, _BULLETS):
        text = _BULLET_RE.sub("- ", text)
    return text


def _holds_any(text: str, characters: str) -> bool:
    return any(character in text for character in characters)


def strip_markdown(text: str) -> str:
    """Remove markdown markup (`**`, `*`, `#`, table rules) keeping the words and line breaks."""
    if _may_hold_rule(text):
        text = _RULE_LINE_RE.sub("", text)
    if "#" in text:  # the heading pattern's scan spared where no mark can match
        text = _HEADING_MARK_RE.sub("", text)
    if "*" not in text:  # most PDF and DOCX text: the star rules below would find nothing
        return text
    if "****" in text:
        text = _BOLD_JOIN_RE.sub("\n", text)
    text = _GLUED_EMPHASIS_RE.sub("\n", text)
    if "* " in text or "*\t" in text:  # what every star bullet holds
        text = _STAR_BULLET_RE.sub(r"\1- ", text)
    return _EMPHASIS_RE.sub("", text)


def _may_hold_rule(text: str) -> bool:
    # A rule holds three of `-=_` in a row: without `=` and `_` that is `---`, so `--`.
    return "=" in text or "_" in text or "--" in text


def split_glued_labels(text: str) -> str:
    """Put header labels that extraction glued to the previous word on a line of their own."""
    cuts = [
        m.start()
        for m in _GLUED_LABEL_RE.finditer(text)
        if m.start() and text[m.start() - 1] in _GLUED_BEFORE
    ]
    if not cuts:
        return text
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return "\n".join(pieces)


def strip_lines(text: str) -> str:
    """Strip each line's leading and trailing blanks (indentation carries no meaning here).

    Line-internal runs of spaces are kept: they separate columns.
    """
    return "\n".join([line.strip(" \t") for line in text.split("\n")])


NORMALIZE_STEPS: tuple[Callable[[str], str], ...] = (
    normalize_characters,
    strip_markdown,
    split_glued_labels,
    mark_vote_columns,  # needs the indentation that strip_lines removes
    strip_lines,
)


def normalize(text: str) -> str:
    """Run every normalization step; the result still holds all page furniture."""
    for step in NORMALIZE_STEPS:
        text = step(text)
    return text
