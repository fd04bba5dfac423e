"""Cut cleaned protocol text into its header, its §-items and its tail.

A § marker starts a line (`§ 70 Title`, `§70` with the title on the next line,
`Paragraf 12`). Agenda lines (`- §70 Mötet öppnas` under ÄRENDELISTA) also start with §,
so markers are chosen as the heaviest strictly increasing run of § numbers, where
lines that look like a list (bullets, an agenda heading, one § line right after another)
weigh little. A § number never goes backwards or repeats; a reference inside text
(`enligt § 26`) never starts a line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .records import ParseWarning
from .warning_codes import warn

# A § marker at the start of a line: `§ 70 Title`, `§70`, `Paragraf 12`, `§ 12.`, with the
# organ's abbreviation before it in kommun layouts (`KS § 4`, `SBN § 38`, `BUN AU § 9`,
# `Ks § 4`, but not the words that open a reference, `Se § 4`); the rest must not continue
# a range or a reference (`§ 18–25`, `§ 13 i kommunallagen`).
ORGAN_PREFIX = (
    r"(?:(?!(?:Se|Jfr|Enl|Av|Om|Till|Med|Från|Och|Samt|Vid|Per|Under|Enligt)[ \t])"
    r"(?:[A-ZÅÄÖ]{2,6}|[A-ZÅÄÖ][a-zåäö]{1,3}[A-ZÅÄÖa-zåäö]{0,2})(?:[ -]?(?:AU|au))?[ \t]+)?"
)
_MARKER_RE = re.compile(
    rf"^{ORGAN_PREFIX}(?:§|Paragraf|PARAGRAF)[ \t]*(?P<number>\d{{1,4}})(?![\d])(?P<rest>.*)$"
)
# A § marker printed at the right margin of its title line, `Budget 2025      § 102`
# (`KS § 102`): some layouts head their items so; the title is upper-case, never a sentence
# that ends in a reference (`… enligt § 12` has no column gap before the §).
_TRAILING_MARKER_RE = re.compile(
    r"^[ \t]*(?P<title>[A-ZÅÄÖÉ0-9][^\t]*?\S)(?:\t+|[ ]{2,})"
    r"(?:[A-ZÅÄÖ]{2,6}[ \t]+)?§[ \t]*(?P<number>\d{1,4})[ \t]*$"
)
# `BUN § 62 (fort.)`: the same § continued on a new page, not a new item.
_CONTINUED_RE = re.compile(r"^[ \t]*(?:\(forts?\.?\)|forts?\.)(?!\w)", re.IGNORECASE)
# What may follow the number on a marker line: nothing, or a title/dnr starting upper-case
# or with a digit (`§ 5 2024 års …`), after optional `.`/`:`/dash punctuation.
_MARKER_REST_RE = re.compile(r"^(?:[ \t]*[.:]?[ \t]*(?:[–-][ \t]+)?(?:[A-ZÅÄÖÉ\"”'(0-9]|$)|$)")
# Agenda headings whose following lines list § numbers that are not the items themselves.
_AGENDA_HEADING_RE = re.compile(
    r"(?i)^(?:ärendelista|dagordning|föredragningslista|ärenden|innehåll(?:sförteckning)?"
    r"|förteckning över ärenden|paragrafer)[ \t]*:?$"
)
# Lines that open the closing signature block or the anslag after the last item.
_TAIL_START_RE = re.compile(
    r"(?i)^(?:justeras|justerat|vid protokollet|underskrifter|signaturer|anslag/bevis|bevis"
    r"|protokollet är justerat)\b"
    r"|^(?:sekreterare|ordförande|justerare|justerande)[ \t]*[.:_…]*[ \t]*$"
    r"|^[._…]{5,}"
)
# A table of contents: at least this many § lines in a row, each followed by no more than
# its title and dnr before the next.
_TOC_MIN_RUN = 3
_TOC_BODY_LINES = 2
# A list-like § line is an item only this close to the § before it.
_MAX_LISTED_JUMP = 5
# Weights: a line shaped like an item heading counts fully, list-like lines barely.
_FULL, _LISTED, _AGENDA = 1.0, 0.1, 0.01


@dataclass(frozen=True, slots=True)
class RawItem:
    """One § as cut from the text: its number and its lines from the marker line on."""

    number: int
    text: str
    start_line: int  # index of the marker line in the segmented lines
    end_line: int  # index one past the item's last line


@dataclass(frozen=True, slots=True)
class Segments:
    """Header (before the first §), items, and tail (signatures/anslag after the last §)."""

    header: str
    items: tuple[RawItem, ...]
    tail: str
    header_end: int
    tail_start: int
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: int
    number: int
    weight: float


def marker_number(line: str) -> int | None:
    """The § number if `line` opens an item (`§ 70 Title`, `§70`, `Paragraf 12`), else None."""
    if "§" not in line and "aragraf" not in line and "ARAGRAF" not in line:
        return None  # most lines, told without stripping and matching them
    match = _MARKER_RE.match(line.strip())
    rest = match.group("rest") if match else ""
    if not match or not _MARKER_REST_RE.match(rest) or _CONTINUED_RE.match(rest):
        return None
    return int(match.group("number"))


def _next_nonblank(lines: Sequence[str], index: int) -> int | None:
    for nxt in range(index + 1, len(lines)):
        if lines[nxt].strip():
            return nxt
    return None


def _follows_marker(lines: Sequence[str], index: int) -> bool:
    """True when the nearest non-blank line above is a § line: the end of a list of §§."""
    for previous in range(index - 1, -1, -1):
        if lines[previous].strip():
            return marker_number(lines[previous]) is not None
    return False


def _agenda_lines(lines: Sequence[str]) -> set[int]:
    """Lines under an agenda heading up to the first line that is not a list entry."""
    inside: set[int] = set()
    for index, line in enumerate(lines):
        if not line or not _AGENDA_HEADING_RE.match(line.strip()):
            continue
        for nxt in range(index + 1, len(lines)):
            text = lines[nxt].strip()
            if not text:
                continue
            if not (text.startswith(("-", "§")) or re.match(r"^\d+[.)]", text)):
                break
            inside.add(nxt)
    return inside


def _candidates(lines: Sequence[str]) -> list[_Candidate]:
    agenda = _agenda_lines(lines)
    found: list[_Candidate] = []
    for index, line in enumerate(lines):
        number = marker_number(line)
        if number is None:
            continue
        weight = _FULL
        follower = _next_nonblank(lines, index)
        match = _MARKER_RE.match(line.strip())
        has_title = match is not None and bool(match.group("rest").strip())
        if index in agenda:
            weight = _AGENDA
        elif has_title and (
            (follower is not None and marker_number(lines[follower]) is not None)
            or _follows_marker(lines, index)
        ):
            weight = _LISTED
        found.append(_Candidate(index, number, weight))
    return _without_tables_of_contents(lines, found)


def _without_tables_of_contents(
    lines: Sequence[str], candidates: list[_Candidate]
) -> list[_Candidate]:
    """Drop a run of bodiless § lines (a table of contents: `§ 73` / its title, `§ 74` …)
    whose numbers come again later with their bodies: the items are the §§ with bodies."""
    bodiless = [
        _body_lines(lines, c.line, nxt.line) <= _TOC_BODY_LINES for c, nxt in pairwise(candidates)
    ]
    dropped: set[int] = set()
    later = Counter(c.number for c in candidates)  # the numbers from `passed` on
    passed = 0
    start = 0
    while start < len(bodiless):
        end = start
        restarts = False
        while end < len(bodiless) and bodiless[end] and not restarts:
            end += 1
            # the numbers start over: the items themselves follow, short as they are
            restarts = candidates[end].number <= candidates[end - 1].number
        later.subtract(c.number for c in candidates[passed:end])
        passed = max(passed, end)
        run = candidates[start:end]
        if len(run) >= _TOC_MIN_RUN and any(later[c.number] > 0 for c in run):
            dropped.update(range(start, end))
        start = end if restarts else end + 1
    return [c for i, c in enumerate(candidates) if i not in dropped]


def _body_lines(lines: Sequence[str], start: int, end: int) -> int:
    """Non-blank lines between a § line and the next one (counted up to a few)."""
    count = 0
    for line in lines[start + 1 : end]:
        if line.strip():
            count += 1
            if count > _TOC_BODY_LINES:
                break
    return count


def _heaviest_increasing(candidates: list[_Candidate]) -> list[_Candidate]:
    """The strictly increasing (by § number) subsequence of greatest total weight.

    Each candidate's best chain ends its best predecessor's: the heaviest chain among the
    earlier candidates with a lower number, found in a Fenwick tree of prefix maxima over
    the numbers' ranks, so a text of thousands of § lines costs n log n, not n². Ties go
    to the earliest predecessor and the last end, as a plain double loop would choose.
    """
    if not candidates:
        return []
    rank = {n: r for r, n in enumerate(sorted({c.number for c in candidates}), start=1)}
    tree: list[tuple[float, int]] = [_NO_CHAIN] * (len(rank) + 1)
    best: list[float] = []
    previous: list[int | None] = []
    for index, candidate in enumerate(candidates):
        chain, negated = _prefix_max(tree, rank[candidate.number] - 1)
        best.append(chain + candidate.weight)
        previous.append(-negated if chain > 0 else None)
        _raise(tree, rank[candidate.number], (best[index], -index))
    end = max(range(len(candidates)), key=lambda i: (best[i], i))
    chosen: list[_Candidate] = []
    cursor: int | None = end
    while cursor is not None:
        chosen.append(candidates[cursor])
        cursor = previous[cursor]
    return list(reversed(chosen))


# A Fenwick tree entry: (the heaviest chain's weight, minus the index where it ends).
_NO_CHAIN = (0.0, 1)


def _prefix_max(tree: list[tuple[float, int]], position: int) -> tuple[float, int]:
    found = _NO_CHAIN
    while position > 0:
        found = max(found, tree[position])
        position -= position & -position
    return found


def _raise(tree: list[tuple[float, int]], position: int, entry: tuple[float, int]) -> None:
    while position < len(tree):
        if entry > tree[position]:
            tree[position] = entry
        position += position & -position


def _without_listed_jumps(markers: list[_Candidate]) -> list[_Candidate]:
    """Drop a list-like § line far ahead of the § before it: `§ 85 Årsredovisning` in a
    list of another organ's §§ under Meddelanden is a reference, not the next item."""
    kept: list[_Candidate] = []
    for marker in markers:
        jump = marker.number - kept[-1].number if kept else 1
        if marker.weight >= _FULL or jump <= _MAX_LISTED_JUMP:
            kept.append(marker)
    return kept


