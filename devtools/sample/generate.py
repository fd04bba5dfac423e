"""Generate invented sample protocols, deterministically for a seed.

The archive is simulated in blocks of two months of one body: within a block every
committee's meetings are generated in date order, so a case proposed by an utskott comes
back in the nämnd, the styrelse and fullmäktige with the same diarienummer. § numbers run
through the year per committee. Blocks are taken round-robin over the bodies, so even a
few protocols cover several bodies and all layouts.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from minutes.parsing.meeting import MONTH_NAMES

from .cases import Case, new_case
from .meeting import ItemMaker, assemble, seat_members
from .render import render_pages, render_text
from .spec import ItemSpec, ProtocolSpec
from .world import (
    FIRST_YEAR,
    LAST_YEAR,
    TIER_ORDER,
    Body,
    Committee,
    Staff,
    build_bodies,
    build_staff,
    first_number,
    format_dnr,
    item_count,
    meeting_dates,
    period_of,
)

_BLOCK_MONTHS = (1, 3, 5, 7, 9, 11)
_MEETINGS_PER_BODY = 440  # a little under the real ~460, so the bodies always suffice


def generate_protocol_specs(count: int, seed: int) -> Iterator[ProtocolSpec]:
    """Yield `count` protocol specs; the same (count, seed) always gives the same specs."""
    if count < 0:
        raise ValueError("count must not be negative")
    bodies = build_bodies(max(6, math.ceil(count / _MEETINGS_PER_BODY)))
    staff = build_staff(seed, bodies)
    produced = 0
    for body, year, month in _block_order(seed, bodies):
        if produced >= count:
            return
        for spec in _block_specs(seed, body, staff[body.slug], year, month):
            yield spec
            produced += 1
            if produced >= count:
                return
    raise ValueError(f"cannot generate {count} protocols; only {produced} meetings exist")


def generate_protocol_texts(count: int, seed: int) -> Iterator[tuple[str, str]]:
    """Yield (file name, text) of `count` protocols, all as text, for in-memory benchmarks."""
    for spec in generate_protocol_specs(count, seed):
        yield f"{spec.file_stem}.txt", render_text(spec)


def pdf_indices(count: int, seed: int, pdf_share: float) -> frozenset[int]:
    """Which of the `count` protocols are written as PDF: exactly round(count * share)."""
    share = min(max(pdf_share, 0.0), 1.0)
    return frozenset(random.Random(f"{seed}/pdf").sample(range(count), round(count * share)))


def generate_protocols(count: int, seed: int, out_dir: Path, pdf_share: float = 0.2) -> list[Path]:
    """Write `count` invented protocols into `out_dir` (text, a share as PDF); return the paths."""
    from .pdf import write_pdf  # reportlab is only loaded when PDFs are written

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    as_pdf = pdf_indices(count, seed, pdf_share)
    paths = []
    for index, spec in enumerate(generate_protocol_specs(count, seed)):
        if index in as_pdf:
            path = out_dir / f"{spec.file_stem}.pdf"
            write_pdf(render_pages(spec), path)
        else:
            path = out_dir / f"{spec.file_stem}.txt"
            path.write_text(render_text(spec), encoding="utf-8")
        paths.append(path)
    return paths


def _block_order(seed: int, bodies: tuple[Body, ...]) -> Iterator[tuple[Body, int, int]]:
    """Two-month blocks, shuffled per body, taken round-robin over the bodies."""
    queues = []
    for body in bodies:
        blocks = [(y, m) for y in range(FIRST_YEAR, LAST_YEAR + 1) for m in _BLOCK_MONTHS]
        random.Random(f"{seed}/blocks/{body.slug}").shuffle(blocks)
        queues.append(blocks)
    for round_index in range(len(queues[0])):
        for body, blocks in zip(bodies, queues, strict=True):
            yield body, *blocks[round_index]


def organ_name(committee: Committee) -> str:
    """The committee's name as written inside a sentence: `regionstyrelsen`."""
    return committee.name[:1].lower() + committee.name[1:]


def _block_specs(
    seed: int, body: Body, staff: Staff, year: int, month: int
) -> Iterator[ProtocolSpec]:
    rng = random.Random(f"{seed}/block/{body.slug}/{year}-{month:02d}")
    meetings = sorted(
        (
            (day, committee)
            for committee in body.committees
            for day in meeting_dates(seed, body.slug, committee.key, committee.tier, year)
            if day.month in (month, month + 1)
        ),
        key=lambda m: (m[0], TIER_ORDER[m[1].tier]),
    )
    block = _Block(seed, rng, body, staff, year, month)
    for day, committee in meetings:
        yield block.meeting(day, committee)


