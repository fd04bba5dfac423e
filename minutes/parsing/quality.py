"""What a reading found, set against what its text shows: the `quality` of protocol JSON 2.

`assess(text, protocol)` reads the normalized text once more, on its own and more simply than
the parser does, and compares:

- the meeting: whether a date, an organ, a chair, a secretary and an attendance list were read;
- the §§: the distinct § numbers the text shows as item headings against the items read.
  A heading is a § number at the start of a line (`§ 70 Title`, `§70`, `§ 3 a`, organ-
  prefixed `KS § 4`, `SBN § 38   SBN/2025:74`). Not headings: continuation headings
  (`BUN § 62 (fort.)`), ranges (`§ 48-§ 56`), references (`§ 13 i kommunallagen`, or a line
  that a sentence ending in a comma runs into) and lists of § lines: a table of contents
  or an agenda (under `Ärendelista`, `Dagordning`, … or without a heading) and lists of other
  protocols' §§ inside an item. A list is a run of § lines with next to nothing between them
  whose numbers do not carry the items' sequence on: they go backwards, or the §§ after them
  start again below them (the items after a table of contents);
- decisions: how many items have one;
- reservations, yrkanden, voteringar and protokollsanteckningar: in how many §§ the text
  mentions each (`Inga reservationer`, `Votering begärs inte` and a bare heading with nothing
  under it are not mentions) against how many items have one read.

Where the two disagree the reason is a `Gap` (a code and its parameters); a reading with a
gap is one to review (`GRANSKA`), one without is `OK`. Pure Python, no Django.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Item, ParsedProtocol

KINDS = ("reservation", "yrkande", "votering", "protokollsanteckning")
DECISION = "beslut"
OK, REVIEW = "OK", "GRANSKA"

# A § line: an optional organ abbreviation (`KS`, `SBN`, `KS-AU`), then `§ 4`, `§4`,
# `Paragraf 4`, an optional letter (`§ 3 a`, not `§ 13 i …`) and the rest of the line.
_MARK_RE = re.compile(
    r"^[ \t]*(?:[A-ZÅÄÖ]{1,8}(?:[-/][A-ZÅÄÖ]{1,8})?[ \t]+)?(?:§[ \t]*|(?:Paragraf|PARAGRAF)[ \t]+)"
    r"(?P<number>\d{1,4})(?![\d,])(?:[ \t]*[a-h](?![\wåäö]))?(?P<rest>.*)$"
)
# What after the number makes the line no heading: a continuation `(fort.)`/`forts.`,
# a range `§ 48-§ 56`/`§ 4-6`, `§§`, or a lower-case word (`§ 13 i kommunallagen`).
_NOT_HEADING_REST_RE = re.compile(
    r"^[ \t]*(?:\(?[ \t]*forts?\b|[-–](?:[ \t]*§|\d)|§|[.,;:]?[ \t]*[a-zåäö])"
)
# The end of a line that a sentence runs on from into the § line (`… 2017-04-20,` / `enligt`).
_RUNS_ON_RE = re.compile(r"(?:,|\b(?:enligt|se|i|och|samt))[ \t]*$")
# Headings of a table of contents or an agenda, alone on their line.
_AGENDA_RE = re.compile(
    r"(?i)^[ \t]*(?:ärendelista|dagordning|föredragningslista|innehållsförteckning|innehåll"
    r"|paragrafer|ärenden|förteckning över ärenden)[ \t]*:?[ \t]*$"
)
# Section headings: only an item's body has them (a sentence is the other sign: `is_sentence`).
_BODY_HEADING_RE = re.compile(
    r"(?i)^[ \t]*(?:beslut|ärendebeskrivning|sammanfattning|bakgrund|beslutsunderlag"
    r"|förslag till beslut|yrkanden?|beslutsgång|propositionsordning|reservation(?:er)?"
    r"|protokollsanteckning(?:ar)?|paragrafen är justerad|\S+s beslut)[ \t]*:?[ \t]*$"
)
_PAGE_BREAK = "\f"
# A § line with at most this many short lines (no sentence, no section) before the next
# § line or page break is listed, not the start of an item.
_LIST_GAP_LINES = 4
# An agenda heading is this many lines at most above the first § line it lists.
_AGENDA_DISTANCE = 2

# What each kind of statement is called in a §'s text, matched in the lower-cased text and
# starting with a literal (fast to find); `is_word` then rules out other words.
_MENTION_RES = {
    # `reserverar`, `reservation`, `Reservationer`; not `resultatutjämningsreserven`.
    "reservation": re.compile(r"reserv(?:er(?:ar|ade|at)|ation(?:en|er|erna)?)\b"),
    # `yrkar`, `yrkande`, `bifallsyrkande`, `Tilläggsyrkande` (not `Utdragsbestyrkande`), and
    # the heading of the motions in Formpipe layouts, `Förslag till beslut på sammanträdet`.
    "yrkande": re.compile(r"yrka(?:r|nde|nden|ndet|ndena)\b|förslag till beslut på sammanträdet\b"),
    # `votering`, `Voteringsproposition`, `omröstning`; not `folkomröstningsresultatet`.
    "votering": re.compile(r"votering\w*|omröstning\w*"),
    "protokollsanteckning": re.compile(r"protokollsanteckning\w*"),
    # A decision: `beslutar`, or a `Beslut` heading (`Kommunstyrelsens beslut`, `Beslut:`).
    DECISION: re.compile(r"(?m)beslut(?:ar\b|[ \t]*:?[ \t]*$)"),
}
# Words before a `beslut` heading: none, or the organ in the genitive (`nämndens`).
_DECISION_HEADING_LEAD_RE = re.compile(r"^[ \t]*(?:\w+s[ \t]+)?$")
# A mention is negated by a word just before it (`Inga reservationer`, `utan omröstning`)
# or just after it (`Votering begärs inte`, `reserverar sig ej`).
_NEGATED_BEFORE_RE = re.compile(r"\b(?:ingen|inga|inget|inte|ej|utan)[ \t]+(?:\S+[ \t]+){0,2}$")
_NEGATED_AFTER_RE = re.compile(r"^\S*[ \t]+(?:\S+[ \t]+)?(?:inte|ej)\b")
# `med reservation för ändringar` is a proviso, no dissent.
_PROVISO_BEFORE_RE = re.compile(r"\bmed[ \t]+$")
_PROVISO_AFTER_RE = re.compile(r"^[ \t]+för\b")
# The line that opens a statement quoted in full, and lines that end it.
_STATEMENT_RE = re.compile(
    r"(?i)\blämnar\s+följande\s+(?:\S+\s+)?(?:protokollsanteckning|reservation|yttrande)"
    r"\w*\s*:?\s*$"
)
_STATEMENT_END_RE = re.compile(r"(?i)^[ \t]*(?:beslutet\s+)?(?:expedieras|delges)\b")
# What a heading's first line under it must not be for the heading to mention anything.
_EMPTY_UNDER_RE = re.compile(r"^[ \t]*(?:ingen|inga|inget|saknas)\b|^[ \t]*[-–—]*[ \t]*$")


@dataclass(frozen=True, slots=True)
class Gap:
    """One reason to review a reading: a stable code and its parameters (JSON-ready)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class KindCounts:
    """A count per kind of statement: §§ that mention it, or items that have it read."""

    reservation: int = 0
    yrkande: int = 0
    votering: int = 0
    protokollsanteckning: int = 0


