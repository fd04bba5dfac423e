"""`manage.py bench` end to end at a tiny size, in a database of its own."""

from __future__ import annotations

import io
import re

import psycopg
import pytest
from django.core.management import CommandError, call_command

from devtools.bench.database import (
    BenchDatabaseRefused,
    bench_database_check,
    bench_database_url,
)

BENCH_DB = "bench_test_tiny"
NUMBER = re.compile(r"\d")

# Every measure the table must carry (issue 6), as the start of its label.
EXPECTED = [
    "cores",
    "memory",
    "calibration: Python loop",
    "calibration: PostgreSQL sum",
    "protocols / items",
    "in database median / p95 / p99",
    "in database by kind (median ms)",
    "slowest in database: /sok/?",
    "through view median / p95 / p99",
    "ILIKE baseline median / p95 / p99",
    "ILIKE ÷ full text",
    "dnr lookups",
    "tantivy index of",
    "this search, top 20 + count",
    "tantivy, top 20 + count",
    "this search ÷ tantivy",
    "bulk parse+store protocols/s, items/s",
    "bulk store only",
    "meeting_import parse+store protocols/s, items/s",
    "start ",
    "search ",
    "meeting ",
    "item ",
    "database per item",
    "all indexes",
    "index item_vector_tags_gin",
]


def table_rows(output: str) -> dict[str, str]:
    rows = {}
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("group", "") and not cells[0].startswith("-"):
            rows[cells[1]] = cells[2]
    return rows


def database_exists(name: str) -> bool:
    with psycopg.connect(bench_database_url("postgres")) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def test_bench_prints_every_figure_from_its_own_database():
    out = io.StringIO()
    call_command(
        "bench",
        "--items=300",
        f"--database={BENCH_DB}",
        "--sample=3",
        "--repeats=1",
        "--page-seconds=1",
        "--connections=2",
        "--drop",
        stdout=out,
        stderr=io.StringIO(),
    )
    rows = table_rows(out.getvalue())
    for label in EXPECTED:
        found = [value for name, value in rows.items() if name.startswith(label)]
        assert found, f"no row {label!r} in\n{out.getvalue()}"
        assert all(NUMBER.search(value) for value in found), (label, found)
    items = int(rows["protocols / items"].split("/")[1].replace(",", ""))
    assert 300 <= items < 340
    pages = {
        name: value
        for name, value in rows.items()
        if "rps" in name and name.split()[0] in ("meeting", "item")
    }
    assert all(value.endswith("/ 0") for value in pages.values()), pages  # no errors
    assert not database_exists(BENCH_DB)


@pytest.mark.parametrize("name", ["protokollarkivet", "test_protokollarkivet", "postgres"])
def test_the_archive_and_server_databases_are_never_bench_databases(name):
    # Checked without the command: were the guard to fail, the command would drop them.
    with pytest.raises(BenchDatabaseRefused):
        bench_database_check(name)


def test_the_command_refuses_a_database_not_named_for_the_bench():
    with pytest.raises(CommandError, match="benchmarkdatabas"):
        call_command("bench", "--items=10", "--database=template1")
