"""The zero set-up database: the embedded cluster starts once, and search has what it needs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from archive import embedded_db

ROOT = Path(__file__).resolve().parents[1]


def postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split()[0])


@pytest.fixture
def scratch_pgdata():
    # A short path: the server's Unix socket lives in the data directory.
    parent = Path(tempfile.mkdtemp(prefix="pa-", dir="/tmp"))
    parent.chmod(0o755)
    pgdata = parent / "pgdata"
    yield pgdata
    embedded_db.stop(pgdata)


def start_in_subprocess(pgdata: Path) -> subprocess.Popen:
    code = (
        "import sys; from archive import embedded_db; print(embedded_db.database_url(sys.argv[1]))"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(pgdata)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )


def test_two_processes_starting_at_once_share_one_cluster(scratch_pgdata):
    first, second = start_in_subprocess(scratch_pgdata), start_in_subprocess(scratch_pgdata)
    outputs = [proc.communicate(timeout=120) for proc in (first, second)]
    assert [proc.returncode for proc in (first, second)] == [0, 0], outputs
    urls = {out.strip() for out, _ in outputs}
    assert len(urls) == 1, urls
    pid = postmaster_pid(scratch_pgdata)
    running = subprocess.run(
        ["pgrep", "-f", "--", f"-D {scratch_pgdata}"], capture_output=True, text=True
    )
    postmasters = [line for line in running.stdout.split() if line]
    assert str(pid) in postmasters and len(postmasters) == 1, running.stdout

    third = start_in_subprocess(scratch_pgdata)
    out, err = third.communicate(timeout=60)
    assert third.returncode == 0, err
    assert postmaster_pid(scratch_pgdata) == pid, "a later start reuses the running cluster"
    with psycopg.connect(out.strip()) as conn:
        assert conn.execute("SELECT current_database()").fetchone()[0] == "protokollarkivet"
        for name, value in embedded_db.server_settings().items():
            same = "SELECT pg_size_bytes(current_setting(%s)) = pg_size_bytes(%s)"
            assert conn.execute(same, [name, value]).fetchone()[0], name


def test_the_cluster_is_sized_from_the_machines_memory():
    sized = embedded_db.server_settings(24 * 2**30)
    assert sized["shared_buffers"] == "6144MB"
    assert sized["effective_cache_size"] == "18432MB"
    assert sized["maintenance_work_mem"] == "1536MB"
    small = embedded_db.server_settings(2 * 2**30)
    assert small["shared_buffers"] == "512MB" and small["maintenance_work_mem"] == "128MB"
    assert embedded_db.server_settings(256 * 2**30)["shared_buffers"] == "8192MB"


@pytest.mark.django_db
def test_swedish_configuration_stems_reservationer():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('swedish', 'reservationer')::text")
        assert cursor.fetchone()[0] == "'reservation':1"
        cursor.execute(
            "SELECT to_tsvector('swedish', 'Ledamöterna reserverade sig') "
            "@@ websearch_to_tsquery('swedish', 'reservera')"
        )
        assert cursor.fetchone()[0] is True


@pytest.mark.django_db
def test_trigram_extension_is_installed():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT similarity('Hälso- och sjukvårdsnämnden', 'Hälso och sjukvårdsnämnd')"
        )
        assert cursor.fetchone()[0] > 0.5


@pytest.mark.django_db
def test_the_search_vector_is_kept_in_the_items_row():
    """Every search tests and ranks rows by their vector: it must not be moved to TOAST
    (migration 0007), while the long § text may be."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute"
            " WHERE attrelid = 'minutes_item'::regclass AND attname IN ('search_vector', 'text')"
        )
        assert dict(cursor.fetchall()) == {"search_vector": "m", "text": "x"}


@pytest.mark.django_db
def test_no_table_has_the_same_index_twice():
    """Every index is written on each insert: two alike cost an import twice for nothing."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(indexrelid::regclass::text ORDER BY indexrelid) FROM pg_index"
            " WHERE indrelid::regclass::text LIKE 'minutes\\_%'"
            " GROUP BY indrelid, indkey::text, indclass::text,"
            " coalesce(indpred::text, ''), coalesce(indexprs::text, '')"
            " HAVING count(*) > 1"
        )
        assert cursor.fetchall() == []