@dataclass(frozen=True, slots=True)
class Quality:
    """What the reading found against what the text shows, and the gaps between them."""

    date: bool
    organ: bool
    chair: bool
    secretary: bool
    attendance: bool
    section_marks_in_text: int
    items: int
    items_with_decision: int
    mentions: KindCounts
    read: KindCounts
    gaps: tuple[Gap, ...] = ()

    @property
    def verdict(self) -> str:
        """`OK` when the reading has no gap, else `GRANSKA` (to review)."""
        return REVIEW if self.gaps else OK

    def __repr__(self) -> str:
        gaps = [f"{gap.code}{gap.params or ''}" for gap in self.gaps]
        return f"<Quality {self.verdict} §§ {self.items}/{self.section_marks_in_text} gaps={gaps}>"


@dataclass(frozen=True, slots=True)
class _Mark:
    line: int
    number: int
    listed: bool = False  # in a table of contents, an agenda or a list of references


def assess(text: str, protocol: ParsedProtocol) -> Quality:
    """Compare the reading `protocol` with the normalized `text` it was read from."""
    lines = text.split("\n")
    headings = find_headings(lines)
    sections = {
        number: "\n".join(blank_quoted(part)).lower()
        for number, part in split_sections(lines, headings).items()
    }
    mentioned = {kind: mentioning(sections, kind) for kind in KINDS}
    read = {kind: reading(protocol.items, kind) for kind in KINDS}
    seen = {mark.number for mark in headings}
    quality = Quality(
        date=protocol.date is not None,
        organ=bool(protocol.committee),
        chair=bool(protocol.chair) or has_role(protocol, "ordförande"),
        secretary=bool(protocol.secretary) or has_role(protocol, "sekreterare"),
        attendance=bool(protocol.attendees),
        section_marks_in_text=len(seen),
        items=len(protocol.items),
        items_with_decision=sum(1 for item in protocol.items if item.decisions),
        mentions=KindCounts(**{kind: len(numbers) for kind, numbers in mentioned.items()}),
        read=KindCounts(**{kind: len(numbers) for kind, numbers in read.items()}),
    )
    gaps = (
        *meeting_gaps(quality),
        *item_gaps(seen, [item.number for item in protocol.items]),
        *decision_gaps(mentioning(sections, DECISION), protocol.items),
        *mention_gaps(mentioned, read),
    )
    return dataclasses.replace(quality, gaps=tuple(gaps))


