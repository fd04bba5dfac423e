"""`manage.py parse_protocol` prints the protocol JSON of DESIGN.md and touches no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.parsing.test_quality import PROTOCOL, WITHOUT_DATE
from tests.seeds import seed_path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "protocols"

MEETING_FIELDS = {
    "body": (str, type(None)),
    "committee": (str, type(None)),
    "date": (str, type(None)),
    "start_time": (str, type(None)),
    "end_time": (str, type(None)),
    "place": (str, type(None)),
    "protocol_dnr": (str, type(None)),
    "attendees": list,
    "adjusters": list,
    "secretary": (str, type(None)),
    "adjusted_on": (str, type(None)),
    "notice_posted_on": (str, type(None)),
    "notice_removed_on": (str, type(None)),
    "items": list,
    "warnings": list,
    "quality": dict,
}
QUALITY_FIELDS = {
    "date": bool,
    "organ": bool,
    "chair": bool,
    "secretary": bool,
    "attendance": bool,
    "section_marks_in_text": int,
    "items": int,
    "items_with_decision": int,
    "mentions": dict,
    "read": dict,
    "gaps": list,
}
ITEM_FIELDS = {
    "number": int,
    "title": str,
    "dnr": list,
    "responsible": list,
    "handlers": list,
    "withdrawn": bool,
    "sections": list,
    "decisions": list,
    "yrkanden": list,
    "reservations": list,
    "votes": list,
    "notes": list,
}
DECISION_FIELDS = {
    "decided_by": (str, type(None)),
    "kind": str,
    "proposed_to": list,
    "immediately_adjusted": bool,
    "clauses": list,
}


def run_command(*args: str, pgdata: Path) -> subprocess.CompletedProcess:
    # No DATABASE_URL and an embedded data directory that does not exist: if the command
    # touched a database, the directory would appear.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["EMBEDDED_PGDATA"] = str(pgdata)
    return subprocess.run(
        [sys.executable, "manage.py", "parse_protocol", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_fields(record: dict, fields: dict, where: str) -> None:
    for name, kind in fields.items():
        assert name in record, f"{where}: missing {name}"
        assert isinstance(record[name], kind), f"{where}: {name}={record[name]!r}"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_each_seed_prints_contract_json_without_a_database(prefix, tmp_path):
    pgdata = tmp_path / "pgdata"
    result = run_command(str(seed_path(prefix)), pgdata=pgdata)
    assert result.returncode == 0, result.stderr
    assert not pgdata.exists(), "parse_protocol started a database"
    data = json.loads(result.stdout)
    assert data["format_version"] == 2
    assert data["source"]["sha256"] and len(data["source"]["sha256"]) == 64
    assert_fields(data, MEETING_FIELDS, prefix)
    assert_fields(data["quality"], QUALITY_FIELDS, f"{prefix} quality")
    assert data["quality"]["items"] == len(data["items"])
    for gap in data["quality"]["gaps"]:
        assert set(gap) == {"code", "params"} and isinstance(gap["params"], dict)
    assert len(data["date"]) == 10 and data["date"][4] == "-"
    assert data["items"], "every seed has items"
    for item in data["items"]:
        assert_fields(item, ITEM_FIELDS, f"{prefix} § {item['number']}")
        for decision in item["decisions"]:
            assert_fields(decision, DECISION_FIELDS, f"{prefix} § {item['number']}")
            assert all(isinstance(clause, str) and clause for clause in decision["clauses"])
        for reservation in item["reservations"]:
            assert {"name", "party", "reason"} <= reservation.keys()
    for attendee in data["attendees"]:
        assert {
            "name",
            "party",
            "role",
            "substitute_for",
            "municipality",
            "note",
        } <= attendee.keys()


def test_unreadable_file_exits_2_with_a_message_not_a_traceback(tmp_path):
    garbage = tmp_path / "skräp.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    result = run_command(str(garbage), pgdata=tmp_path / "pgdata")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "skräp.pdf" in result.stderr and "PDF" in result.stderr


def test_check_mode_prints_one_line_per_file(tmp_path):
    folder = tmp_path / "mapp"
    (folder / "under").mkdir(parents=True)
    (folder / "kf.txt").write_bytes((FIXTURES / "kf_tallmo_2025-06-16.txt").read_bytes())
    (folder / "under" / "ks.txt").write_bytes((FIXTURES / "ks_layout.txt").read_bytes())
    (folder / "tom.txt").write_bytes(b"")
    result = run_command("--check", str(folder), pgdata=tmp_path / "pgdata")
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3, result.stdout
    kf = next(line for line in lines if "kf.txt" in line)
    assert kf.startswith("OK ") and " — " not in kf, kf
    assert "4 §§ av 4 i texten, 3 med beslut" in kf
    assert "hittade: datum, organ, ordförande, sekreterare, närvaro" in kf
    assert (
        "nämnda/lästa: reservationer 2/2, yrkanden 2/2, voteringar 1/1, protokollsanteckningar 1/1"
    ) in kf
    assert "varning" in kf
    assert next(line for line in lines if "tom.txt" in line).startswith("FEL ")
    assert result.returncode == 2, "a folder with an unreadable file is not clean"


def test_check_mode_says_granska_with_the_reasons(tmp_path):
    folder = tmp_path / "mapp"
    folder.mkdir()
    (folder / "med-datum.txt").write_text(PROTOCOL, encoding="utf-8")
    (folder / "utan-datum.txt").write_text(WITHOUT_DATE, encoding="utf-8")
    result = run_command("--check", str(folder), pgdata=tmp_path / "pgdata")
    assert result.returncode == 0, "a reading to review is no failure: " + result.stderr
    with_date, without = result.stdout.strip().splitlines()
    assert with_date.startswith("OK ") and "med-datum.txt: 3 §§ av 3 i texten" in with_date
    assert without.startswith(f"GRANSKA {folder / 'utan-datum.txt'}: 3 §§ av 3 i texten")
    assert "hittade: organ, ordförande, sekreterare, närvaro; saknas: datum" in without
    assert without.endswith(" — Sammanträdesdatumet hittades inte."), without
