"""Printed voting lists (voteringslista, voteringsprotokoll, omröstningslista): who voted how.

A list prints one row per member and a column per vote (`Ledamot  Ja  Nej  Avstår`), the
vote as an X under its column or as a word (`Anna Ek (S)   Ja`), often a `Totalt` row.
Text extraction keeps the rows in three shapes, all read by one rule:

- rows with the vote as a word (`Anna Ek (S)   Ja`, `Bo Berg (M): Nej`, a Word table's
  `Anna Ek<TAB>S<TAB>Ja`);
- rows with the X on the member's own line, under the column of its vote;
- rows pulled apart (`pdftotext -layout` of many publishing systems): the names run down
  one column and the X marks stand on other lines — on lines of their own, on the header,
  on the `Totalt` row or on another member's row — in the same order as the names.

The rule: the names in printed order and the votes in printed order, paired one to one
when there are as many of each, each vote read from the column its X stands under. Where
the counts differ, or an X stands under no column, or the votes do not add up to the
list's `Totalt` row, the list gives a warning and no roll: never a wrong roll.

Which column an X stands under is known only from its indentation, which the normalized
text no longer has. So reading takes two steps:

1. `mark_vote_columns(text)`, a normalization step that runs before lines are stripped:
   inside a printed list each X becomes the word of its column (`Ja`, `Nej`, `Avstår`,
   `Frånvarande`, as the header prints it) and each figure of the `Totalt` row gets its
   column's word before it (`Ja 23`). Nothing else of the text changes.
2. `find_vote_lists(lines)` reads the lists in a §'s lines, with the line span of each so
   the caller can keep those lines out of sentences, notes and sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from .people import NAME, PERSON_WITH_PARTY_RE, normalize_party
from .records import RollCall

__all__ = [
    "VoteList",
    "find_vote_lists",
    "is_list_title",
    "mark_vote_columns",
    "may_hold_vote_list",
    "tally",
    "vote_list_heading",
]

# The words of the vote columns, as headers and word rows print them (all layouts).
_VOTE_WORDS = {
    "ja": "ja",
    "nej": "nej",
    "avstår": "avstår",
    "avstod": "avstår",
    "avstående": "avstår",
    "frånvarande": "frånvarande",
    "frånv": "frånvarande",
}
_COUNTED = ("ja", "nej", "avstår")  # the votes a Totalt row and a tally count
# A mark in a vote column: X as most lists print it, or a check mark.
_MARKS = frozenset({"x", "✓", "✔", "☒", "⊠"})
# A cell: words joined by single spaces; cells are apart by a tab or two spaces or more.
_CELL_RE = re.compile(r"[^\t ]+(?: [^\t ]+)*")
# A figure of a Totalt row, bare (`23`) or with its column's word (`Ja 23`, `23 ja`).
_FIGURE_RE = re.compile(
    r"(?:(?P<before>[A-Za-zåäöÅÄÖ]+)\.?:? )?(?P<n>\d{1,4})(?: (?P<after>[A-Za-zåäöÅÄÖ]+))?"
)
# The label of a Totalt row (all layouts).
_TOTAL_RE = re.compile(r"(?:totalt?|summa|antal)(?: röster)?:?", re.IGNORECASE)
# The title of a list: `Voteringslista`, `Voteringsprotokoll`, `Omröstningslista`,
# `Bilaga A Voteringslista`, `Bilaga KF § 54/25` printed above one.
_TITLE_RE = re.compile(
    r"(?:bilaga\b.*)?\b(?:voterings|omröstnings)(?:lista|listan|protokoll|protokollet|bilaga)\b",
    re.IGNORECASE,
)
# A row with the name and the vote in one cell: `Bo Berg (M): Nej`, `Anna Ek (S) Ja`.
_WORD_IN_CELL_RE = re.compile(
    r"(?P<who>.+?)\s*(?::\s*|\s)(?P<vote>ja|nej|avstår|avstod|avstående|frånvarande)",
    re.IGNORECASE,
)
# A party printed in a cell of its own after the name: `S`, `(S)`, `-`.
_PARTY_CELL_RE = re.compile(r"\(?(?P<party>[A-ZÅÄÖ]{1,6}|-)\)?")
# A member's name printed without a party (lists that print none).
_BARE_NAME_RE = re.compile(NAME)
# A role printed after the party: `Anna Ek (S), ordförande`, `Bo Berg (M) ers.`.
_ROLE_AFTER_RE = re.compile(r"(?:,?\s*[a-zåäö][a-zåäö.]*(?: [a-zåäö][a-zåäö.]*){0,2})?")
# Past this many words a cell is running text, and a list stops before it.
_MAX_CELL_WORDS = 6
# An X this many characters beside the nearest column still stands under it.
_MAX_MARK_DISTANCE = 4
# How a line of a list ends: a vote word or a mark, in the cases lists print them (the
# quick test, a tuple for `str.endswith`).
_LIST_LINE_ENDINGS = tuple(
    ending
    for word in (*_VOTE_WORDS, "frånv.", *_MARKS)
    for ending in {word, word.capitalize(), word.upper()}
)


@dataclass(frozen=True, slots=True)
class VoteList:
    """One printed list: the roll (empty when it could not be read), the figures of its
    Totalt row (None where not printed), its line span [start, end) and its warnings as
    (code, params) for `warning_codes.warn`."""

    roll: tuple[RollCall, ...]
    totals: tuple[int | None, int | None, int | None]
    start: int
    end: int
    warnings: tuple[tuple[str, dict[str, Any]], ...] = ()

    def sums(self) -> tuple[int, int, int]:
        """(ja, nej, avstår) counted from the roll."""
        counts = [sum(call.vote == vote for call in self.roll) for vote in _COUNTED]
        return counts[0], counts[1], counts[2]


# ---------------------------------------------------------------- cells and columns


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    text: str
    index: int  # the tab cell it stands in (tab-separated tables), else -1

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _cells(line: str) -> list[_Cell]:
    """The cells of a line with their offsets (and tab cell, where tabs separate them)."""
    if "\t" in line:
        cells = []
        offset = 0
        for index, part in enumerate(line.split("\t")):
            cells.extend(
                _Cell(offset + m.start(), m.group(), index) for m in _CELL_RE.finditer(part)
            )
            offset += len(part) + 1
        return cells
    return [_Cell(m.start(), m.group(), -1) for m in _CELL_RE.finditer(line)]


def _vote_word(text: str) -> str | None:
    return _VOTE_WORDS.get(text.lower().rstrip(".:"))


def _is_mark(text: str) -> bool:
    return text.lower() in _MARKS


@dataclass(frozen=True, slots=True)
class _Column:
    start: int
    end: int
    index: int  # tab cell, -1 when columns are told by offset
    word: str  # as printed: `Ja`, `NEJ`, `Avstår`
    vote: str


def _header(cells: list[_Cell]) -> list[_Column] | None:
    """The vote columns of a header line (`Ledamot  Ja  Nej  Avstår`), or None: a header
    holds Ja and Nej, each once, as cells of their own."""
    columns = [
        _Column(c.start, c.end, c.index, c.text.rstrip(".:"), vote)
        for c in cells
        if (vote := _vote_word(c.text))
    ]
    votes = [c.vote for c in columns]
    if "ja" not in votes or "nej" not in votes or len(set(votes)) != len(votes):
        return None
    return columns


def _column_of(
    cell: _Cell, columns: list[_Column], *, by_offset: bool, by_tab: bool
) -> _Column | None:
    """The column a mark or figure stands under: in a tab table by its tab cell (where
    the table keeps its empty cells, `by_tab`), else by the nearest column where offsets
    hold (`by_offset`); ties, far marks and unknowns: None."""
    if cell.index >= 0 or any(c.index >= 0 for c in columns):  # a tab table: by the cell
        if not by_tab or cell.index <= 0:
            return None
        return next((c for c in columns if c.index == cell.index), None)
    if not by_offset:
        return None
    distances = sorted(
        (max(c.start - cell.end, cell.start - c.end, 0), i) for i, c in enumerate(columns)
    )
    best, index = distances[0]
    if best > _MAX_MARK_DISTANCE or (len(distances) > 1 and distances[1][0] == best):
        return None
    return columns[index]


def _is_running_text(cells: list[_Cell]) -> bool:
    return any(c.text.count(" ") >= _MAX_CELL_WORDS for c in cells)


def may_hold_vote_list(lines: Sequence[str]) -> bool:
    """False only when none of `lines` can be a line of a voting list: every list has a
    line that ends in a vote word or a mark."""
    for line in lines:
        if line.endswith(_LIST_LINE_ENDINGS):
            return True
        if line[-1:] in (" ", "\t") and line.rstrip().endswith(_LIST_LINE_ENDINGS):
            return True
    return False


def is_list_title(text: str) -> bool:
    """`Voteringslista`, `Voteringsprotokoll`, `Omröstningslista` (a heading of its own)."""
    return bool(_TITLE_RE.fullmatch(" ".join(text.split()).rstrip(":")))


def vote_list_heading(line: str) -> tuple[str, str] | None:
    """(title, rest) of a line that opens a printed voting list, else None: the title alone
    (`Voteringslista`) or with the list's columns or a mark beside it
    (`Voteringsprotokoll      Ja  Nej  Avstår`, `Voteringsprotokoll      Nej`)."""
    if "oterings" not in line and "östnings" not in line and "OTERINGS" not in line:
        return None  # what every title holds, in the case it is printed in
    cells = _cells(line)
    if not cells or not is_list_title(cells[0].text):
        return None
    if not all(_is_vote_cell(c.text) for c in cells[1:]):
        return None
    rest = line[cells[1].start :] if len(cells) > 1 else ""
    return " ".join(cells[0].text.split()).rstrip(":"), rest


# ---------------------------------------------------------------- step 1: the columns


def mark_vote_columns(text: str) -> str:
    """Inside every printed voting list, write each X as the word of the column it stands
    under and give each figure of the Totalt row its column's word (`23` → `Ja 23`).

    Runs on text that still has its indentation (before the lines are stripped): the
    column of an X on a line of its own is told only by where it stands. A list starts at
    a header line (`Voteringsprotokoll   Ja  Nej  Avstår`) and runs over rows, marks,
    labels and page furniture to its Totalt figures or to the next running text.
    """
    if not _may_hold_header(text):
        return text
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        columns = _header(_cells(line)) if _may_hold_header(line) else None
        if columns is None:
            index += 1
            continue
        index = _mark_list(lines, index + 1, columns)
    return "\n".join(lines)


def _may_hold_header(text: str) -> bool:
    # Every header holds `Nej` as a word in some case: spares splitting most texts.
    return "Nej" in text or "NEJ" in text or "nej" in text


def _mark_list(lines: list[str], index: int, columns: list[_Column]) -> int:
    """Rewrite the marks and Totalt figures of the list whose header is above `index`;
    return the index of the first line after the list."""
    rows: list[tuple[int, list[_Cell], list[_Column], bool]] = []  # (line, cells, columns,
    in_total = False  #                                              the Totalt figures)
    end = len(lines)
    while index < len(lines):
        cells = _cells(lines[index])
        if not cells:
            index += 1
            continue
        if _is_running_text(cells):
            end = index
            break
        header = _header(cells)
        if header is not None:  # the header again, on the list's next page
            columns = header
            index += 1
            continue
        total_row = bool(_TOTAL_RE.fullmatch(cells[0].text))
        in_total = in_total or total_row
        figures = [c for c in cells[1 if total_row else 0 :] if c.text.isdigit()]
        if in_total and figures and (total_row or len(figures) == len(cells)):
            rows.append((index, cells, columns, True))
            end = index + 1  # the Totalt figures end the list
            break
        rows.append((index, cells, columns, False))
        index += 1
    by_tab = _keeps_empty_cells(cells for _, cells, _, _ in rows)
    for line, cells, row_columns, figures in rows:
        lines[line] = _rewrite(lines[line], cells, row_columns, figures=figures, by_tab=by_tab)
    return end


def _keeps_empty_cells(rows: Iterable[list[_Cell]]) -> bool:
    """Whether a tab table keeps its empty cells (a Word table's row `Bo Berg<TAB><TAB>X`),
    so a mark's tab cell tells its column. PDF text puts one tab in any gap (`Bo Berg<TAB>X`
    for a mark under Nej as under Ja): there the cell tells nothing."""
    return any(b.index - a.index > 1 for cells in rows for a, b in pairwise(cells))


def _rewrite(
    line: str, cells: list[_Cell], columns: list[_Column], *, figures: bool, by_tab: bool
) -> str:
    """The line with its marks (or its figures) written as the words of their columns."""
    pieces: list[str] = []
    position = 0
    # a Totalt row with a figure in every column is read by its cells in any tab table
    by_tab = by_tab or (figures and sum(c.text.isdigit() for c in cells) == len(columns))
    for position_in_line, cell in enumerate(cells):
        if figures and cell.text.isdigit():
            column = _column_of(cell, columns, by_offset=True, by_tab=by_tab)
            new = f"{column.word} {cell.text}" if column else None
        elif not figures and _is_mark(cell.text) and (cell.index < 0 or position_in_line > 0):
            # (an X opening a tab line has lost the cells before it: it stays as printed)
            column = _column_of(cell, columns, by_offset=True, by_tab=by_tab)
            new = column.word if column else None
        else:
            new = None
        if new is not None:
            pieces += [line[position : cell.start], new]
            position = cell.end
    if not pieces:
        return line
    return "".join([*pieces, line[position:]])


# ---------------------------------------------------------------- step 2: the lists


@dataclass(slots=True)
class _Row:
    """What one line of a list holds."""

    kind: str  # blank | header | row | total | votes | figures | other | text
    cells: list[_Cell]
    name: tuple[str, str | None] | None = None
    bare: bool = False  # the name is printed without a party
    votes: tuple[_Cell, ...] = ()  # vote words and marks, in order
    columns: list[_Column] | None = None
    figures: tuple[_Cell, ...] = ()


def _read_row(line: str) -> _Row:
    cells = _cells(line)
    if not cells:
        return _Row("blank", cells)
    if _is_running_text(cells):
        return _Row("text", cells)
    columns = _header(cells)
    if columns is not None:
        name, bare = _name_of(cells[0].text)
        return _Row("header", cells, name=name, bare=bare, columns=columns)
    if _TOTAL_RE.fullmatch(cells[0].text):
        rest = cells[1:]
        figures = tuple(c for c in rest if _FIGURE_RE.fullmatch(c.text))
        votes = tuple(c for c in rest if _is_vote_cell(c.text))
        return _Row("total", cells, votes=votes, figures=figures)
    first, rest = _split_first(cells)
    name, bare = _name_of(first.text)
    if name is not None:
        party = _PARTY_CELL_RE.fullmatch(rest[0].text) if bare and rest else None
        if party and not _is_vote_cell(rest[0].text):
            name, bare, rest = (name[0], _party(party.group("party"))), False, rest[1:]
        votes = tuple(c for c in rest if _is_vote_cell(c.text))
        return _Row("row", cells, name=name, bare=bare, votes=votes)
    if all(_is_vote_cell(c.text) for c in cells):
        return _Row("votes", cells, votes=tuple(cells))
    if all(_FIGURE_RE.fullmatch(c.text) for c in cells):
        return _Row("figures", cells, figures=tuple(cells))
    return _Row("other", cells, votes=tuple(c for c in cells[1:] if _is_vote_cell(c.text)))


def _split_first(cells: list[_Cell]) -> tuple[_Cell, list[_Cell]]:
    """The first cell, and the rest; `Bo Berg (M): Nej` in one cell is split in two."""
    first = cells[0]
    word = _WORD_IN_CELL_RE.fullmatch(first.text)
    if word and _name_of(word.group("who"))[0] is not None:
        vote_start = first.start + word.start("vote")
        return (
            _Cell(first.start, word.group("who"), first.index),
            [_Cell(vote_start, word.group("vote"), first.index), *cells[1:]],
        )
    return first, cells[1:]


def _is_vote_cell(text: str) -> bool:
    return _vote_word(text) is not None or _is_mark(text)


def _party(code: str) -> str | None:
    """`(-)` is a member without party."""
    party = normalize_party(code)
    return None if party == "-" else party


def _name_of(text: str) -> tuple[tuple[str, str | None] | None, bool]:
    """(name, party) of a cell that is a member's name, and whether it has no party."""
    text = text.strip()
    person = PERSON_WITH_PARTY_RE.match(text)
    if person and _ROLE_AFTER_RE.fullmatch(text, person.end()):
        return (" ".join(person.group("name").split()), _party(person.group("party"))), False
    if _BARE_NAME_RE.fullmatch(text) and not _TITLE_RE.search(text):
        return (text, None), True
    return None, False


