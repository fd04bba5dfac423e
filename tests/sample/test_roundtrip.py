"""Generated protocols read back by the parser give what the generator put in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sample.roundtrip import FIELDS, FURNITURE_RE, accuracy, normalize_clause, run

# 150 protocols of all three layouts and their variants, a quarter written as PDF.
ROUND_TRIP_COUNT = 150
ROUND_TRIP_SEED = 5
ROUND_TRIP_PDF_SHARE = 0.25


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, bool, str]]:
    folder = tmp_path_factory.mktemp("roundtrip")
    return run(ROUND_TRIP_COUNT, ROUND_TRIP_SEED, ROUND_TRIP_PDF_SHARE, folder)


def test_every_layout_and_pdf_are_in_the_sample(rows: list[tuple[str, str, bool, str]]) -> None:
    wheres = {where for where, name, _, _ in rows if name == "title"}
    for layout in ("markdown", "plain", "kommun"):
        for suffix in ("txt", "pdf"):
            assert any(f"({layout}/" in w and w.endswith(f"[{suffix}]") for w in wheres)


@pytest.mark.parametrize("field", FIELDS)
def test_every_protocol_reads_back_field(
    rows: list[tuple[str, str, bool, str]], field: str
) -> None:
    wrong = [f"{where}: {detail}" for where, name, ok, detail in rows if name == field and not ok]
    right, total = accuracy(rows)[field]
    assert total > 0
    assert not wrong, f"{field}: {right}/{total} right; first misreadings:\n" + "\n".join(wrong[:5])


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


# (text, is furniture) — the check itself must see what each layout prints on every page.
FURNITURE_ROWS = [
    ("Justerandens sign  Utdragsbestyrkande", True),  # kommun and markdown footers
    ("Ekby kommun Miljönämnden Sammanträdesdatum 2022-05-12", True),  # kommun page header
    ("fastställa planen. Sida 3(8)", True),  # page number glued onto a clause
    ("Signeringstjänst Referensnummer: 123456SE", True),  # plain layout footer
    ("utse Anna Berg att justera protokollet", False),  # a clause
    ("Investeringen om 4 (fyra) miljoner kronor", False),  # a number in brackets in text
]


@pytest.mark.parametrize(("text", "furniture"), FURNITURE_ROWS)
def test_furniture_check(text: str, furniture: bool) -> None:
    assert bool(FURNITURE_RE.search(text)) == furniture


def test_an_all_pdf_run_reads_back(tmp_path: Path) -> None:
    rows = run(3, ROUND_TRIP_SEED, 1.0, tmp_path)
    assert {name for _, name, _, _ in rows} >= {"numbers", "clauses"}
    assert all(ok for _, _, ok, _ in rows)