def has_role(protocol: ParsedProtocol, role: str) -> bool:
    """Whether an attendee of the reading has `role`."""
    return any(attendee.role == role for attendee in protocol.attendees)


# --- § headings ---------------------------------------------------------------------------


def find_headings(lines: Sequence[str]) -> list[_Mark]:
    """The § lines that start items, in text order (a number may head more than one part)."""
    return [mark for mark in find_marks(lines) if not mark.listed]


def find_marks(lines: Sequence[str]) -> list[_Mark]:
    """Every § line that may head an item, each marked `listed` when it is in a list.

    Lines with next to nothing under them (`is_short_gap`) are taken a run at a time, with
    the § line after the run when its number goes on the same way (the last entry of a
    table of contents has the rest of the page under it); a run is a list or items."""
    marks = [
        _Mark(index, number)
        for index, line in enumerate(lines)
        if (number := mark_number(line, lines[index - 1] if index else "")) is not None
    ]
    ends = [m.line for m in marks[1:]] + [len(lines)] * bool(marks)
    short = [is_short_gap(lines[m.line + 1 : end]) for m, end in zip(marks, ends, strict=True)]
    listed: set[int] = set()
    last_heading: int | None = None
    start = 0
    while start < len(marks):
        run = take_run(marks, short, start)
        numbers = [marks[i].number for i in run]
        after = marks[run[-1] + 1].number if run[-1] + 1 < len(marks) else None
        if short[start] and is_list(numbers, last_heading, after, under_agenda(lines, marks, run)):
            listed.update(run)
        else:
            last_heading = numbers[-1]
        start = run[-1] + 1
    return [_Mark(m.line, m.number, listed=i in listed) for i, m in enumerate(marks)]


def mark_number(line: str, previous: str) -> int | None:
    """The § number when `line` may head an item; None for other lines and references."""
    if "§" not in line and "aragraf" not in line and "ARAGRAF" not in line:
        return None  # most lines, told without matching
    match = _MARK_RE.match(line)
    if match is None or _NOT_HEADING_REST_RE.match(match.group("rest")):
        return None
    if previous.strip() and _RUNS_ON_RE.search(previous):
        return None  # `… fastställdes av kommunfullmäktige 2017-04-20,` / `§ 23. …`
    return int(match.group("number"))


def take_run(marks: Sequence[_Mark], short: Sequence[bool], start: int) -> list[int]:
    """From `start`: the § lines with short gaps after each other, and the one after them
    when its number carries theirs on (up after up, down after down, not the same)."""
    run = [start]
    while short[run[-1]] and run[-1] + 1 < len(marks) and short[run[-1] + 1]:
        run.append(run[-1] + 1)
    following = run[-1] + 1
    if not short[start] or following >= len(marks):
        return run
    step = marks[run[-1]].number - marks[run[-2]].number if len(run) > 1 else 0
    change = marks[following].number - marks[run[-1]].number
    if change != 0 and change * step >= 0:
        run.append(following)
    return run