def find_vote_lists(lines: Sequence[str | None]) -> list[VoteList]:
    """The printed voting lists in `lines` (normalized, stripped lines of one § or part of
    one; None marks a line that no list may cross, such as a block's boundary)."""
    rows = [_read_row(line) if line is not None else _Row("text", []) for line in lines]
    found: list[VoteList] = []
    index = 0
    while index < len(rows):
        if not _starts_list(rows[index]):
            index += 1
            continue
        start = _extend_up(rows, index)
        end = _extend_down(rows, index)
        if any(row.name for row in rows[start:end]):  # a table of Ja/Nej without members is
            found.append(_read_list(rows, start, end))  # no voting list (a checklist)
        index = end
    return found


def _starts_list(row: _Row) -> bool:
    """A header, or a member's row with the vote as a word."""
    if row.kind == "header":
        return True
    return row.kind == "row" and any(_vote_word(c.text) for c in row.votes)


def _extend_up(rows: list[_Row], index: int) -> int:
    """Members' rows and short labels just above the header belong to the list (the header
    may stand beside the second name); a title, a blank line or a sentence ends it."""
    start = index
    while start > 0:
        row = rows[start - 1]
        if row.kind == "other" and _TITLE_RE.search(row.cells[0].text):
            return start - 1
        if row.votes or not (row.kind == "row" or (row.kind == "other" and _is_label(row))):
            return start
        start -= 1
    return start


