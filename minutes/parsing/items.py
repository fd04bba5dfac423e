"""One § of a protocol: title, diarienummer, officials, sections, decisions and motions.

`read_item` gets the cleaned text of one § (page furniture and markup mostly removed by
the document level) from its marker line (`§ 70 Title`, `§70` then the title, `§ 201 Title`
then `HSN 571-2024`) to the end of the item.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .decisions import (
    KIND_PROPOSES,
    ORGAN_RE,
    Intro,
    read_decisions,
    read_intro,
    says_immediate,
)
from .dnr import read_dnr_line
from .motions import read_motions_in_paragraphs
from .records import Decision, Item, ParseWarning, Section
from .segment import ORGAN_PREFIX
from .text import ATT_RE, fold_case, is_bullet, may_contain, split_paragraphs, strip_markup
from .votelists import is_list_title, vote_list_heading
from .warning_codes import at_item, warn

# The marker line: `§ 70 Title`, `§70`, `**§ 209 Title**`, `## § 211 Title`, `KS § 4 Title`,
# `Paragraf 12 Title`; the title after the punctuation some print (`§ 12. Title`,
# `§12: Title`, `§ 12 – Title`).
MARKER_RE = re.compile(
    rf"^{ORGAN_PREFIX}(?:§|Paragraf|PARAGRAF)\s*(?P<number>\d{{1,4}})\b"
    r"[ \t]*(?:[.:]|[–—-](?=[ \t]))?\s*(?P<title>.*)$"
)
# `Ärendeansvarig:` and the spelling `Ärendansvarig:` (Region Västernorrland layouts).
RESPONSIBLE_RE = re.compile(r"^(?:Ärendeansvarig|Ärendansvarig|Ärendeägare)\s*:\s*(?P<v>.*)$", re.I)
# `Handläggare: A, B`, `A och B`, `A; B`, `A / B` (all layouts).
HANDLERS_RE = re.compile(r"^Handläggare\s*:\s*(?P<v>.*)$", re.IGNORECASE)
# Header lines read but not kept: `Föredragande: …` (some kommun layouts).
_OTHER_META_RE = re.compile(r"^Föredragande\s*:", re.IGNORECASE)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|/|&|\boch\b|\bsamt\b)\s*")
# `Ärendet utgår.` on a line of its own: withdrawn from the agenda (all layouts).
WITHDRAWN_RE = re.compile(r"^Ärendet\s+(?:utgår|har\s+utgått|utgick)\b", re.IGNORECASE)
# Tabled: `Ärendet bordläggs`, or a decision clause that tables (`bordläggs`, `bordlägga`).
TABLED_RE = re.compile(r"\bbordl(?:äggs|ägga|ägger|ades|agt|agd)\b", re.IGNORECASE)
_TABLED_WORDS = ("bordl",)  # in every match of TABLED_RE
# `Ärendet bordläggs` on a line of its own (all layouts).
_TABLED_LINE_RE = re.compile(r"^Ärendet\s+bordläggs\b", re.IGNORECASE)
# Page furniture that the document level should have removed; dropped here defensively.
_FURNITURE_RE = re.compile(
    r"^(?:Ordförandens\s+sign\b.*|Justerandens\s+sign\b.*|Exp\s+den\b.*|\w*bestyrkande"
    r"|Sida\s+\d+\s*\(\d+\)|\d+\s*\(\d+\)|-{3,}[\s-]*|Comfact\s+Signature\b.*"
    r"|Signerat\s+med\b.*)$",
    re.IGNORECASE,
)
# A line that closes each § in the Formpipe-signed layout; not content.
_SIGNED_LINE_RE = re.compile(r"^Paragrafen\s+är\s+justerad\.?$", re.IGNORECASE)
_MAX_TITLE_LINES = 4
# A title line shorter than this is whole unless it ends with a word that runs on.
_SHORT_TITLE = 40
_RUNS_ON = (" och", " samt", " eller", " för", " av", " i", " till", " om", " med", "-", ",")
# A dnr printed at the right of the marker or title line (kommun layouts with a dnr column).
_MARKER_DNR_RE = re.compile(r"(?<=\s)(?:Dnr|Diarienummer|Diarienr)\b.*$", re.IGNORECASE)
# A dnr after the title without a label: in a column of its own (`Budget 2025    SN 2024/233`)
# or in parentheses at the end (`Budget 2025 (SN 2024/233)`).
_TRAILING_DNR_RE = re.compile(
    r"(?:\t+|[ ]{2,})(?P<column>\S[^\t]*?)\s*$|\s*\((?P<paren>[^()]+)\)\s*$"
)

_DECISION = "decision"
_PROPOSAL = "proposal"
_DESCRIPTION = "description"
_OTHER = "other"
# Known section headings and what they hold; a heading is a short line alone matching one.
HEADINGS: dict[str, str] = {
    "ärendebeskrivning": _DESCRIPTION,
    "ärendet": _DESCRIPTION,
    "sammanfattning": _DESCRIPTION,
    "sammanfattning av ärendet": _DESCRIPTION,
    "bakgrund": _DESCRIPTION,
    "förvaltningens bedömning": _DESCRIPTION,
    "bedömning": _DESCRIPTION,
    "ekonomiska konsekvenser": _DESCRIPTION,
    "konsekvenser": _DESCRIPTION,
    "beslutsunderlag": _DESCRIPTION,
    "underlag": _DESCRIPTION,
    "handlingar": _DESCRIPTION,
    "bilagor": _DESCRIPTION,
    "beredning": _DESCRIPTION,
    "ärendets beredning": _DESCRIPTION,
    "delges": _DESCRIPTION,
    "beslutet delges": _DESCRIPTION,
    "expedieras till": _DESCRIPTION,
    "beslutet expedieras till": _DESCRIPTION,
    "beslutet ska expedieras till": _DESCRIPTION,
    "expedieras": _DESCRIPTION,
    "expediering": _DESCRIPTION,
    "skickas till": _DESCRIPTION,
    "beslutet skickas till": _DESCRIPTION,
    "förslag till beslut": _PROPOSAL,
    "beslutsförslag": _PROPOSAL,
    "förvaltningens förslag": _PROPOSAL,
    "förvaltningens förslag till beslut": _PROPOSAL,
    "beslut": _DECISION,
    "beslutet": _DECISION,
    "överläggningar": _OTHER,
    "under överläggningarna": _OTHER,
    "överläggning": _OTHER,
    "förslag till beslut vid sammanträdet": _OTHER,
    "förslag till beslut på sammanträdet": _OTHER,
    "förslag på sammanträdet": _OTHER,
    "beslutsgång": _OTHER,
    "propositionsordning": _OTHER,
    "proposition": _OTHER,
    "yrkande": _OTHER,
    "yrkanden": _OTHER,
    "tilläggsyrkande": _OTHER,
    "ändringsyrkande": _OTHER,
    "återremissyrkande": _OTHER,
    "avslagsyrkande": _OTHER,
    "votering": _OTHER,
    "omröstning": _OTHER,
    "omröstningsresultat": _OTHER,
    "reservation": _OTHER,
    "reservationer": _OTHER,
    "skriftlig reservation": _OTHER,
    "särskilt yttrande": _OTHER,
    "särskilda yttranden": _OTHER,
    "protokollsanteckning": _OTHER,
    "protokollsanteckningar": _OTHER,
    "anteckning": _OTHER,
    "anteckningar": _OTHER,
    "noteras till protokollet": _OTHER,
    "deltagande av beslut": _OTHER,
    "deltagande i beslut": _OTHER,
    "deltar ej i beslutet": _OTHER,
    "jäv": _OTHER,
}
# An organ's own heading: `Kommunstyrelsens beslut`, `Barn- och utbildningsnämndens förslag`,
# `Kommunstyrelsens förslag till kommunfullmäktige` (what the organ decides to propose).
_ORGAN_HEADING_RE = re.compile(
    r"^(?P<organ>[A-ZÅÄÖ][\w\- ]{2,60}?)s\s+(?P<what>beslut|förslag)"
    r"(?:\s+till\s+(?P<to>beslut|[\w\- ]{3,60}?))?\s*:?$"
)
_HEADING_ALTERNATION = "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEADINGS, key=len, reverse=True)
)
_MAX_HEADING_WORDS = max(len(heading.split()) for heading in HEADINGS)
# A known heading alone on its line, with or without a colon (all layouts).
HEADING_RE = re.compile(rf"^(?P<h>{_HEADING_ALTERNATION})\s*:?$", re.IGNORECASE)
# A known heading with its text on the same line: `Delges: Regionens revisorer`.
INLINE_HEADING_RE = re.compile(rf"^(?P<h>{_HEADING_ALTERNATION})\s*:\s+(?P<rest>\S.*)$", re.I)
# An unknown heading is only trusted where markup marks it: `**Genomlysningen**`, `### X`.
_MARKED_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s+(?P<a>[^#]+?)|\*\*(?P<b>[^*]+?)\*\*)\s*:?\s*$")


@dataclasses.dataclass
class Block:
    """A run of lines under one heading (None: before the first heading)."""

    heading: str | None
    lines: list[str]
    # What the block holds: decision, proposal, description or other; set once, as the
    # heading never changes and the role is asked for many times.
    role: str = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.role = (
            _OTHER
            if self.heading is None or is_list_title(self.heading)  # a voting list: votelists
            else HEADINGS.get(_heading_key(self.heading))
            or _organ_heading_role(self.heading)
            or _DESCRIPTION
        )


def _organ_heading_role(line: str) -> str | None:
    """`Kommunstyrelsens beslut` heads a decision, `Arbetsutskottets förslag (till beslut)`
    a proposal: an organ's name in the genitive and the word, alone on the line."""
    match = _ORGAN_HEADING_RE.match(line.strip())
    if match is None or not ORGAN_RE.fullmatch(match.group("organ")):
        return None
    if _opening_of(match) is not None:
        return _DECISION
    if match.group("to") not in (None, "beslut"):
        return None
    return _DECISION if match.group("what") == "beslut" else _PROPOSAL


