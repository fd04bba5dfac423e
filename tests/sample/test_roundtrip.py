"""Generated protocols read back by the parser give what the generator put in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes.parsing import parse_file
from minutes.sample import generate_protocol_specs, render_pages, render_text
from minutes.sample.pdf import write_pdf
from minutes.sample.spec import ProtocolSpec

# Separators the layouts put after a clause; the parser may keep or drop them.
CLAUSE_END_RE = re.compile(r"(?:[\s,;.:]|\bsamt\b)+$")


def normalize_clause(clause: str) -> str:
    """A clause without trailing punctuation or `samt`, whitespace joined."""
    return CLAUSE_END_RE.sub("", " ".join(clause.split()))


@pytest.fixture(scope="module")
def specs() -> list[ProtocolSpec]:
    return list(generate_protocol_specs(60, seed=21))


def _write(spec: ProtocolSpec, folder: Path, as_pdf: bool) -> Path:
    if as_pdf:
        path = folder / f"{spec.file_stem}.pdf"
        write_pdf(render_pages(spec), path)
    else:
        path = folder / f"{spec.file_stem}.txt"
        path.write_text(render_text(spec), encoding="utf-8")
    return path


# (layout, written as PDF, how many protocols) — every layout as text and as PDF.
ROUND_TRIPS = [
    ("markdown", False, 3),  # `**§ 70 Title**`, `Diarienummer:`, `**att**`
    ("plain", False, 3),  # `§ 12 Title` + dnr line, Förslag till beslut / Beslut sentences
    ("kommun", False, 3),  # tabbed header, `§12` + title line, `att` clauses
    ("markdown", True, 1),  # markup gone, bold font instead
    ("plain", True, 1),
    ("kommun", True, 1),
]


@pytest.mark.parametrize(("layout", "as_pdf", "count"), ROUND_TRIPS)
def test_parser_reads_back_what_was_generated(
    specs: list[ProtocolSpec], tmp_path: Path, layout: str, as_pdf: bool, count: int
) -> None:
    chosen = [s for s in specs if s.layout == layout][:count]
    assert len(chosen) == count
    for spec in chosen:
        parsed = parse_file(_write(spec, tmp_path, as_pdf))
        assert parsed.date == spec.date, spec.file_stem
        assert [i.number for i in parsed.items] == [i.number for i in spec.items], spec.file_stem
        for want, got in zip(spec.items, parsed.items, strict=True):
            where = f"{spec.file_stem} § {want.number}"
            assert list(got.dnr) == list(want.dnr), where
            assert got.withdrawn == want.withdrawn, where
            clauses = [normalize_clause(c) for d in got.decisions for c in d.clauses]
            expected = [normalize_clause(c) for c in want.decision.clauses] if want.decision else []
            assert clauses == expected, where
            if want.decision:
                adjusted = any(d.immediately_adjusted for d in got.decisions)
                assert adjusted == want.decision.immediately_adjusted, where


# (clause as printed, normalized) — the separators the layouts add between clauses.
NORMALIZE_ROWS = [
    ("fastställa riktlinjen; samt", "fastställa riktlinjen"),  # markdown variant 0
    ("fastställa riktlinjen, samt", "fastställa riktlinjen"),  # comma variant
    ("anta taxan.", "anta taxan"),  # last clause
    ("Motionen  anses\nbesvarad.", "Motionen anses besvarad"),  # wrapped sentence
    ("tilldela samtliga avtal", "tilldela samtliga avtal"),  # `samt` inside a word stays
]


@pytest.mark.parametrize(("printed", "expected"), NORMALIZE_ROWS)
def test_normalize_clause(printed: str, expected: str) -> None:
    assert normalize_clause(printed) == expected