def is_short_gap(gap: Sequence[str]) -> bool:
    """Whether the lines after a § line (up to the next § line, cut at a page break) hold
    next to nothing: a few short lines, no sentence and no section heading."""
    count = 0
    for line in gap:
        text = line.strip()
        if text == _PAGE_BREAK:
            break
        if not text:
            continue
        count += 1
        if count > _LIST_GAP_LINES or _BODY_HEADING_RE.match(text) or is_sentence(text):
            return False
    return True


def is_sentence(text: str) -> bool:
    """A line of three words or more that ends a sentence (`Ordföranden öppnar mötet.`)."""
    return text.endswith((".", "!", "?")) and len(text.split(None, 3)) > 2


def is_list(numbers: Sequence[int], before: int | None, after: int | None, agenda: bool) -> bool:
    """Whether § lines are a list (table of contents, agenda, references), not items: under
    an agenda heading, or numbered against the items' sequence (not increasing, not above
    the item before them, or the next § line starting again below them)."""
    if agenda or any(b <= a for a, b in pairwise(numbers)):
        return True
    return (before is not None and before >= numbers[0]) or (
        after is not None and after <= numbers[-1]
    )


def under_agenda(lines: Sequence[str], marks: Sequence[_Mark], run: Sequence[int]) -> bool:
    """Whether the run's first § line comes right under an agenda heading (`Ärendelista`)."""
    start = marks[run[0] - 1].line + 1 if run[0] else 0
    between = [line for line in lines[start : marks[run[0]].line] if line.strip()]
    return any(_AGENDA_RE.match(line) for line in between[-_AGENDA_DISTANCE:])


# --- mentions -------------------------------------------------------------------------------


def split_sections(lines: Sequence[str], headings: Sequence[_Mark]) -> dict[int, list[str]]:
    """The lines of each § in the text, from its heading to the next (the text before the
    first heading is the protocol's header, no §'s)."""
    sections: dict[int, list[str]] = {}
    bounds = [mark.line for mark in headings] + [len(lines)]
    for mark, end in zip(headings, bounds[1:], strict=True):
        sections.setdefault(mark.number, []).extend(lines[mark.line : end])
    return sections


def mentioning(sections: dict[int, str], kind: str) -> set[int]:
    """The § numbers whose (lower-cased) text mentions `kind`."""
    return {number for number, text in sections.items() if mentions(text, kind)}


def mentions(text: str, kind: str) -> bool:
    """Whether the lower-cased `text` mentions `kind` (a statement or `beslut`): not as part
    of another word, not negated and not as an empty heading (statements quoted in full
    are blanked beforehand: `blank_quoted`)."""
    for match in _MENTION_RES[kind].finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        line, left, right = text[start:end], match.start() - start, match.end() - start
        if not is_word(kind, line, left, right):
            continue
        while left and line[left - 1].isalpha():
            left -= 1  # the compound's start: `inga säryrkanden`
        if is_negated(line, left, right):
            continue
        if not is_bare_heading(line, left, right) or has_content_under(text, end):
            return True
    return False


def is_word(kind: str, line: str, start: int, end: int) -> bool:
    """Whether the match `line[start:end]` is the word of `kind`, not part of another word
    or phrase: a yrkande may end a compound (`bifallsyrkande`, not `utdragsbestyrkande`); a
    decision heading has at most the organ before it (`Nämndens beslut`, not `Förslag till
    beslut`); `med reservation för ändringar` is a proviso, no dissent."""
    if kind == "yrkande":
        return not line.endswith("best", 0, start)
    if start and line[start - 1].isalpha():
        return False
    if (
        kind == DECISION
        and line.startswith("beslut", start)
        and line[start + 6 : start + 8] != "ar"
    ):
        return bool(_DECISION_HEADING_LEAD_RE.match(line[:start]))
    if kind == "reservation":
        return not (_PROVISO_BEFORE_RE.search(line[:start]) and _PROVISO_AFTER_RE.match(line[end:]))
    return True


