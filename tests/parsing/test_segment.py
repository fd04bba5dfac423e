"""Segmentation: § markers, agendas, references, page breaks, header and tail."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes.parsing.clean import clean_text, normalize
from minutes.parsing.meeting import find_meeting_date
from minutes.parsing.segment import (
    Segments,
    _Candidate,
    _heaviest_increasing,
    marker_number,
    segment_text,
)
from tests.seeds import seed_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"

MARKER_ROWS = [
    ("§ 70 Val av justerare", 70),  # the common heading
    ("§70", 70),  # number alone, title on the next line
    (" § 201 Justering", 201),  # leading space from PDF copy
    ("§ 12. Budget", 12),  # dot after the number
    ("Paragraf 12 Budget", 12),  # spelled out
    ("§ 45                         Dnr KS 2024/12", 45),  # layout: dnr in a column
    ("§ 5 2024 års budget", 5),  # title starting with a year
    ("§ 18–25", None),  # a range of §§ (justerare's note)
    ("§ 13 i kommunallagen gäller", None),  # a law reference at a line start
    ("- §70 Mötet öppnas", None),  # agenda bullet
    ("enligt § 26", None),  # reference inside text
    ("§§ 70-76", None),  # note on an attendee
]


@pytest.mark.parametrize(("line", "expected"), MARKER_ROWS)
def test_marker_number(line: str, expected: int | None) -> None:
    assert marker_number(line) == expected


SEGMENT_ROWS = [
    # an agenda with bullets before the items
    (
        "ÄRENDELISTA\n- §1 Öppnande\n- §2 Val\n\n§1\nÖppnande\nText.\n§2\nVal\nText.",
        [1, 2],
    ),
    # an agenda without bullets: consecutive § lines are a list
    (
        "Dagordning\n§ 1 Öppnande\n§ 2 Val\n§ 3 Slut\n\n"
        "§ 1 Öppnande\nA.\n§ 2 Val\nB.\n§ 3 Slut\nC.",
        [1, 2, 3],
    ),
    # a number going backwards is a reference, not an item
    ("§ 10 A\nText.\n§ 4 Kommunallagen säger något.\n§ 11 B\nText.", [10, 11]),
    # a repeated number is not a new item
    ("§ 10 A\nText.\n§ 10 A forts.\nMer text.\n§ 11 B\nText.", [10, 11]),
    # references inside sentences are not markers
    ("§ 7 A\nPia Lundin deltar ej i § 8.\nEnligt § 9 ska...\n§ 8 B\nText.", [7, 8]),
    # `Paragraf N` headings
    ("Paragraf 3 Öppnande\nText.\nParagraf 4 Val\nText.", [3, 4]),
    # no markers at all
    ("Bara text utan paragrafer.", []),
]


@pytest.mark.parametrize(("text", "expected"), SEGMENT_ROWS)
def test_segment_numbers(text: str, expected: list[int]) -> None:
    assert [item.number for item in segment_text(text).items] == expected


def test_items_run_from_marker_to_next_marker_and_tail_is_split_off() -> None:
    text = (
        "Närvarande\nEva Ek (S)\n§ 1 A\nText a.\n§ 2 B\nText b.\n"
        "Justeras\nEva Ek\nVid protokollet\nOla Ek"
    )
    parts = segment_text(text)
    assert parts.header == "Närvarande\nEva Ek (S)"
    assert [item.text for item in parts.items] == ["§ 1 A\nText a.", "§ 2 B\nText b."]
    assert parts.tail == "Justeras\nEva Ek\nVid protokollet\nOla Ek"


def _segments(prefix: str) -> Segments:
    text = seed_text(prefix)
    cleaned = clean_text(text, meeting_date=find_meeting_date(normalize(text)))
    return segment_text(cleaned.text)


SEED_NUMBERS = [
    ("000", list(range(68, 72))),
    ("001", list(range(207, 223))),
    ("002", list(range(18, 33))),
    ("003", list(range(201, 227))),
    ("004", list(range(70, 79))),
]


@pytest.mark.parametrize(("prefix", "numbers"), SEED_NUMBERS)
def test_seed_item_numbers(prefix: str, numbers: list[int]) -> None:
    assert [item.number for item in _segments(prefix).items] == numbers


# Page furniture that must never reach an item's text.
FURNITURE_RE = re.compile(
    r"Justerandens sign|Ordförandens sign|bestyrk|Sida \d+ ?\(|Sida \d+ av|Comfact"
    r"|Referensnummer|Sammanträdesdatum|^\d+ \(\d+\)$|^Datum$|^Dnr$|^Protokoll$",
    re.M | re.I,
)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_items_hold_no_page_furniture(prefix: str) -> None:
    for item in _segments(prefix).items:
        assert not FURNITURE_RE.search(item.text), (item.number, FURNITURE_RE.search(item.text))


def test_seed_items_start_with_their_marker_and_tail_holds_signatures() -> None:
    parts = _segments("000")
    assert all(item.text.startswith(f"§ {item.number}") for item in parts.items)
    assert parts.tail.startswith("Justeras")
    assert "Vid protokollet" in parts.tail
    assert "Vid protokollet" not in parts.items[-1].text


def test_seed_agenda_is_not_read_as_items() -> None:
    parts = _segments("004")
    assert "ÄRENDELISTA" in parts.header
    assert parts.items[0].text.startswith("§70\n\nMötet öppnas")


def test_seed_item_split_by_a_page_header_reads_as_one() -> None:
    item = {i.number: i for i in _segments("004").items}[77]
    assert "uppdras att genomföra en översyn av struktur för\n\nSamverkan mellan" in item.text
    item = {i.number: i for i in _segments("003").items}[203]
    assert "Informationer" in item.text and "Internkontroll" in item.text


def test_seed_without_header_starts_with_items() -> None:
    parts = _segments("003")
    assert parts.header == ""
    assert parts.items[0].text.startswith("§ 201 Fastställande av föredragningslista")


def test_layout_fixture_segments_across_page_breaks() -> None:
    text = (FIXTURES / "ks_layout.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text, meeting_date=dt.date(2024, 3, 12))
    parts = segment_text(cleaned.text)
    assert [item.number for item in parts.items] == [31, 32, 33, 34, 35, 36]
    items = {item.number: item.text for item in parts.items}
    assert items[33].split("\n")[:2] == ["§ 33 Motion om gatubelysning i Storby", "Dnr KS 2023/301"]
    assert "Redovisning av delegationsbeslut" in items[34]
    assert "att lägga redovisningen till handlingarna." in items[34]
    assert "Enligt § 5 i reglementet" in items[32]
    assert all("SAMMANTRÄDESPROTOKOLL" not in text for text in items.values())


def _heaviest_by_double_loop(candidates):
    """The plain n² reading of the heaviest strictly increasing subsequence."""
    best = [c.weight for c in candidates]
    previous = [None] * len(candidates)
    for i, current in enumerate(candidates):
        for j in range(i):
            if candidates[j].number < current.number and best[j] + current.weight > best[i]:
                best[i] = best[j] + current.weight
                previous[i] = j
    cursor = max(range(len(candidates)), key=lambda i: (best[i], i))
    chosen = []
    while cursor is not None:
        chosen.append(candidates[cursor])
        cursor = previous[cursor]
    return list(reversed(chosen))


@given(
    st.lists(
        st.tuples(st.integers(1, 40), st.sampled_from([1.0, 0.1, 0.01])), min_size=1, max_size=60
    )
)
def test_heaviest_increasing_chooses_as_the_double_loop(rows) -> None:
    candidates = [_Candidate(line, number, weight) for line, (number, weight) in enumerate(rows)]
    assert _heaviest_increasing(candidates) == _heaviest_by_double_loop(candidates)