def _is_label(row: _Row) -> bool:
    """A label or page furniture, not a sentence: `Ledamot/tjänstgörande ersättare`,
    `Sammanträdesdatum`, `2025-10-07`."""
    return all(c.text.count(" ") < 3 and not c.text.endswith((".", ":")) for c in row.cells)


def _extend_down(rows: list[_Row], index: int) -> int:
    """The end of the list: after its Totalt figures, else before running text (labels
    and blank lines at its end left out)."""
    last = index
    in_total = rows[index].kind == "total"
    position = index + 1
    while position < len(rows):
        row = rows[position]
        if row.kind == "text":
            break
        if row.kind == "total":
            in_total = True
            last = position
            if row.figures:
                return position + 1
        elif row.kind == "figures" and in_total:
            return position + 1
        elif row.kind in ("header", "row") or row.votes:
            last = position
        elif row.kind == "other" and not _may_stand_in_list(row):
            break
        position += 1
    return last + 1


def _may_stand_in_list(row: _Row) -> bool:
    """Labels and page furniture a list may hold between its rows: short cells only."""
    return all(c.text.count(" ") < 4 and not c.text.endswith(".") for c in row.cells)


def _read_list(rows: list[_Row], start: int, end: int) -> VoteList:
    span = rows[start:end]
    with_party = any(r.name and not r.bare for r in span)
    names: list[tuple[str, str | None]] = [
        r.name for r in span if r.name is not None and (not r.bare or not with_party)
    ]
    marks: list[tuple[_Cell, list[_Column] | None, bool]] = []
    columns: list[_Column] | None = next((r.columns for r in span if r.columns), None)
    totals: tuple[int | None, int | None, int | None] = (None, None, None)
    by_tab = _keeps_empty_cells(row.cells for row in span)
    for row in span:
        if row.columns is not None:
            columns = row.columns
        placed = row.kind in ("row", "total", "other")  # a cell before the mark: offsets hold
        marks.extend((cell, columns, placed) for cell in row.votes)
        if row.figures and columns is not None:
            totals = _totals(row.figures, columns, placed=row.kind == "total", by_tab=by_tab)
    votes = []
    for cell, cols, placed in marks:
        vote = _vote_word(cell.text) or _mark_vote(cell, cols, placed=placed, by_tab=by_tab)
        if vote is None:
            row = next((r for r in span if cell in r.cells), None)
            text = " ".join(c.text for c in row.cells) if row else cell.text
            unreadable = ("roll_row_unreadable", {"row": text})
            return VoteList((), totals, start, end, (unreadable,))
        votes.append(vote)
    problem = _problem(names, votes, totals)
    if problem:
        return VoteList((), totals, start, end, (problem,))
    roll = (RollCall(n, p, v) for (n, p), v in zip(names, votes, strict=True))
    return VoteList(tuple(roll), totals, start, end)


