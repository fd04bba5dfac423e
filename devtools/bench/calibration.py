"""A fixed CPU workload in Python and in PostgreSQL, timed on the machine at hand, so a
latency can also be given as a share of it and compared between machines."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import connection

# The workload: this many additions in a Python loop, and a sum over this many rows of
# generate_series in PostgreSQL.
PYTHON_ADDITIONS = 10_000_000
POSTGRES_ROWS = 2_000_000
RUNS = 3


@dataclass(frozen=True)
class Calibration:
    """The best of RUNS timings of each workload, in milliseconds."""

    python_ms: float
    postgres_ms: float

    def per_mille(self, ms: float) -> float:
        """`ms` in thousandths of the Python workload's time (‰cal)."""
        return ms / self.python_ms * 1000


def _python_additions() -> None:
    total = 0
    for number in range(PYTHON_ADDITIONS):
        total += number


def _postgres_sum() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(i) FROM generate_series(1, %s) AS i", [POSTGRES_ROWS])
        cursor.fetchone()


def _best_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def calibrate() -> Calibration:
    """Time both workloads (the best of RUNS each): a few seconds on a slow machine."""
    return Calibration(python_ms=_best_ms(_python_additions), postgres_ms=_best_ms(_postgres_sum))
