"""Render a ProtocolSpec as the text of a protocol in one of three layouts, with pages.

A layout turns the spec into blocks (paragraphs); `paginate` cuts the blocks into pages and,
where the spec asks for it, adds the page furniture real files carry (page headers,
`Justerandens sign` footers, `Sida 3(9)`).
"""

from __future__ import annotations

import datetime as dt
import textwrap
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from .spec import DecisionSpec, ItemSpec, ProtocolSpec, ReservationSpec

LINES_PER_PAGE = 48
CHARS_PER_LINE = 88


@dataclass(frozen=True, slots=True)
class Furniture:
    """A layout's page furniture: the header of page n and the footer under it."""

    header: Callable[[ProtocolSpec, int, int], list[str]]
    footer: Callable[[ProtocolSpec, int, int], list[str]]


def render_pages(spec: ProtocolSpec) -> list[str]:
    """The protocol as a list of page texts."""
    from .layouts import LAYOUTS  # layouts import the helpers below

    blocks, furniture = LAYOUTS[spec.layout](spec)
    return paginate(spec, blocks, furniture)


def render_text(spec: ProtocolSpec) -> str:
    """The protocol as one text, as text extraction from its PDF would give it."""
    return "\n\n".join(render_pages(spec)).rstrip() + "\n"


def block_lines(block: str) -> int:
    """How many printed lines a block takes, with its blank line."""
    return 1 + sum(1 + len(line) // CHARS_PER_LINE for line in block.split("\n"))


def paginate(spec: ProtocolSpec, blocks: list[str], furniture: Furniture) -> list[str]:
    """Cut blocks into pages between paragraphs, then add headers and footers."""
    pages: list[list[str]] = [[]]
    used = 8  # room taken by the first page's header
    for index, block in enumerate(blocks):
        size = block_lines(block)
        if _is_heading(block) and index + 1 < len(blocks):
            size += block_lines(blocks[index + 1])  # keep a heading with what follows
        if used + size > LINES_PER_PAGE and pages[-1]:
            pages.append([])
            used = 4
        pages[-1].append(block)
        used += block_lines(block)
    total = len(pages)
    texts = []
    for number, page in enumerate(pages, start=1):
        parts = furniture.header(spec, number, total) + page + furniture.footer(spec, number, total)
        texts.append("\n\n".join(p for p in parts if p))
    return texts


def _is_heading(block: str) -> bool:
    return "\n" not in block and len(block) < 40 and not block.endswith(".")


def iso(day: dt.date | None) -> str:
    """A date as printed: 2023-04-12."""
    return day.isoformat() if day else ""


def clock(spec: ProtocolSpec, sep: str = "-") -> str:
    """`09.00-12.00`."""
    return f"{spec.start_time:%H.%M}{sep}{spec.end_time:%H.%M}"


def reference_number(spec: ProtocolSpec) -> str:
    """A signing-service reference derived from the file name, stable across runs."""
    return f"{zlib.crc32(spec.file_stem.encode()) % 900000 + 100000}SE"


def cap(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def punctuate(clauses: tuple[str, ...], variant: int) -> list[str]:
    """Clauses with the separators protocols put between them (`,`, `;`, `samt`) and `.`."""
    out = []
    for index, clause in enumerate(clauses):
        if index == len(clauses) - 1:
            out.append(clause + ".")
        elif index == len(clauses) - 2 and variant % 2 == 0:
            out.append(clause + ("; samt" if variant == 0 else ", samt"))
        else:
            out.append(clause + (";" if variant == 0 else ","))
    return out


def sentences(clauses: tuple[str, ...]) -> list[str]:
    """Clauses as full sentences for layouts without `att`."""
    return [cap(c) + "." for c in clauses]


def chain_line(decision: DecisionSpec, style: str) -> str:
    """The line before the clauses: `X föreslår att Y beslutar föreslå att Z beslutar`."""
    if decision.kind != "föreslår":
        return f"{decision.decided_by} beslutar"
    if style == "kommun":
        line = f"{decision.decided_by} föreslår {decision.proposed_to[0]}"
        for organ in decision.proposed_to[1:]:
            line += f" att föreslå {organ}"
        return line + " besluta"
    line = f"{decision.decided_by} föreslår att {decision.proposed_to[0]} beslutar"
    for organ in decision.proposed_to[1:]:
        line += f" föreslå att {organ} beslutar"
    return line


def plain_chain(decision: DecisionSpec) -> list[str]:
    """The plain layout writes one line per step of a proposal chain."""
    if decision.kind != "föreslår":
        return []
    organs = [decision.decided_by, *decision.proposed_to]
    return [f"{cap(a)} föreslår att {b} beslutar" for a, b in pairwise(organs)]


def reservation_text(reservations: tuple[ReservationSpec, ...]) -> str:
    """One sentence for all who reserved themselves with the same reason."""
    names = [f"{r.name} ({r.party})" for r in reservations]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
    return f"{joined} reserverar sig mot beslutet {reservations[0].reason}."


def yrkande_lines(item: ItemSpec) -> list[str]:
    """`Anna Berg (V) yrkar avslag på förslaget.` per yrkande."""
    lines = []
    for yrkande in item.yrkanden:
        names = [f"{p.name} ({p.party})" for p in yrkande.persons]
        joined = names[0] if len(names) == 1 else " och ".join(names)
        lines.append(f"{joined} yrkar {yrkande.text}.")
    return lines


def wrap(text: str, width: int = 84) -> str:
    """Hard-wrap a paragraph as PDF extraction does, never starting a line with `§` or `att`."""
    lines: list[str] = []
    for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False):
        if lines and (line.startswith(("§", "att ")) or line[:1].isdigit()):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)