class _Block:
    """The state of one two-month block: cases waiting per organ and dnr counters."""

    def __init__(
        self, seed: int, rng: random.Random, body: Body, staff: Staff, year: int, month: int
    ) -> None:
        self.seed = seed
        self.rng = rng
        self.body = body
        self.staff = staff
        self.year = year
        self.month = month
        self.pending: dict[str, list[Case]] = defaultdict(list)
        self.counters: dict[tuple[str, bool], int] = defaultdict(int)
        self.names = {c.key: organ_name(c) for c in body.committees}

    def new_dnr(self, series: str) -> str:
        """A fresh dnr in the body's style; some cases were registered the year before."""
        old = self.rng.random() < 0.12
        counter = self.counters[(series, old)]
        self.counters[(series, old)] += 1
        if old:
            serial, year = 2000 + (self.month - 1) * 40 + counter, self.year - 1
        else:
            serial = (self.month - 1) * 150 + 1 + counter * 3 + self.rng.randint(0, 2)
            year = self.year
        if self.body.dnr_style == "yy_series_n":
            serial = serial * 7 + self.rng.randint(0, 6)
        return format_dnr(self.body.dnr_style, series, year, serial, self.rng)

    def meeting(self, day, committee: Committee) -> ProtocolSpec:
        """Generate one meeting and move its cases on along their routes."""
        rng, body = self.rng, self.body
        period = period_of(day.year)
        roster = self.staff.rosters[(period, committee.key)]
        sitting = seat_members(rng, roster, self.staff, committee.tier)
        maker = ItemMaker(rng, body, committee, sitting, self.staff.majority[period])
        total = item_count(self.seed, body.slug, committee.key, committee.tier, day)
        number = first_number(self.seed, body.slug, committee, day)
        opens = body.layout == "kommun" and rng.random() < 0.5
        head = 3 if opens else 2
        tail = int(opens) + int(rng.random() < 0.5)
        middle = self._middle_items(maker, committee, day, number + head, total - head - tail)
        withdrawn = [i for i in middle if i.withdrawn]
        items: list[ItemSpec] = []
        if opens:
            items.append(
                maker.plain_item(
                    number, "Mötet öppnas", "Ordföranden hälsar välkommen och öppnar sammanträdet."
                )
            )
        items.append(maker.adjusters_item(number + head - 2))
        items.append(maker.agenda_item(number + head - 1, withdrawn))
        items.extend(middle)
        last = number + total - 1
        if tail - int(opens) > 0:
            items.append(maker.routine_item(last - int(opens)))
        if opens:
            items.append(
                maker.plain_item(
                    last,
                    "Mötet avslutas",
                    "Ordföranden tackar deltagarna och avslutar sammanträdet.",
                )
            )
        protocol_dnr = None
        if body.layout == "markdown":
            index = meeting_dates(
                self.seed, body.slug, committee.key, committee.tier, day.year
            ).index(day)
            protocol_dnr = format_dnr(body.dnr_style, committee.series, day.year, index + 1, rng)
        return assemble(
            rng=rng,
            body=body,
            committee=committee,
            date=day,
            sitting=sitting,
            roster=roster,
            items=items,
            protocol_dnr=protocol_dnr,
        )

    def _middle_items(
        self, maker: ItemMaker, committee: Committee, day, number: int, room: int
    ) -> list[ItemSpec]:
        rng = self.rng
        queue = self.pending.pop(committee.key, [])
        arriving, self.pending[committee.key] = queue[:room], queue[room:]
        show_officials = self.body.layout == "markdown"
        items = []
        staff = self.staff
        period = period_of(day.year)
        for offset in range(room):
            current = number + offset
            if offset < len(arriving):
                case = arriving[offset]
            elif rng.random() < 0.25:
                dnr = self.new_dnr(committee.series) if rng.random() < 0.5 else None
                items.append(maker.info_item(current, dnr))
                continue
            else:
                case = new_case(
                    rng,
                    self.body,
                    committee,
                    self.new_dnr(committee.series),
                    day,
                    staff.officials,
                    staff.politicians[period],
                )
            items.append(self._handle(maker, committee, day, current, case, show_officials))
        return items

    def _handle(
        self,
        maker: ItemMaker,
        committee: Committee,
        day,
        number: int,
        case: Case,
        show_officials: bool,
    ) -> ItemSpec:
        if self.rng.random() < 0.04:
            self.pending[committee.key].append(case)
            return maker.withdrawn_item(number, case)
        item = maker.case_item(number, case, self.names, show_officials)
        if item.tabled:
            self.pending[committee.key].append(case)
            return item
        case.history.append((committee.name, day, number))
        if case.route:
            following = case.route.pop(0)
            case.basis.append(
                f"Protokollsutdrag {organ_name(committee)} {day.isoformat()} § {number}"
            )
            spoken = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
            case.paragraphs.append(f"{committee.name} behandlade ärendet den {spoken}.")
            self.pending[following].append(case)
        return item