def _proposal_opening(heading: str | None) -> Intro | None:
    """`Kommunstyrelsens förslag till kommunfullmäktige` heads what the organ decided to
    propose to the other: the intro every decision under it continues."""
    match = _ORGAN_HEADING_RE.match(heading.strip()) if heading else None
    return _opening_of(match) if match else None


def _opening_of(match: re.Match[str]) -> Intro | None:
    organ, to = match.group("organ"), match.group("to")
    if match.group("what") != "förslag" or to in (None, "beslut"):
        return None
    if not (ORGAN_RE.fullmatch(organ) and ORGAN_RE.fullmatch(to)):
        return None
    return Intro(organ, KIND_PROPOSES, (to[:1].upper() + to[1:],))


def _heading_key(heading: str) -> str:
    return " ".join(heading.lower().split())


def read_item(number: int, text: str) -> tuple[Item, list[ParseWarning]]:
    """Read one § from its cleaned text. Returns the Item and warnings (never raises).

    text: the cleaned text of one § from its marker line (`§ 70 Title`, or `§70` then the
    title on the next line, or `§ 201 Title` then `HSN 571-2024` on the next line) to the
    end of the item; page furniture and markdown markup are mostly removed by the caller.
    """
    warnings: list[ParseWarning] = []
    lines = _prepare_lines(text or "", number, warnings)
    title, position, marker_dnr = _read_title(lines, number, warnings)
    dnr, responsible, handlers, body_start = _read_header(lines, position)
    dnr = [*marker_dnr, *(d for d in dnr if d not in marker_dnr)]
    body = lines[body_start:]
    blocks = split_blocks(body)
    decisions = _read_all_decisions(blocks, number, warnings)
    paragraphs = [split_paragraphs(b.lines) for b in blocks]  # for sections and motions
    motions = read_motions_in_paragraphs(
        (b.heading, b.lines, p)
        for b, p in zip(blocks, paragraphs, strict=True)
        if b.role != _DESCRIPTION
    )
    warnings.extend(at_item(motions.warnings, number))
    # `Ärendet utgår` / `Ärendet bordläggs`: IGNORECASE matches Ä to Ä and ä alone, so the
    # first letter tells the few lines worth matching.
    matter_lines = [line for line in body if line.startswith(("Ä", "ä"))]
    item = Item(
        number=number,
        title=title,
        dnr=tuple(dnr),
        responsible=tuple(responsible),
        handlers=tuple(handlers),
        withdrawn=any(WITHDRAWN_RE.match(line) for line in matter_lines),
        tabled=_is_tabled(matter_lines, decisions),
        sections=tuple(_sections(blocks, paragraphs)),
        decisions=tuple(decisions),
        yrkanden=tuple(motions.yrkanden),
        reservations=tuple(motions.reservations),
        votes=tuple(motions.votes),
        notes=tuple(motions.notes),
        text="\n".join(split_paragraphs(lines[position:])),
    )
    return item, warnings