def blank_quoted(lines: Sequence[str]) -> list[str]:
    """The lines with the texts of statements quoted in full blanked: after `X lämnar
    följande protokollsanteckning:` up to the next section heading or `Beslutet expedieras
    till`. What a protokollsanteckning or a written reservation says (`Fokus yrkar att …`)
    is not the meeting's own yrkande, votering or reservation."""
    if not any("följande" in line for line in lines):
        return list(lines)  # most §§, told without matching
    kept: list[str] = []
    inside = False
    for line in lines:
        if _BODY_HEADING_RE.match(line) or _STATEMENT_END_RE.match(line):
            inside = False
        kept.append("" if inside else line)
        if _STATEMENT_RE.search(line):
            inside = True
    return kept


def is_negated(line: str, start: int, end: int) -> bool:
    """`Inga reservationer`, `utan votering`, `Votering begärs inte`."""
    return bool(_NEGATED_BEFORE_RE.search(line[:start]) or _NEGATED_AFTER_RE.match(line[end:]))


def is_bare_heading(line: str, start: int, end: int) -> bool:
    """Whether the word is the whole line (`Reservationer`, `Protokollsanteckning:`)."""
    return not line[:start].strip() and not line[end:].strip(" \t:.")


def has_content_under(text: str, end: int) -> bool:
    """Whether the heading whose line ends at `end` has something under it: a line of three
    words or a name with a party, not `-` or `Inga`."""
    for line in text[end:].split("\n"):
        if not line.strip() or line.strip() == _PAGE_BREAK:
            continue
        if _EMPTY_UNDER_RE.match(line):
            return False
        return len(line.split()) >= 3 or "(" in line
    return False


def reading(items: Iterable[Item], kind: str) -> set[int]:
    """The numbers of the items that have at least one statement of `kind` read."""
    return {item.number for item in items if has_read(item, kind)}


def has_read(item: Item, kind: str) -> bool:
    """Whether `item` has a statement of `kind` read."""
    if kind == "reservation":
        return bool(item.reservations)
    if kind == "yrkande":
        return bool(item.yrkanden)
    if kind == "votering":
        return bool(item.votes)
    return any(note.kind == "protokollsanteckning" for note in item.notes)


# --- gaps ---------------------------------------------------------------------------------


def meeting_gaps(quality: Quality) -> list[Gap]:
    """A gap for each meeting field the reading lacks."""
    found = {
        "no_date": quality.date,
        "no_organ": quality.organ,
        "no_chair": quality.chair,
        "no_secretary": quality.secretary,
        "no_attendance": quality.attendance,
    }
    return [Gap(code) for code, present in found.items() if not present]


def item_gaps(seen: set[int], read: Sequence[int]) -> list[Gap]:
    """§ headings in the text that are no item, items that are no heading, no items at all."""
    if not read:
        return [Gap("no_items", {"seen": len(seen)})]
    gaps: list[Gap] = []
    missing = sorted(seen - set(read))
    if missing:
        gaps.append(
            Gap("items_missing", {"seen": len(seen), "read": len(set(read)), "numbers": missing})
        )
    unmarked = sorted(set(read) - seen)
    if unmarked:
        gaps.append(Gap("items_unmarked", {"numbers": unmarked}))
    return gaps


def decision_gaps(stated: set[int], items: Sequence[Item]) -> list[Gap]:
    """A gap for the items whose text states a decision (`Beslut`, `… beslutar`) where none
    was read; a withdrawn or tabled item may have none."""
    excused = {item.number for item in items if item.decisions or item.withdrawn or item.tabled}
    read = {item.number for item in items}
    unread = sorted((stated & read) - excused)
    if not unread:
        return []
    with_decision = sum(1 for item in items if item.decisions)
    return [Gap("decisions_unread", {"read": with_decision, "numbers": unread})]


def mention_gaps(mentioned: dict[str, set[int]], read: dict[str, set[int]]) -> list[Gap]:
    """A gap for each kind the text mentions in a § where none was read."""
    gaps = []
    for kind in KINDS:
        unread = sorted(mentioned[kind] - read[kind])
        if unread:
            params = {
                "kind": kind,
                "mentioned": len(mentioned[kind]),
                "read": len(read[kind]),
                "numbers": unread,
            }
            gaps.append(Gap("mentions_unread", params))
    return gaps
