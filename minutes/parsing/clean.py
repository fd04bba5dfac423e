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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .cells import (
    BARE_PAGE_SLASH_RE,
    HEADER_LABEL_RE,
    PAGE_HINT_RE,
    cell_key,
    cells,
    is_page_number_cell,
    is_page_number_line,
    is_shaped_furniture,
    is_signature_cell,
    join_cells,
)
from .meeting import DATE_RE, DATUM_DNR_SIDA_RE, parse_date
from .normalize import normalize

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
# A line that is only a date (`2024-11-28`, `28 november 2024`): page headers print one.
_DATE_ONLY_RE = re.compile(rf"^(?:{DATE_RE.pattern})$", re.I)
# Header lines are short labels: an organ name, not a sentence.
_MAX_HEADER_WORDS = 8
# Page headers are learned from the first lines of each page, stripped a little further.
_LEARN_ZONE_LINES = 5
_TOP_ZONE_LINES = 8
_BOTTOM_ZONE_LINES = 3
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

    def next_nonblank(self, index: int, limit: int) -> list[int]:
        """Indices of up to `limit` live non-blank lines after `index`."""
        found: list[int] = []
        for i in range(index + 1, len(self.texts)):
            if len(found) >= limit:
                break
            if self.alive(i) and self.get(i).strip() and self.get(i) != FORM_FEED:
                found.append(i)
        return found

    def finish(self) -> CleanText:
        """Drop removed lines and runs of blank lines; attach removals to surviving lines."""
        lines: list[str] = []
        removals: list[Removal] = []
        pending: list[tuple[str, str, bool]] = []
        for index, text in enumerate(self.texts):
            pending.extend(self.notes.get(index, ()))
            if text is None or text == FORM_FEED:
                continue
            if not text.strip() and (not lines or not lines[-1].strip()):
                continue
            removals.extend(_merged(len(lines), pending))
            pending = []
            lines.append(text)
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

    `hint`, where given, is something every such cell holds: lines without it are skipped
    unsplit, which spares most lines of a long protocol.
    """
    for index in range(len(lines)):
        line = lines.get(index)
        if not lines.alive(index) or not line.strip() or (hint and not hint.search(line)):
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
    for index in range(len(lines)):
        line = lines.get(index).strip()
        if lines.alive(index) and BARE_PAGE_SLASH_RE.match(line) and is_page_number_line(line):
            lines.drop(index, "page number")
    _drop_cells(lines, is_page_number_cell, "page number", PAGE_HINT_RE)


def drop_signing_service_lines(lines: _Lines) -> None:
    """Remove lines stamped by e-signing services (`Comfact Signature Referensnummer: …`)."""
    for index in range(len(lines)):
        if lines.alive(index) and _SIGNING_SERVICE_RE.match(lines.get(index).strip()):
            lines.drop(index, "signing-service line")


def drop_datum_dnr_blocks(lines: _Lines) -> None:
    """Remove the `Datum … Dnr … Sida` letter header however its words were split over lines."""
    index = 0
    while index < len(lines):
        if lines.alive(index) and lines.get(index).startswith("Datum"):
            span = [index, *lines.next_nonblank(index, 7)]
            for size in range(1, len(span) + 1):
                joined = " ".join(lines.get(i).strip() for i in span[:size])
                if DATUM_DNR_SIDA_RE.fullmatch(joined):
                    for i in range(span[0], span[size - 1] + 1):
                        lines.drop(i, "Datum/Dnr/Sida page header")
                    index = span[size - 1]
                    break
        index += 1


def _is_header_like(line: str) -> bool:
    """A short label line such as an organ name: few words, no sentence end, no §."""
    line = line.strip()
    if not line or line.startswith(("§", "-")) or line.endswith((".", ":", ";", ",")):
        return False
    return len(line.split()) <= _MAX_HEADER_WORDS


def _is_date_only(line: str) -> bool:
    return bool(_DATE_ONLY_RE.match(" ".join(line.split())))


def _page_boundaries(lines: _Lines) -> list[int]:
    """Indices where a page ends: form feeds and lines that are only a page number.

    A page number followed by a form feed, with at most a footer's few lines between, is
    one boundary (the feed), else the page would count twice, once with the footer's tail
    as its header, and a real header would never reach the 80 % of pages needed.
    """
    boundaries: list[int] = []
    since = _BOTTOM_ZONE_LINES + 1  # content lines since the last boundary
    for index in range(len(lines)):
        line = lines.get(index)
        if line == FORM_FEED or (line.strip() and is_page_number_line(line)):
            after_number = boundaries and lines.get(boundaries[-1]) != FORM_FEED
            if boundaries and (
                since == 0 or (line == FORM_FEED and after_number and since <= _BOTTOM_ZONE_LINES)
            ):
                boundaries[-1] = index
            else:
                boundaries.append(index)
            since = 0
        elif line.strip() and lines.alive(index):
            since += 1
    return boundaries


def _zone(lines: _Lines, boundary: int, forward: bool, size: int) -> list[int]:
    """Up to `size` non-blank lines after (or before) a page boundary, not past the next one."""
    found: list[int] = []
    step = 1 if forward else -1
    index = boundary + step
    while 0 <= index < len(lines) and len(found) < size:
        line = lines.get(index)
        if line == FORM_FEED or (line.strip() and is_page_number_line(line)):
            break
        if line.strip():
            found.append(index)
        index += step
    return found


def _zone_keys(lines: _Lines, zone: list[int]) -> set[str]:
    keys: set[str] = set()
    for index in zone:
        parts = cells(lines.get(index))
        keys.update(cell_key(parts[i]) for i in range(0, len(parts), 2))
    keys.discard("")
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
    for index in range(len(lines)):
        if index not in in_zones and lines.alive(index):
            outside.update(_zone_keys(lines, [index]) & candidates)
    return {key for key in candidates if outside[key] <= inside[key] // 2}


def _leading_keys(lines: _Lines, zone: list[int], candidates: set[str]) -> set[str]:
    """The candidates in the zone's run of header lines, up to the first line of content.

    A header stands together at the page edge; a heading such as `Beslut` that happens to
    open two pages of a short protocol stands after content (a title) on one of them.
    """
    found: set[str] = set()
    for index in zone:
        keys = _zone_keys(lines, [index])
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
    feeds = [b for b in boundaries if lines.get(b) == FORM_FEED]
    tops = [_zone(lines, b, True, _LEARN_ZONE_LINES) for b in boundaries]
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
        _strip_zone(lines, _zone(lines, boundary, True, _TOP_ZONE_LINES), learned)
    for boundary in feeds:
        _strip_zone(lines, _zone(lines, boundary, False, _BOTTOM_ZONE_LINES), learned)
    _drop_learned_runs(lines, learned)


def _is_document_tail(lines: _Lines, boundary: int) -> bool:
    """True when no more than a footer's few lines follow the page boundary."""
    return len(lines.next_nonblank(boundary, _BOTTOM_ZONE_LINES + 1)) <= _BOTTOM_ZONE_LINES


