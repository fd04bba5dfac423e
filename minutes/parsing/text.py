"""Text helpers shared by the item readers: markup, bullets, paragraphs and sentences.

Used by `items`, `decisions` and `motions`; they work on lines already cleaned of page
furniture and know nothing of protocols beyond Swedish punctuation and list bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Bullets: `- `, `• `, the Symbol-font bullet of PDF extraction (U+F0B7), `1.`, `1)`, `a)`.
BULLET_RE = re.compile(r"^(?:[-–•●▪\uf0b7]|\d{1,2}[.)]|[a-z]\))\s+")
# An att-clause line, markup already stripped (`att utse …`, `Att godkänna …`).
ATT_RE = re.compile(r"^att\b\s*", re.IGNORECASE)
# A line that ends a sentence or list entry, so the next line starts something new.
_ENDS_ENTRY_RE = re.compile(r"(?:[.;:,!?”\"]|\bsamt|\boch|\beller)$")
# Abbreviations after which a period does not end a sentence (all layouts).
_ABBREVIATIONS = frozenset(
    {
        "t.ex", "bl.a", "m.m", "s.k", "p.g.a", "pga", "ca", "dvs", "d.v.s", "kl", "nr",
        "resp", "jfr", "enl", "inkl", "exkl", "fr.o.m", "t.o.m", "o.s.v", "osv", "ev",
        "m.fl", "mfl", "fl", "f.d", "ffa", "vg", "tex", "t", "s", "st", "kap", "bil", "avd",
        "p", "prop", "dir", "jan", "feb", "aug", "sept", "okt", "nov", "dec",
    }
)  # fmt: skip
# A sentence ends at `.!?` before a capital, digit, quote or bracket (all layouts). The
# pattern opens with the blank and looks back from it: a look-behind first is tried at
# every position of the text, which is slower.
_SENTENCE_BREAK_RE = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-ZÅÄÖÉ0-9”\"(])")
_WRAP_MIN_LENGTH = 60  # a hard-wrapped PDF line is nearly full width

# Markdown heading marks `## ` (markdown layouts converted from Word).
_HEADING_MARK_RE = re.compile(r"^\s*#{1,6}\s*")
# A `* item` bullet (markdown layouts).
_STAR_BULLET_RE = re.compile(r"^(\s*)\*\s+")
# `*emphasis*`, also when the emphasis runs across lines (markdown layouts).
_EMPHASIS_RE = re.compile(r"(?<=\S)\*|\*(?=\S)")
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " "})


def strip_markup(line: str) -> str:
    """Drop markdown markup (`**`, `#`, `*emphasis*`) and odd spaces from one line."""
    if not _has_markup(line):
        return line.strip()  # inner tabs and runs of spaces stay: they separate columns
    line = line.translate(_ODD_SPACES)
    line = _HEADING_MARK_RE.sub("", line)
    line = line.replace("**", "").replace("__", "")
    line = _STAR_BULLET_RE.sub(r"\1- ", line)
    line = _EMPHASIS_RE.sub("", line)
    return line.strip()


def _has_markup(line: str) -> bool:
    # Spelled out: substring tests are several times faster than a regex character class
    # or a loop over the characters.
    return (
        "#" in line
        or "*" in line
        or "_" in line
        or "\u00a0" in line
        or "\u2009" in line
        or "\u202f" in line
    )


def fold_case(text: str) -> str | None:
    """`text` lower-cased for `may_contain`, or None when it holds a letter that
    `re.IGNORECASE` folds otherwise than `str.lower` does: only a pattern can tell there.

    Those letters are dotted İ (lower-cased to i and a combining dot, U+0307), dotless ı
    (matched by i) and long ſ (matched by s); for the letters of Swedish words (a–z, å, ä,
    ö, é) no other character differs.
    """
    folded = text.lower()
    if "\u0307" in folded or "\u0131" in folded or "\u017f" in folded:
        return None
    return folded


def may_contain(folded: str | None, words: tuple[str, ...]) -> bool:
    """False only when none of `words` (lower case) stands in the text, in any case.

    `folded` is the text from `fold_case`. A case-insensitive pattern every match of which
    holds one of `words` cannot match where this is False: the test spares its scan.
    """
    return folded is None or any(map(folded.__contains__, words))


def joined_words(text: str) -> str:
    """`" ".join(text.split())`: the words joined by single spaces."""
    # Where the only blanks are single spaces (a printable text has no other blank), that
    # is the text stripped of spaces, had without splitting the words apart.
    if "  " not in text and text.isprintable():
        return text.strip(" ")
    return " ".join(text.split())


def is_bullet(line: str) -> bool:
    """True when the (stripped) line starts with a list bullet or number."""
    return bool(BULLET_RE.match(line))


def drop_bullet(line: str) -> str:
    """The line without its bullet."""
    return BULLET_RE.sub("", line, count=1).strip()


def looks_wrapped(previous: str) -> bool:
    """True when `previous` was cut by the page width, so the next line continues it."""
    # Only the tail is searched: the longest ending (` eller`) fits in 8 characters, and a
    # `$`-anchored search over a whole line tries every position.
    return len(previous) >= _WRAP_MIN_LENGTH and not _ENDS_ENTRY_RE.search(previous[-8:])


def stripped_lines(lines: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Each non-blank line without markup, with the line before it (None after a blank)."""
    previous: str | None = None
    for raw in lines:
        line = strip_markup(raw) if raw else raw  # blank lines spared the call
        if not line:
            previous = None
            continue
        yield line, previous
        previous = line


def _runs_on_after_comma(previous: str) -> bool:
    """A full-width line ending in a comma runs on into the next (`A (M), B (C), … D (M),`
    over `E (MP) yrkar …`); a short one is a list entry, and an att-clause after it is a
    clause of its own (the caller tells)."""
    return len(previous) >= _WRAP_MIN_LENGTH and previous.endswith(",")


def split_paragraphs(lines: Sequence[str]) -> list[str]:
    """Join lines into paragraphs: blank lines, bullets and short list lines separate them.

    A line continues the previous one when that was hard-wrapped (long, no closing
    punctuation) or when it starts in lower case.
    """
    paragraphs: list[list[str]] = []
    for line, previous in stripped_lines(lines):
        continues = (
            previous is not None
            and (line[0].islower() or looks_wrapped(previous) or _runs_on_after_comma(previous))
            and not is_bullet(line)
            and not ATT_RE.match(line)
        )
        if continues:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [joined_words(" ".join(p)) for p in paragraphs]


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not after common Swedish abbreviations."""
    text = joined_words(text)
    # Joined by single spaces, a break needs `. `, `! ` or `? `: without one the pattern's
    # scan is spared.
    if ". " in text or "! " in text or "? " in text:
        pieces = _SENTENCE_BREAK_RE.split(text)
    else:
        pieces = [text]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ends_with_abbreviation(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s for s in sentences if s]


def _ends_with_abbreviation(sentence: str) -> bool:
    last = sentence.rsplit(" ", 1)[-1].rstrip(".").lower()
    return last in _ABBREVIATIONS