def _prepare_lines(text: str, number: int, warnings: list[ParseWarning]) -> list[str]:
    """Strip markup from every line; drop leftover page furniture with a warning."""
    lines: list[str] = []
    furniture = False
    for raw in text.splitlines():
        line = strip_markup(raw) if raw else raw
        if not line:  # a blank line is neither signed, furniture nor a heading
            lines.append(line)
            continue
        if _SIGNED_LINE_RE.match(line):
            continue
        if _FURNITURE_RE.match(line):
            furniture = True
            lines.append("")
            continue
        if (
            ("#" in raw or "*" in raw)  # what every marked heading holds: spares the match
            and _MARKED_HEADING_RE.match(raw)
            and not MARKER_RE.match(line)
            and _is_marked_heading(line)
        ):
            line = f"{line}\x00"  # remembered as a heading marked by markup
        lines.append(line)
    if furniture:
        warnings.append(warn("item_furniture_removed", item=number))
    return lines


def _is_marked_heading(line: str) -> bool:
    """A bold or `#` line is a heading when short, capitalised and not a sentence."""
    return (
        len(line.split()) <= 8
        and line[:1].isupper()
        and not line.endswith((".", ","))
        and not read_dnr_line(line)
        and read_intro(line) is None
    )


def _read_title(
    lines: list[str], number: int, warnings: list[ParseWarning]
) -> tuple[str, int, list[str]]:
    """The title (wrapped lines joined), the index of the first line after it, and any
    diarienummer printed on the marker line itself (`§ 31      Dnr KS 2024/58`)."""
    index = _skip_blank(lines, 0)
    marker = MARKER_RE.match(lines[index].rstrip("\x00")) if index < len(lines) else None
    if marker is None:
        warnings.append(warn("no_marker_line", item=number))
        return "", index, []
    if int(marker.group("number")) != number:
        warnings.append(warn("marker_number_differs", item=number, marked=marker.group("number")))
    rest, marker_dnr = _split_marker_dnr(marker.group("title"))
    parts = [rest] if rest else []
    index += 1
    if not parts:
        candidate = _skip_blank(lines, index)
        # the dnr may stand in the header column between the marker and the title
        while candidate < len(lines) and (values := read_dnr_line(lines[candidate])):
            marker_dnr.extend(v for v in values if v not in marker_dnr)
            candidate = _skip_blank(lines, candidate + 1)
        if candidate < len(lines) and _can_start_title(lines[candidate]):
            title, title_dnr = _split_marker_dnr(lines[candidate])
            parts.append(title)
            marker_dnr.extend(v for v in title_dnr if v not in marker_dnr)
            index = candidate + 1
    while (
        parts
        and index < len(lines)
        and len(parts) < _MAX_TITLE_LINES
        and lines[index].strip()
        and not _ends_title(lines[index])
        and not parts[-1].endswith(".")
        and _may_wrap(parts[-1])
    ):
        parts.append(lines[index])
        index += 1
    if not parts:
        warnings.append(warn("no_title", item=number))
    return " ".join(" ".join(parts).split()), index, marker_dnr