def _is_learned_line(line: str, learned: set[str]) -> bool:
    parts = cells(line)
    keys = [cell_key(parts[i]) for i in range(0, len(parts), 2)]
    return bool(keys) and all(key in learned for key in keys if key)


def _drop_learned_runs(lines: _Lines, learned: set[str]) -> None:
    index = 0
    while index < len(lines):
        if lines.alive(index) and lines.get(index).strip():
            run = [index]
            for nxt in lines.next_nonblank(index, 12):
                if not _is_learned_line(lines.get(nxt), learned):
                    break
                run.append(nxt)
            if len(run) >= 2 and _is_learned_line(lines.get(index), learned):
                for i in run:
                    lines.drop(i, "repeated page header")
                index = run[-1]
        index += 1


def drop_labelled_header_blocks(lines: _Lines) -> None:
    """Remove `Protokoll / Sammanträdesdatum / <organ> / <date>` blocks printed atop pages."""
    index = 0
    while index < len(lines):
        if lines.alive(index) and HEADER_LABEL_RE.match(lines.get(index).strip()):
            block = [index]
            for nxt in lines.next_nonblank(index, 6):
                line = lines.get(nxt)
                block.append(nxt)
                if _is_date_only(line):
                    for i in block:
                        lines.drop(i, "page header")
                    index = nxt
                    break
                if not (_is_header_like(line) or is_signature_cell(line)):
                    break
        index += 1


def drop_organ_date_pairs(lines: _Lines, meeting_date: dt.date | None) -> None:
    """Remove a page header reduced to `<organ>` over `<meeting date>` (no label at all)."""
    if meeting_date is None:
        return
    for index in range(len(lines)):
        line = lines.get(index)
        if not lines.alive(index) or not _is_date_only(line):
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