def _mark_vote(
    cell: _Cell, columns: list[_Column] | None, *, placed: bool, by_tab: bool
) -> str | None:
    """An X's vote: the column it stands under (by tab cell, or by offset where a cell
    before it on the line keeps the offsets of the header)."""
    if columns is None or not _is_mark(cell.text):
        return None
    column = _column_of(cell, columns, by_offset=placed, by_tab=by_tab)
    return column.vote if column else None


def _totals(
    figures: Sequence[_Cell], columns: list[_Column], *, placed: bool, by_tab: bool
) -> tuple[int | None, int | None, int | None]:
    """(ja, nej, avstår) of a Totalt row: `Ja 23` by its word, a bare figure by its column
    (in column order when every column has a figure)."""
    found: dict[str, int] = {}
    bare = [f for f in figures if f.text.isdigit()]
    for figure in figures:
        match = _FIGURE_RE.fullmatch(figure.text)
        assert match is not None
        word = _figure_word(figure.text)
        if word is None:
            continue
        found[word] = int(match.group("n"))
    if len(bare) == len(columns):
        found.update((c.vote, int(f.text)) for c, f in zip(columns, bare, strict=True))
    else:
        for figure in bare:
            column = _column_of(figure, columns, by_offset=placed, by_tab=by_tab)
            if column is not None:
                found[column.vote] = int(figure.text)
    return found.get("ja"), found.get("nej"), found.get("avstår")


