"""Clean a protocol's text before it is cut into parts: whitespace, markup, page furniture.

Two stages, each a chain of small named steps:

- `normalize(text)` → str (module `normalize`): line endings, odd spaces, bullets,
  markdown markup and labels glued to their neighbours; nothing of the content is lost.
- `remove_furniture(text, meeting_date=…)` → `CleanText`: drops what is printed on every
  page and is never content (signature boxes, page numbers, repeated page headers,
  signing-service lines, the `Datum … Dnr … Sida` block), cell by cell so that content
  sharing a line with a page header (`pdftotext -layout`) is kept. Every removal is
  recorded with the line where it happened, so callers can warn per §.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from .cells import (
    BARE_PAGE_SLASH_RE,
    HEADER_LABEL_RE,
    PAGE_HINT_RE,
    cell_key,
    cells,
    is_one_cell,
    is_page_number_cell,
    is_page_number_line,
    is_shaped_furniture,
    is_signature_cell,
    join_cells,
)
from .meeting import DATE_RE, DATUM_DNR_SIDA_RE, parse_date
from .normalize import normalize
from .text import joined_words

__all__ = [
    "CleanText",
    "Removal",
    "clean_text",
    "is_page_number_cell",
    "is_signature_cell",
    "normalize",
    "remove_furniture",
]

# Lines stamped by e-signing services (Comfact, Formpipe, Scrive, Assently, Visma Addo).
_SIGNING_SERVICE_RE = re.compile(
    r"(?i)^(?:comfact\b|referensnummer\s*:|signerat\s+(?:med|av|elektroniskt)|signerad\s+(?:av|med)"
    r"|elektroniskt\s+signerad|digitalt\s+signerad|dokumentet\s+är\s+(?:elektroniskt\s+|digitalt\s+)?"
    r"signerat|verifikat\b|transaktion\s+\d|scrive\b|assently\b|visma\s+addo|signed\s+by\b)"
)
# An e-signing stamp spliced into a line of text, however far from it: its label and id.
_SIGNING_STAMP_RE = re.compile(
    r"(?i)[ \t]*(?:document\s+reference|dokumentreferens)\s*:\s*[0-9a-f][0-9a-f-]{7,}"
)
# A line that is only a date (`2024-11-28`, `28 november 2024`): page headers print one.
_DATE_ONLY_RE = re.compile(rf"^(?:{DATE_RE.pattern})$", re.I)
# What every date starts with, after blanks.
_DIGIT_FIRST_RE = re.compile(r"\s*\d")
# Header lines are short labels: an organ name, not a sentence.
_MAX_HEADER_WORDS = 8
# Page headers are learned from the first lines of each page, stripped a little further.
_LEARN_ZONE_LINES = 5
_TOP_ZONE_LINES = 8
_BOTTOM_ZONE_LINES = 3
# A page number this few lines under a form feed belongs to the page's header.
_HEADER_BEFORE_NUMBER = 2
FORM_FEED = "\f"


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of page furniture taken out: where, what kind, and the text removed."""

    line: int  # index in CleanText.lines of the line it was on, or the line that followed it
    kind: str
    text: str
    inline: bool = False  # taken out of a line that was kept (a header cell beside a title)


@dataclass(frozen=True, slots=True)
class CleanText:
    """The cleaned text as lines, and what was removed from it."""

    lines: tuple[str, ...]
    removals: tuple[Removal, ...]

    @property
    def text(self) -> str:
        """The cleaned lines joined by newlines."""
        return "\n".join(self.lines)


