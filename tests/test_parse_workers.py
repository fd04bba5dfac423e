"""The parse workers both importers share: order, a bounded read-ahead, and clean deaths."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from minutes.parsing import ParseError
from minutes.services.parse_workers import Source, parse_workers

FIXTURES = Path(__file__).parent / "fixtures" / "protocols"
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc; PR_SET_PDEATHSIG")


def sources() -> list[Source]:
    """Protocol files, a file that is not there, a text with nothing to read, and texts."""
    files = sorted(FIXTURES.glob("*.txt"))[:6]
    assert len(files) == 6
    texts = [(f"text-{path.name}", path.read_text(encoding="utf-8")) for path in files[:3]]
    return [*files[:3], FIXTURES / "saknas.txt", ("tom.txt", "   "), *texts, *files[3:]]


def outcome(reading) -> tuple:
    parsed = reading.parsed
    if isinstance(parsed, ParseError):
        return reading.name, reading.sha256, "fel", str(parsed)
    return reading.name, reading.sha256, parsed.date, len(parsed.items)


def wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def gone(pid: int) -> bool:
    """No such process, or a zombie nobody has reaped yet (it holds no files)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in {"Z", "X"}


@pytest.mark.parametrize(
    ("jobs", "ahead", "chunk"),
    [
        (2, 32, 1),  # as import_minutes reads
        (2, 4, 3),  # chunks larger than the rest of the input, a window smaller than it
        (3, 400, 32),  # as the bulk load reads: a short input is shared by every worker
    ],
)
def test_workers_yield_what_reading_here_yields_in_input_order(jobs, ahead, chunk):
    given = sources()
    with parse_workers(given, jobs=1) as readings:
        here = [(source, outcome(reading)) for source, reading in readings]
    with parse_workers(given, jobs=jobs, ahead=ahead, chunk=chunk) as readings:
        there = [(source, outcome(reading)) for source, reading in readings]

    assert there == here
    assert [source for source, _ in there] == given
    failed = {name: reason for name, _, kind, reason in (o for _, o in here) if kind == "fel"}
    assert failed.keys() == {str(FIXTURES / "saknas.txt"), "tom.txt"}
    assert failed[str(FIXTURES / "saknas.txt")].startswith("filen kunde inte läsas")


@pytest.mark.parametrize("jobs", [1, 2])
def test_only_a_window_of_sources_is_taken_ahead_of_the_caller(jobs):
    taken = 0

    def counted() -> Iterator[Source]:
        nonlocal taken
        for index in range(200):
            taken += 1
            yield (f"tom-{index}.txt", "")

    ahead, chunk = 8, 3
    with parse_workers(counted(), jobs=jobs, ahead=ahead, chunk=chunk) as readings:
        for held, (source, reading) in enumerate(readings, start=1):
            assert reading.name == source[0] == f"tom-{held - 1}.txt"
            # The window rounded up to whole chunks, and the rest of the chunk in hand.
            assert taken - held <= ahead + 2 * chunk
    assert held == taken == 200


def test_the_workers_end_with_the_block_even_when_it_fails():
    with pytest.raises(RuntimeError), parse_workers(sources(), jobs=2) as readings:
        next(readings)
        workers = multiprocessing.active_children()
        assert len(workers) == 2
        raise RuntimeError("the caller's store failed")
    assert all(not worker.is_alive() for worker in workers)


@linux_only
@pytest.mark.django_db
def test_workers_hold_none_of_the_parents_database_sockets():
    connection.ensure_connection()
    socket = connection.connection.fileno()
    with parse_workers(sources(), jobs=2) as readings:
        next(readings)
        workers = multiprocessing.active_children()
        assert len(workers) == 2
        for worker in workers:
            fd = Path(f"/proc/{worker.pid}/fd/{socket}")
            assert wait_for(lambda fd=fd: os.readlink(fd) == os.devnull), os.readlink(fd)
    assert os.readlink(f"/proc/self/fd/{socket}").startswith("socket:")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # the parent's session is untouched


# A parent that opens a transaction, starts the workers and waits to be killed.
PARENT = textwrap.dedent(
    """
    import multiprocessing, os, sys, time
    import django
    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from minutes.services.parse_workers import parse_workers

    settings.DATABASES["default"]["NAME"] = sys.argv[1]
    texts = [(f"tom-{i}.txt", "") for i in range(64)]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        with parse_workers(texts, jobs=2) as readings:
            next(readings)
            pids = [str(p.pid) for p in multiprocessing.active_children()]
            print(backend, *pids, flush=True)
            time.sleep(60)
    """
)


@linux_only
@pytest.mark.django_db
def test_a_killed_parent_leaves_no_worker_and_no_open_transaction():
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, connection.settings_dict["NAME"]],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        started = parent.stdout.readline()
        assert started, "the parent ended before it started its workers"
        backend, *workers = map(int, started.split())
    finally:
        parent.kill()
        parent.wait()
    assert len(workers) == 2

    def session_open() -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # read afresh in a transaction
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [backend])
            return cursor.fetchone()[0] > 0

    try:
        assert wait_for(lambda: all(gone(pid) for pid in workers))
        assert wait_for(lambda: not session_open())
    finally:
        for pid in workers:
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)