def _split_marker_dnr(rest: str) -> tuple[str, list[str]]:
    """Split `Title      Dnr KS 2024/12` (or a marker line holding only a dnr) in two."""
    rest = rest.strip()
    if rest and (values := read_dnr_line(rest)):
        return "", values
    label = _MARKER_DNR_RE.search(rest)
    if label and (values := read_dnr_line(label.group(0))):
        return rest[: label.start()].strip(), values
    trailing = _TRAILING_DNR_RE.search(rest)
    if trailing and (values := read_dnr_line(trailing["column"] or trailing["paren"])):
        return rest[: trailing.start()].strip(), values
    return rest, []


def _may_wrap(part: str) -> bool:
    """Whether a title line runs on: a short title line (`Information och föredragningar`)
    is whole, and the line under it a subheading, unless it ends mid-phrase."""
    return len(part) >= _SHORT_TITLE or part.endswith(_RUNS_ON)


def _can_start_title(line: str) -> bool:
    """The line after a bare `§70` marker is the title unless it is a heading or header."""
    line = line.rstrip("\x00")
    return not (
        _heading_of(line)
        or read_dnr_line(line) is not None
        or RESPONSIBLE_RE.match(line)
        or HANDLERS_RE.match(line)
        or _OTHER_META_RE.match(line)
    )