def _figure_word(text: str) -> str | None:
    match = _FIGURE_RE.fullmatch(text)
    if match is None:
        return None
    word = match.group("before") or match.group("after")
    return _vote_word(word) if word else None


def _problem(
    names: list[tuple[str, str | None]],
    votes: list[str],
    totals: tuple[int | None, int | None, int | None],
) -> tuple[str, dict[str, Any]] | None:
    """Why the list gives no roll (a warning's code and params), or None."""
    if len(names) != len(votes):
        return "roll_list_unpaired", {"names": len(names), "votes": len(votes)}
    if not names:
        return "roll_list_without_names", {}
    seen: set[str] = set()
    for name, _ in names:
        if name in seen:
            return "roll_list_name_twice", {"name": name}
        seen.add(name)
    sums = [votes.count(vote) for vote in _COUNTED]
    if any(t is not None and t != s for t, s in zip(totals, sums, strict=True)):
        return "roll_list_total_mismatch", {"roll": tally(sums), "total": tally(totals)}
    return None


def tally(counts: Sequence[int | None]) -> str:
    """`ja 23, nej 22, avstår 0` of (ja, nej, avstår) counts; unknown counts left out."""
    return ", ".join(
        f"{word} {count}" for word, count in zip(_COUNTED, counts, strict=True) if count is not None
    )
