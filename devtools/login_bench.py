"""The CPU one login costs: `check_password` with the archive's hasher and with Django's.

    python -m devtools.login_bench [--runs 9]

Prints, per hasher, the median CPU time (this process, not the wall clock, so other load
on the machine does not count) of checking a password against a stored hash.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import django

HASHERS = {
    "archive (first in PASSWORD_HASHERS)": "default",
    "Django 5.2 default PBKDF2-SHA256": "pbkdf2_sha256",
}


def cpu_ms_per_check(algorithm: str, runs: int) -> float:
    """Median CPU milliseconds of one `check_password` against a hash made by `algorithm`."""
    from django.contrib.auth.hashers import check_password, make_password

    encoded = make_password("ett lösenord", hasher=algorithm)
    times = []
    for _ in range(runs):
        started = time.process_time()
        check_password("fel lösenord", encoded)
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print one row per hasher."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    for label, algorithm in HASHERS.items():
        print(f"{label}: {cpu_ms_per_check(algorithm, runs):.1f} ms CPU per login")


if __name__ == "__main__":
    main()