def _ends_title(line: str) -> bool:
    """True for a line that cannot continue a wrapped title."""
    line = line.rstrip("\x00")
    return bool(
        line.endswith(".")
        or _heading_of(line)
        or read_dnr_line(line) is not None
        or RESPONSIBLE_RE.match(line)
        or HANDLERS_RE.match(line)
        or _OTHER_META_RE.match(line)
        or WITHDRAWN_RE.match(line)
        or is_bullet(line)
        or ATT_RE.match(line)
        or read_intro(line) is not None
    )


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _read_header(lines: list[str], index: int) -> tuple[list[str], list[str], list[str], int]:
    """Diarienummer, ärendeansvarig and handläggare lines after the title."""
    dnr: list[str] = []
    responsible: list[str] = []
    handlers: list[str] = []
    while True:
        index = _skip_blank(lines, index)
        if index >= len(lines):
            return dnr, responsible, handlers, index
        line = lines[index]
        values = read_dnr_line(line)
        if values is not None:
            dnr.extend(v for v in values if v not in dnr)
        elif match := RESPONSIBLE_RE.match(line):
            responsible.extend(split_names(match.group("v")))
        elif match := HANDLERS_RE.match(line):
            handlers.extend(split_names(match.group("v")))
        elif not _OTHER_META_RE.match(line):
            return dnr, responsible, handlers, index
        index += 1


def split_names(value: str) -> list[str]:
    """`Susanne Sahlin, Hanna Wahlund`, `A och B`, `A; B`, `A / B` → the names."""
    names = []
    for part in _NAME_SPLIT_RE.split(value):
        name = " ".join(part.strip(" .").split())
        if name and name[0].isupper():
            names.append(name)
    return names


def _heading_of(line: str) -> tuple[str, str] | None:
    """(heading as printed, text on the same line) for a heading line, else None."""
    if line.endswith("\x00"):
        return line.rstrip("\x00").rstrip(":").strip(), ""
    if not line[:1].isupper():  # a wrapped title's `underlag` is not the heading Underlag
        return None
    if (vote_list := vote_list_heading(line)) is not None:  # `Voteringsprotokoll  Ja  Nej`
        return vote_list
    if ("s beslut" in line or "s förslag" in line) and _organ_heading_role(line):
        return line.rstrip(":").strip(), ""  # `Kommunstyrelsens beslut`
    # A known heading stands before any colon: a longer sentence is told by its word count
    # without trying every heading.
    if len(line.partition(":")[0].split(None, _MAX_HEADING_WORDS)) > _MAX_HEADING_WORDS:
        return None
    if match := HEADING_RE.match(line):
        return " ".join(match.group("h").split()), ""
    if match := INLINE_HEADING_RE.match(line):
        return " ".join(match.group("h").split()), match.group("rest")
    return None