class _Lines:
    """Lines being cleaned, with the removals noted against each original line."""

    def __init__(self, text: str) -> None:
        self.texts: list[str | None] = list(text.split("\n"))
        self.notes: dict[int, list[tuple[str, str, bool]]] = {}
        # Several steps compare the same lines by their cell keys, and page boundaries and
        # every page's zones test the same lines for page numbers: each text is read once.
        self._key_sets: dict[str, frozenset[str]] = {}
        self._page_numbers: dict[str, bool] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def get(self, index: int) -> str:
        text = self.texts[index]
        return "" if text is None else text

    def alive(self, index: int) -> bool:
        return self.texts[index] is not None

    def drop(self, index: int, kind: str | None) -> None:
        text = self.texts[index]
        if text is None:
            return
        if kind is not None and text.strip():
            self.notes.setdefault(index, []).append((kind, text.strip(), False))
        self.texts[index] = None

    def replace(self, index: int, new_text: str, kind: str, removed: str) -> None:
        self.notes.setdefault(index, []).append((kind, removed.strip(), True))
        self.texts[index] = new_text

    def cell_keys(self, text: str) -> frozenset[str]:
        """The non-empty `cell_key`s of the cells of `text`."""
        keys = self._key_sets.get(text)
        if keys is None:
            keys = frozenset(map(cell_key, cells(text)[::2]))
            if "" in keys:
                keys = keys - {""}
            self._key_sets[text] = keys
        return keys

    def is_page_end(self, text: str) -> bool:
        """True for a form feed or a line that is only a page number (a page boundary)."""
        found = self._page_numbers.get(text)
        if found is None:
            found = self._page_numbers[text] = text == FORM_FEED or is_page_number_line(text)
        return found

    def iter_nonblank(self, index: int) -> Iterator[int]:
        """Indices of the live non-blank lines after `index`, nearest first."""
        texts = self.texts
        for i in range(index + 1, len(texts)):
            text = texts[i]
            if text is not None and text.strip():  # a form feed line strips to nothing
                yield i

    def next_nonblank(self, index: int, limit: int) -> list[int]:
        """Indices of up to `limit` live non-blank lines after `index`."""
        return list(islice(self.iter_nonblank(index), limit))

    def finish(self) -> CleanText:
        """Drop removed lines and runs of blank lines; attach removals to surviving lines."""
        lines: list[str] = []
        removals: list[Removal] = []
        pending: list[tuple[str, str, bool]] = []
        notes = self.notes
        last_blank = True  # no line yet, or the last line kept is blank
        for index, text in enumerate(self.texts):
            if index in notes:
                pending.extend(notes[index])
            if text is None or text == FORM_FEED:
                continue
            blank = not text or text.isspace()
            if blank and last_blank:
                continue
            if pending:
                removals.extend(_merged(len(lines), pending))
                pending = []
            lines.append(text)
            last_blank = blank
        while lines and not lines[-1].strip():
            lines.pop()
        last = max(len(lines) - 1, 0)
        removals.extend(_merged(last, pending))
        return CleanText(tuple(lines), tuple(removals))


def _merged(line: int, notes: list[tuple[str, str, bool]]) -> list[Removal]:
    """One removal per run of same-kind notes (a box split over four lines is one box)."""
    merged: list[Removal] = []
    for kind, text, inline in notes:
        if merged and merged[-1].kind == kind and merged[-1].inline == inline:
            merged[-1] = Removal(line, kind, f"{merged[-1].text} / {text}", inline)
        else:
            merged.append(Removal(line, kind, text, inline))
    return merged


def _drop_cells(
    lines: _Lines,
    predicate: Callable[[str], bool],
    kind: str,
    hint: re.Pattern[str] | None = None,
) -> None:
    """Remove every cell for which `predicate` holds; a line left empty is dropped.

    `hint`, where given, is something every such cell holds: lines of several cells
    without it are skipped unsplit.
    """
    for index, line in enumerate(lines.texts):
        if not line or line.isspace():
            continue
        if is_one_cell(line):  # most lines: furniture or not as a whole, nothing to split
            if predicate(line):
                lines.drop(index, kind)
            continue
        if hint and not hint.search(line):
            continue
        parts = cells(line)
        keep = [not predicate(parts[i]) for i in range(0, len(parts), 2)]
        if all(keep):
            continue
        if not any(keep[i] and parts[2 * i].strip() for i in range(len(keep))):
            lines.drop(index, kind)
            continue
        removed = "  ".join(parts[2 * i] for i in range(len(keep)) if not keep[i])
        lines.replace(index, join_cells(parts, keep), kind, removed)


def drop_signature_boxes(lines: _Lines) -> None:
    """Remove the `Ordförandens sign / Justerandens sign / Exp den / Utdragsbestyrkande` box."""
    _drop_cells(lines, is_signature_cell, "signature box")


