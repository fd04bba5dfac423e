"""The reading of real published protocols against hand-checked golds (tests/parsing/golds).

The golds are careful human readings of every file of `../shared/corpus` (Alingsås PDFs
from Formpipe Meetings Plus, Lomma pdftotext texts from Netpublicator), written from the
protocols without looking at the parser's output; `_notes` in them say where a judgement
was made. What a reader checks is asserted exactly: the meeting, which §§ there are, every
§'s dnr, every vote's counts, who attended. Clauses, yrkanden, reservations and notes are
held to the shared scorer's measure per folder. A missing corpus fails, never skips.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

from minutes.parsing import ParsedProtocol, parse_file, protocol_to_dict

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus"
GOLDS = Path(__file__).resolve().parent / "golds"
FOLDERS = ("alingsas", "lomma")
# The bar for golds of real protocols; every single metric at least MIN_METRIC.
MIN_OVERALL = 0.95
MIN_METRIC = 0.90


def _golds(folder: str) -> dict[str, dict]:
    return json.loads((GOLDS / f"{folder}.json").read_text(encoding="utf-8"))


CASES = [(folder, name) for folder in FOLDERS for name in sorted(_golds(folder))]


@cache
def _reading(folder: str, name: str) -> dict:
    path = CORPUS / folder / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: check out ../shared beside the project")
    parsed: ParsedProtocol = parse_file(path)
    return protocol_to_dict(parsed)


def _dnr_key(value: str) -> str:
    return re.sub(r"[^0-9a-zåäö]", "", value.lower())


def _by_number(reading: dict) -> dict[int, dict]:
    return {item["number"]: item for item in reading["items"]}


def test_golds_cover_at_least_ten_corpus_files_of_both_folders() -> None:
    assert len(CASES) >= 10
    assert {folder for folder, _ in CASES} == set(FOLDERS)
    assert any(name.endswith(".pdf") for _, name in CASES)
    assert any(name.endswith(".txt") for _, name in CASES)


@pytest.mark.parametrize(("folder", "name"), CASES)
def test_meeting_is_read(folder: str, name: str) -> None:
    gold, got = _golds(folder)[name], _reading(folder, name)
    for field in ("body", "committee", "date", "start_time", "end_time"):
        assert (got[field] or "").lower() == (gold[field] or "").lower(), field
    assert got["secretary"] == gold["secretary"]
    assert got["adjusters"][: len(gold["adjusters"])] == gold["adjusters"]


@pytest.mark.parametrize(("folder", "name"), CASES)
def test_every_item_and_no_agenda_line_is_read(folder: str, name: str) -> None:
    gold, got = _golds(folder)[name], _reading(folder, name)
    assert sorted(_by_number(got)) == sorted(int(n) for n in gold["items"])


@pytest.mark.parametrize(("folder", "name"), CASES)
def test_every_dnr_and_vote_is_read(folder: str, name: str) -> None:
    gold, got = _golds(folder)[name], _by_number(_reading(folder, name))
    for number, expected in gold["items"].items():
        item = got[int(number)]
        assert sorted(map(_dnr_key, item["dnr"])) == sorted(map(_dnr_key, expected["dnr"]))
        counts = [(v["yes"], v["no"], v["abstain"] or 0) for v in item["votes"]]
        assert counts == [(v["yes"], v["no"], v["abstain"]) for v in expected["votes"]], number


@pytest.mark.parametrize(("folder", "name"), CASES)
def test_attendance_is_read(folder: str, name: str) -> None:
    gold, got = _golds(folder)[name], _reading(folder, name)
    expected = {(n, _party(p)) for n, p, _ in gold["attendees"]}
    read = {(a["name"], _party(a["party"])) for a in got["attendees"]}
    # nine in ten of the listed persons read with their party, and no more than one in ten
    # read who is not listed (a roster cut by a page footer loses a few names)
    assert len(expected & read) >= 0.9 * len(expected), sorted(expected - read)
    assert len(read - expected) <= 0.1 * len(read), sorted(read - expected)


def _party(code: str | None) -> str:
    """`(-)` is no party (the golds' convention), case as in `(c)` ignored."""
    return "" if code in (None, "-") else code.upper()


def test_proposals_to_the_council_are_proposals() -> None:
    """`Förslag till beslut i kommunfullmäktige` under Beslut (Alingsås KS § 99)."""
    item = _by_number(_reading("alingsas", "ks-2026-06-01.pdf"))[99]
    assert [(d["kind"], d["proposed_to"], d["clauses"]) for d in item["decisions"]] == [
        ("föreslår", ["Kommunfullmäktige"], ["Motionen avslås i sin helhet."])
    ]
    assert [p["name"] for y in item["yrkanden"] for p in y["persons"]] == ["Heidi Hankanen Ängberg"]
    assert {p["name"] for n in item["notes"] for p in n["persons"]} >= {
        "Jan-Erik Wallin",
        "Anton César",
    }


def test_substitute_serves_in_place_of_the_member() -> None:
    """`Ibadete Olluri (V) ersätter Börje Olsson (V)` (Alingsås BUN)."""
    reading = _reading("alingsas", "bun-2026-05-26.pdf")
    olluri = next(a for a in reading["attendees"] if a["name"] == "Ibadete Olluri")
    assert (olluri["role"], olluri["substitute_for"]) == ("tjänstgörande ersättare", "Börje Olsson")
    assert "Börje Olsson" not in {a["name"] for a in reading["attendees"]}


def test_a_continued_heading_atop_a_page_is_no_text_of_its_item() -> None:
    """`BUN § 62 (fort.) BUN/2023:200` heads the next page of § 62 (Lomma BUN): furniture,
    in neither the § text nor any of its sections."""
    items = _by_number(_reading("lomma", "bun-2023-10-10.txt"))
    for number in (62, 67, 72):
        item = items[number]
        texts = [item["text"], *(section["text"] for section in item["sections"])]
        assert not any("(fort.)" in text for text in texts), number


def test_tally_with_abstentions_and_bullet_decision() -> None:
    """`Ja 7, Nej 2, Avstår 2` and `- Barn- och utbildningsnämnden beslutar …` (Lomma BUN)."""
    item = _by_number(_reading("lomma", "bun-2023-10-10.txt"))[72]
    assert [(v["yes"], v["no"], v["abstain"]) for v in item["votes"]] == [(7, 4, 0), (7, 2, 2)]


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_reading", SHARED / "tools" / "score_reading.py"
    )
    if spec is None or spec.loader is None:
        pytest.fail("../shared/tools/score_reading.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORED = [
    *((GOLDS / f"{folder}.json", CORPUS / folder, MIN_OVERALL, MIN_METRIC) for folder in FOLDERS),
    (SHARED / "tools" / "gold-seeds.json", SHARED / "seeds", 1.0, 1.0),  # the seeds stay whole
]