def _tail_start(lines: Sequence[str], start: int, end: int) -> int:
    """Where the closing block begins inside the last item, or `end` if there is none."""
    for index in range(start + 1, end):
        if _TAIL_START_RE.match(lines[index].strip()):
            return index
    return end


def lead_trailing_markers(lines: Sequence[str]) -> Sequence[str]:
    """The lines with right-margin § markers moved to the front (`§ 102\tBudget 2025`), when
    the layout heads its items so: more such lines than § lines of the usual kind."""
    trailing = {
        index: match
        for index, line in enumerate(lines)
        if "§" in line and (match := _TRAILING_MARKER_RE.match(line))
    }
    if len(trailing) < 2:  # most protocols: spared counting their ordinary § lines
        return lines
    if len(trailing) <= sum(1 for line in lines if marker_number(line) is not None):
        return lines
    moved = list(lines)
    for index, match in trailing.items():
        moved[index] = f"§ {match['number']}\t{match['title']}"
    return moved


def segment(lines: Sequence[str]) -> Segments:
    """Split cleaned lines into header, items and tail."""
    lines = lead_trailing_markers(lines)
    candidates = _candidates(lines)
    markers = _without_listed_jumps(_heaviest_increasing(candidates))
    chosen = {m.line for m in markers}
    warnings = [
        warn("marker_out_of_order", number=c.number, line=c.line + 1)
        for c in candidates
        if c.weight == _FULL and c.line not in chosen and markers and c.line > markers[0].line
    ]
    if not markers:
        text = "\n".join(lines)
        return Segments(text, (), "", len(lines), len(lines), tuple(warnings))
    items: list[RawItem] = []
    bounds = [m.line for m in markers] + [len(lines)]
    tail_start = _tail_start(lines, bounds[-2], len(lines))
    bounds[-1] = tail_start
    for marker, end in zip(markers, bounds[1:], strict=True):
        rest = (line for line in lines[marker.line + 1 : end] if not _continues(line, marker))
        body = "\n".join([lines[marker.line], *rest]).strip("\n")
        items.append(RawItem(marker.number, body, marker.line, end))
    return Segments(
        header="\n".join(lines[: markers[0].line]).strip("\n"),
        items=tuple(items),
        tail="\n".join(lines[tail_start:]).strip("\n"),
        header_end=markers[0].line,
        tail_start=tail_start,
        warnings=tuple(warnings),
    )


def _continues(line: str, marker: _Candidate) -> bool:
    """True for `§ 70 (forts.)` atop a page of § 70: a page's furniture, not its text."""
    if "§" not in line and "aragraf" not in line.lower():
        return False
    match = _MARKER_RE.match(line.strip())
    return bool(match and int(match.group("number")) == marker.number) and bool(
        _CONTINUED_RE.match(match.group("rest"))
    )


def segment_text(text: str) -> Segments:
    """`segment` for a text rather than its lines."""
    return segment(text.split("\n"))