def drop_page_numbers(lines: _Lines) -> None:
    """Remove page numbers: cells `Sida 4(6)`, `Sida 6 av 12`, `4 (31)` and lines `4/31`."""
    for index, text in enumerate(lines.texts):
        if text is None or "/" not in text:  # the slash spares stripping and matching
            continue
        line = text.strip()
        if BARE_PAGE_SLASH_RE.match(line) and is_page_number_line(line):
            lines.drop(index, "page number")
    _drop_cells(lines, is_page_number_cell, "page number", PAGE_HINT_RE)


def drop_signing_service_lines(lines: _Lines) -> None:
    """Remove lines stamped by e-signing services (`Comfact Signature Referensnummer: …`),
    and their stamps spliced into a line of text (`… informerar   Document reference: …`)."""
    for index, text in enumerate(lines.texts):
        if not text:
            continue
        if _SIGNING_SERVICE_RE.match(text.strip()):
            lines.drop(index, "signing-service line")
        elif ("eference" in text or "referens" in text) and (
            stamp := _SIGNING_STAMP_RE.search(text)
        ):
            kept = (text[: stamp.start()] + text[stamp.end() :]).rstrip()
            if kept.strip():
                lines.replace(index, kept, "signing-service line", stamp.group(0))
            else:
                lines.drop(index, "signing-service line")


def drop_datum_dnr_blocks(lines: _Lines) -> None:
    """Remove the `Datum … Dnr … Sida` letter header however its words were split over lines."""
    starts = [i for i, text in enumerate(lines.texts) if text and text.startswith("Datum")]
    for index in starts:
        if lines.alive(index):  # not inside a block already removed
            _drop_datum_dnr_block(lines, index)


def _drop_datum_dnr_block(lines: _Lines, index: int) -> None:
    """Remove the shortest run of lines from `index` that reads as a whole `Datum … Sida`."""
    joined = ""
    for end in [index, *lines.next_nonblank(index, 7)]:
        piece = lines.get(end).strip()
        joined = f"{joined} {piece}" if end != index else piece
        # The header ends with its page number: a run without `Sida` cannot match yet.
        if "Sida" in joined and DATUM_DNR_SIDA_RE.fullmatch(joined):
            for i in range(index, end + 1):
                lines.drop(i, "Datum/Dnr/Sida page header")
            return


def _is_header_like(line: str) -> bool:
    """A short label line such as an organ name: few words, no sentence end, no §."""
    line = line.strip()
    if not line or "§" in line or line.startswith("-") or line.endswith((".", ":", ";", ",")):
        return False
    return len(line.split()) <= _MAX_HEADER_WORDS


def _is_date_only(line: str) -> bool:
    # Every date starts with a digit: other lines are told without rejoining their words.
    return bool(_DIGIT_FIRST_RE.match(line)) and bool(_DATE_ONLY_RE.match(joined_words(line)))


def _page_boundaries(lines: _Lines) -> list[int]:
    """Indices where a page ends: form feeds and lines that are only a page number.

    A page number followed by a form feed, with at most a footer's few lines between, is
    one boundary (the feed), else the page would count twice, once with the footer's tail
    as its header, and a real header would never reach the 80 % of pages needed.
    """
    boundaries: list[int] = []
    since = _BOTTOM_ZONE_LINES + 1  # content lines since the last boundary
    texts = lines.texts
    for index, line in enumerate(texts):
        if not line:  # removed or empty: neither a boundary nor content
            continue
        if lines.is_page_end(line):
            after_feed = boundaries and texts[boundaries[-1]] == FORM_FEED
            if line != FORM_FEED and after_feed and 0 < since <= _HEADER_BEFORE_NUMBER:
                since += 1  # `ORGAN  PROTOKOLL` / `Sida 2 av 16`: the number is the header's
                continue
            after_number = boundaries and texts[boundaries[-1]] != FORM_FEED
            if boundaries and (
                since == 0 or (line == FORM_FEED and after_number and since <= _BOTTOM_ZONE_LINES)
            ):
                boundaries[-1] = index
            else:
                boundaries.append(index)
            since = 0
        elif line.strip():
            since += 1
    return boundaries