@pytest.mark.parametrize(("gold", "folder", "overall", "metric"), SCORED)
def test_shared_scorer_rates_the_folder(
    gold: Path, folder: Path, overall: float, metric: float, monkeypatch, capsys
) -> None:
    """The shared scorer over every gold of the folder: overall and each metric."""
    scorer = _scorer()
    monkeypatch.setattr("sys.argv", ["score_reading.py", str(gold), str(folder)])
    scorer.MIN_OVERALL, scorer.MIN_METRIC = overall, metric
    with pytest.raises(SystemExit) as finished:
        scorer.main()
    report = capsys.readouterr().out
    assert finished.value.code == 0, report
    assert "crashes 0" in report


def test_a_signature_without_party_takes_the_attendance_lists() -> None:
    """A protokollsanteckning signed `Ingrid Ascard` (Lomma KS § 10, Bilaga B): MP, as the
    attendance list says."""
    item = _by_number(_reading("lomma", "ks-2026-02-25.txt"))[10]
    signed = {(p["name"], p["party"]) for note in item["notes"] for p in note["persons"]}
    assert ("Ingrid Ascard", "MP") in signed


def _overall(gold: Path, folder: Path, monkeypatch, capsys) -> float:
    scorer = _scorer()
    monkeypatch.setattr("sys.argv", ["score_reading.py", str(gold), str(folder)])
    with pytest.raises(SystemExit):
        scorer.main()
    report = capsys.readouterr().out
    return float(re.search(r"^overall (\d\.\d+)", report, re.M).group(1))


def test_a_pdf_and_its_pdftotext_text_read_alike(tmp_path: Path, monkeypatch, capsys) -> None:
    """The Alingsås PDFs and `pdftotext -layout` of the same files score within 0.02."""
    for name in _golds("alingsas"):
        pdf = CORPUS / "alingsas" / name
        if not pdf.is_file():
            pytest.fail(f"{pdf} is missing: check out ../shared beside the project")
        # the text keeps the PDF's name: the parser tells a file's kind by its content
        subprocess.run(["pdftotext", "-layout", str(pdf), str(tmp_path / name)], check=True)
    gold = GOLDS / "alingsas.json"
    from_pdf = _overall(gold, CORPUS / "alingsas", monkeypatch, capsys)
    from_text = _overall(gold, tmp_path, monkeypatch, capsys)
    assert from_text >= MIN_OVERALL
    assert abs(from_pdf - from_text) <= 0.02, (from_pdf, from_text)
