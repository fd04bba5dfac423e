"""The sample-protocol generator: determinism, realism, layouts, PDF, and parser round trip."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pypdfium2
import pytest

from devtools.sample import (
    generate_protocol_specs,
    generate_protocol_texts,
    generate_protocols,
    render_text,
)
from devtools.sample.spec import ProtocolSpec

FILE_NAME_RE = re.compile(r"^[a-z0-9-]+_[a-z0-9-]+_\d{4}-\d{2}-\d{2}\.(txt|pdf)$")


@pytest.fixture(scope="module")
def specs() -> list[ProtocolSpec]:
    """A mid-sized archive: enough blocks for every body and for cases to travel."""
    return list(generate_protocol_specs(300, seed=11))


def _tree_bytes(paths: list[Path]) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in paths}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    first = generate_protocols(16, 5, tmp_path / "a", pdf_share=0.25)
    second = generate_protocols(16, 5, tmp_path / "b", pdf_share=0.25)
    assert _tree_bytes(first) == _tree_bytes(second)
    assert any(p.suffix == ".pdf" for p in first)  # PDFs are compared too


def test_different_seed_gives_different_protocols() -> None:
    one = dict(generate_protocol_texts(10, 1))
    two = dict(generate_protocol_texts(10, 2))
    assert set(one.values()).isdisjoint(two.values())


def test_count_names_and_pdf_share(tmp_path: Path) -> None:
    paths = generate_protocols(30, 3, tmp_path, pdf_share=0.2)
    assert len(paths) == 30
    assert len({p.name for p in paths}) == 30
    assert all(FILE_NAME_RE.match(p.name) and p.is_file() for p in paths)
    assert sum(p.suffix == ".pdf" for p in paths) == 6
    assert sorted(tmp_path.iterdir()) == sorted(paths)


def test_texts_match_written_text_files(tmp_path: Path) -> None:
    paths = generate_protocols(8, 9, tmp_path, pdf_share=0.0)
    texts = dict(generate_protocol_texts(8, 9))
    assert {p.name: p.read_text(encoding="utf-8") for p in paths} == texts


def test_pdf_is_readable_with_swedish_letters(tmp_path: Path) -> None:
    paths = generate_protocols(6, 4, tmp_path, pdf_share=1.0)
    spec = next(iter(generate_protocol_specs(6, 4)))
    document = pypdfium2.PdfDocument(paths[0])
    text = "".join(page.get_textpage().get_text_range() for page in document)
    assert len(document) >= 1
    assert spec.committee in text  # committee names carry å/ä/ö
    assert spec.items[-1].title.split()[0] in text


def test_zero_protocols_and_negative_count(tmp_path: Path) -> None:
    assert generate_protocols(0, 1, tmp_path) == []
    with pytest.raises(ValueError):
        list(generate_protocol_specs(-1, 1))


def test_all_layouts_bodies_and_years_are_covered(specs: list[ProtocolSpec]) -> None:
    assert {s.layout for s in specs[:40]} == {"markdown", "plain", "kommun"}
    assert len({s.body for s in specs}) >= 6
    assert len({s.date.year for s in specs}) >= 4
    assert all(5 <= len(s.items) <= 25 for s in specs)


# (layout, a line every protocol of that layout has) — one row per layout kind.
LAYOUT_MARKERS = [
    ("markdown", re.compile(r"^(?:\*\*|### )?§ \d+ \S", re.M)),  # `**§ 70 Title**`
    ("markdown", re.compile(r"^(?:\*\*|### )?Tid: \d{4}-\d\d-\d\d kl \d\d\.\d\d-\d\d\.\d\d", re.M)),
    ("plain", re.compile(r"^§ \d+ .+\n(?:.+\n)?[A-ZÅÄÖ]+[ -]\S*\d$", re.M)),  # dnr next line
    ("plain", re.compile(r"^Beslut\n\n[A-ZÅÄÖ].+\.$", re.M)),  # decision as sentences
    ("kommun", re.compile(r"^Plats och tid\t.+\nBeslutande ledamöter\t", re.M)),
    ("kommun", re.compile(r"^§\d+\n\n\S", re.M)),  # `§12` then the title
]


@pytest.mark.parametrize(("layout", "marker"), LAYOUT_MARKERS)
def test_layout_markers(specs: list[ProtocolSpec], layout: str, marker: re.Pattern[str]) -> None:
    chosen = [s for s in specs if s.layout == layout][:15]
    assert chosen
    for spec in chosen:
        assert marker.search(render_text(spec)), spec.file_stem


def test_paragraph_numbers_run_through_the_year(specs: list[ProtocolSpec]) -> None:
    numbers: dict[tuple[str, str, int], list[tuple]] = defaultdict(list)
    for spec in specs:
        got = [i.number for i in spec.items]
        assert got == list(range(got[0], got[0] + len(got))), spec.file_stem
        numbers[(spec.body, spec.committee, spec.date.year)].append((spec.date, got[0], got[-1]))
    for meetings in numbers.values():
        meetings.sort()
        for (_, _, last), (_, first, _) in pairwise(meetings):
            assert first > last


def test_dnr_recur_across_committees_of_a_body(specs: list[ProtocolSpec]) -> None:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for spec in specs:
        for item in spec.items:
            for dnr in item.dnr:
                seen[(spec.body, dnr)].add(spec.committee)
    travelling = {body for (body, _), committees in seen.items() if len(committees) >= 2}
    assert travelling == {s.body for s in specs}
    assert any(len(committees) >= 3 for committees in seen.values())


def test_proposals_reach_the_organ_they_are_proposed_to(specs: list[ProtocolSpec]) -> None:
    later: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for spec in specs:
        for item in spec.items:
            for dnr in item.dnr:
                later[(spec.body, dnr)].append((spec.date, spec.committee.lower()))
    checked = 0
    for spec in specs:
        for item in spec.items:
            decision = item.decision
            if decision is None or decision.kind != "föreslår" or not item.dnr:
                continue
            hops = later[(spec.body, item.dnr[0])]
            if any(date > spec.date for date, _ in hops):
                checked += 1
                assert any(c == decision.proposed_to[0] for d, c in hops if d > spec.date)
    assert checked > 20


def test_items_carry_the_parts_of_a_real_paragraph(specs: list[ProtocolSpec]) -> None:
    items = [i for s in specs for i in s.items]
    cases = [i for i in items if i.dnr and not i.withdrawn and i.basis]
    assert all(1 <= len(i.decision.clauses) <= 4 for i in items if i.decision)
    assert all(i.sections and i.sections[0].paragraphs for i in cases)
    assert {d.kind for i in items if (d := i.decision)} >= {"beslutar", "föreslår"}
    assert any(i.withdrawn for i in items)
    assert any(i.votes for i in items) and any(i.reservations for i in items)
    assert any(i.notes for i in items) and any(i.yrkanden for i in items)
    assert any(len(i.decision.proposed_to) >= 2 for i in items if i.decision)
    for attendee in (a for s in specs for a in s.attendees):
        assert (attendee.role == "tjänstgörande ersättare") == bool(attendee.substitute_for)


def test_about_a_thousand_people_in_a_thousand_protocols() -> None:
    people = {a.name for s in generate_protocol_specs(1000, 7) for a in s.attendees}
    assert 800 <= len(people) <= 2000