def split_blocks(lines: Sequence[str]) -> list[Block]:
    """Cut the body into blocks at every heading line; the first block has no heading."""
    blocks = [Block(None, [])]
    previous_blank = True
    for line in lines:
        if not line:  # half the lines: neither a heading nor a decision's opening
            blocks[-1].lines.append(line)
            previous_blank = True
            continue
        heading = _heading_of(line)
        if heading is not None:
            blocks.append(Block(heading[0], [heading[1]] if heading[1] else []))
        elif previous_blank and blocks[-1].role in (_DESCRIPTION, _OTHER) and _opens_decision(line):
            # a decision printed without a Beslut heading, after a description or after
            # the Yrkanden / Votering that led to it
            blocks.append(Block(None, [line]))
        else:
            blocks[-1].lines.append(line.rstrip("\x00"))
        previous_blank = not line.strip()
    return blocks


def _opens_decision(line: str) -> bool:
    """`Kommunstyrelsen beslutar` (alone, or followed by `att …`) opens a decision."""
    intro = read_intro(line)
    return intro is not None and not intro.verbless and (not intro.rest or intro.rest_is_att)


def _sections(blocks: list[Block], paragraphs: list[list[str]]) -> list[Section]:
    """Every headed block with text, its `paragraphs` kept apart by newlines."""
    sections = []
    for block, block_paragraphs in zip(blocks, paragraphs, strict=True):
        text = "\n".join(block_paragraphs)
        if block.heading is not None and text:
            sections.append(Section(heading=block.heading, text=text))
    return sections


def _read_all_decisions(
    blocks: list[Block], number: int, warnings: list[ParseWarning]
) -> list[Decision]:
    """The decisions under `Beslut` headings, else those opened by an intro elsewhere."""
    found: list[Decision] = []
    headed = [(b, _proposal_opening(b.heading)) for b in blocks if b.role == _DECISION]
    # `Arbetsutskottets förslag till kommunstyrelsen` before the board's own decision is
    # the committee's proposal: only when no other decision block stands does it count.
    decision_blocks = [(b, opening) for b, opening in headed if opening is None] or headed
    for block, opening in decision_blocks:
        decisions, notes = read_decisions(block.lines, opening=opening)
        found.extend(decisions)
        warnings.extend(at_item(notes, number))
    if decision_blocks and not found:
        warnings.append(warn("beslut_without_decision", item=number))
    if not decision_blocks:
        for block in blocks:
            if block.heading is None or block.role == _DESCRIPTION:  # not in motions or votes
                decisions, notes = read_decisions(block.lines, require_intro=True)
                found.extend(decisions)
                warnings.extend(at_item(notes, number))
        if not found and any(b.role == _PROPOSAL for b in blocks):
            warnings.append(warn("only_proposal", item=number))
    return _mark_immediate(found, blocks)


def _mark_immediate(decisions: list[Decision], blocks: list[Block]) -> list[Decision]:
    """`Paragrafen förklaras omedelbart justerad` outside the decision applies to all."""
    immediate = says_immediate(
        [
            line
            for block in blocks
            if block.role not in (_DESCRIPTION, _PROPOSAL)
            for line in block.lines
        ]
    )
    if not immediate:
        return decisions
    return [dataclasses.replace(d, immediately_adjusted=True) for d in decisions]


def _is_tabled(lines: list[str], decisions: list[Decision]) -> bool:
    """`Ärendet bordläggs` on one of the `lines`, or a decision clause that tables the matter."""
    if any(_TABLED_LINE_RE.match(line) for line in lines):
        return True
    return any(
        may_contain(fold_case(clause), _TABLED_WORDS) and TABLED_RE.search(clause)
        for d in decisions
        for clause in d.clauses
    )