def _zone(
    lines: _Lines, boundary: int, forward: bool, size: int, stops: frozenset[int] | None = None
) -> list[int]:
    """Up to `size` non-blank lines after (or before) a page boundary, not past the next one
    (`stops`, the page boundaries; without them any page-number line or form feed)."""
    found: list[int] = []
    step = 1 if forward else -1
    index = boundary + step
    while 0 <= index < len(lines) and len(found) < size:
        line = lines.get(index)
        if index in stops if stops is not None else lines.is_page_end(line):
            break
        if line.strip():
            found.append(index)
        index += step
    return found


def _zone_keys(lines: _Lines, zone: list[int]) -> set[str]:
    keys: set[str] = set()
    for index in zone:
        keys.update(lines.cell_keys(lines.get(index)))
    return keys


def _learn_repeated_cells(
    lines: _Lines, zones: list[list[int]], bonus: Sequence[list[int]] = ()
) -> set[str]:
    """Cells that recur in the page zones (headers or footers) of nearly every page.

    A cell must stand in the zones of at least 80 % of the pages and seldom elsewhere:
    `Kommunstyrelsen beslutar` may open several pages, but it also fills their middles.
    `bonus` zones (the first page's top) count when a cell stands there, not when not.
    """
    if not zones or len(zones) + len(bonus) < 2:
        return set()
    inside: Counter[str] = Counter()
    for zone in [*zones, *bonus]:
        inside.update(key for key in _zone_keys(lines, zone) if _is_header_like(key))
    needed = max(2, -(-len(zones) * 4 // 5))  # 80 % of the pages, rounded up
    candidates = {key for key, count in inside.items() if count >= needed}
    leading: Counter[str] = Counter()
    for zone in [*zones, *bonus]:
        leading.update(_leading_keys(lines, zone, candidates))
    candidates = {key for key in candidates if leading[key] >= needed}
    if not candidates:
        return set()
    in_zones = {index for zone in [*zones, *bonus] for index in zone}
    outside: Counter[str] = Counter()
    for index, text in enumerate(lines.texts):
        if text and index not in in_zones and (found := lines.cell_keys(text) & candidates):
            outside.update(found)
    return {key for key in candidates if outside[key] <= inside[key] // 2}


def _leading_keys(lines: _Lines, zone: list[int], candidates: set[str]) -> set[str]:
    """The candidates in the zone's run of header lines, up to the first line of content.

    A header stands together at the page edge; a heading such as `Beslut` that happens to
    open two pages of a short protocol stands after content (a title) on one of them.
    """
    found: set[str] = set()
    for index in zone:
        keys = lines.cell_keys(lines.get(index))
        found |= keys & candidates
        if any(k not in candidates and not is_shaped_furniture(k) for k in keys):
            break
    return found


def _is_zone_furniture(cell: str, learned: set[str]) -> bool:
    """A cell that may be dropped in a page zone: learned, or furniture by its own shape."""
    key = cell_key(cell)
    return bool(key) and (key in learned or is_shaped_furniture(key))


def _strip_zone(lines: _Lines, zone: list[int], learned: set[str]) -> None:
    """Remove furniture cells from a page's zone until a line holds no furniture at all."""
    for index in zone:
        if not lines.alive(index):
            continue
        parts = cells(lines.get(index))
        keep = [not _is_zone_furniture(parts[i], learned) for i in range(0, len(parts), 2)]
        if all(keep):
            return
        if not any(keep[i] and parts[2 * i].strip() for i in range(len(keep))):
            lines.drop(index, "repeated page header")
            continue
        removed = "  ".join(parts[2 * i] for i in range(len(keep)) if not keep[i])
        lines.replace(index, join_cells(parts, keep), "repeated page header", removed)


def drop_repeated_page_headers(lines: _Lines) -> None:
    """Learn the header/footer lines printed on every page and remove them everywhere.

    Pages are found by form feeds and page-number lines. A header cell is learned when
    it recurs at the top of at least 80 % of the pages; it is then removed at the top of
    each page and wherever two or more learned lines stand together (a page break whose
    page number was lost).
    """
    boundaries = _page_boundaries(lines)
    stops = frozenset(boundaries)
    feeds = [b for b in boundaries if lines.get(b) == FORM_FEED]
    tops = [_zone(lines, b, True, _LEARN_ZONE_LINES, stops) for b in boundaries]
    # The first page's top and what follows the last page number (a footer's tail, not a
    # page) may hold the header too, but a header need not stand there.
    bonus = [_zone(lines, -1, True, _LEARN_ZONE_LINES)]
    if tops and _is_document_tail(lines, boundaries[-1]):
        bonus.append(tops.pop())
    learned = _learn_repeated_cells(lines, tops, bonus) | _learn_repeated_cells(
        lines, [_zone(lines, b, False, _BOTTOM_ZONE_LINES) for b in feeds]
    )
    if not learned:
        return
    for boundary in [-1, *boundaries]:
        _strip_zone(lines, _zone(lines, boundary, True, _TOP_ZONE_LINES, stops), learned)
    for boundary in feeds:
        _strip_zone(lines, _zone(lines, boundary, False, _BOTTOM_ZONE_LINES), learned)
    _drop_learned_runs(lines, learned)


def _is_document_tail(lines: _Lines, boundary: int) -> bool:
    """True when no more than a footer's few lines follow the page boundary."""
    return len(lines.next_nonblank(boundary, _BOTTOM_ZONE_LINES + 1)) <= _BOTTOM_ZONE_LINES


def _is_learned_line(lines: _Lines, text: str, learned: set[str]) -> bool:
    return lines.cell_keys(text) <= learned


def _drop_learned_runs(lines: _Lines, learned: set[str]) -> None:
    texts = lines.texts
    index = 0
    while index < len(texts):
        text = texts[index]
        # Only a learned line can open a run: test it before looking ahead.
        if text and text.strip() and _is_learned_line(lines, text, learned):
            run = [index]
            for nxt in islice(lines.iter_nonblank(index), 12):
                if not _is_learned_line(lines, lines.get(nxt), learned):
                    break
                run.append(nxt)
            if len(run) >= 2:
                for i in run:
                    lines.drop(i, "repeated page header")
                index = run[-1]
        index += 1


def drop_labelled_header_blocks(lines: _Lines) -> None:
    """Remove `Protokoll / Sammanträdesdatum / <organ> / <date>` blocks printed atop pages."""
    starts = [
        i for i, text in enumerate(lines.texts) if text and HEADER_LABEL_RE.match(text.strip())
    ]
    for index in starts:
        if not lines.alive(index):  # inside a block already removed
            continue
        block = [index]
        for nxt in lines.next_nonblank(index, 6):
            line = lines.get(nxt)
            block.append(nxt)
            if _is_date_only(line):
                for i in block:
                    lines.drop(i, "page header")
                break
            if not (_is_header_like(line) or is_signature_cell(line)):
                break


def drop_organ_date_pairs(lines: _Lines, meeting_date: dt.date | None) -> None:
    """Remove a page header reduced to `<organ>` over `<meeting date>` (no label at all)."""
    if meeting_date is None:
        return
    for index, line in enumerate(lines.texts):
        # The digit test first: most lines are told without a call.
        if not line or not _DIGIT_FIRST_RE.match(line) or not _is_date_only(line):
            continue
        if parse_date(line.strip()) != meeting_date:
            continue
        before = [i for i in range(index - 1, max(index - 4, -1), -1) if lines.get(i).strip()]
        if before and lines.alive(before[0]) and _is_header_like(lines.get(before[0])):
            lines.drop(before[0], "page header")
        lines.drop(index, "page header")


FURNITURE_STEPS: tuple[Callable[[_Lines], None], ...] = (
    drop_datum_dnr_blocks,
    drop_signing_service_lines,
    drop_signature_boxes,
    drop_repeated_page_headers,
    drop_page_numbers,
    drop_labelled_header_blocks,
)


def remove_furniture(text: str, *, meeting_date: dt.date | None = None) -> CleanText:
    """Remove page furniture from normalized text; `meeting_date` finds bare organ/date headers."""
    lines = _Lines(text)
    for step in FURNITURE_STEPS:
        step(lines)
    drop_organ_date_pairs(lines, meeting_date)
    return lines.finish()


def clean_text(text: str, *, meeting_date: dt.date | None = None) -> CleanText:
    """Normalize then remove page furniture: the whole cleaning chain in one call."""
    return remove_furniture(normalize(text), meeting_date=meeting_date)
