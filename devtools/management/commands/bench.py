"""`manage.py bench --items N`: build an archive of N items in a database of its own, measure
search, import and page throughput, print one table (docs/performance.md).

The archive's own database and the test database are never touched: the command
(re)creates `--database` on the same server and runs the measuring part in a child
process whose DATABASE_URL points there, so the Django views and the gunicorn workers it
starts read the benchmark's data.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from devtools.bench.database import (
    DEFAULT_NAME,
    BenchDatabaseRefused,
    bench_database_drop,
    bench_database_recreate,
    bench_database_url,
)
from devtools.bench.report import table_format
from devtools.bench.run import BenchOptions, bench_run


class Command(BaseCommand):
    help = "Bygger ett arkiv med N paragrafer i en egen databas, mäter och skriver en tabell."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--items", type=int, default=100_000, help="Antal paragrafer.")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
        parser.add_argument("--database", default=DEFAULT_NAME, help="Benchmarkdatabasens namn.")
        parser.add_argument("--sample", type=int, default=40, help="Protokoll för meeting_import.")
        parser.add_argument("--repeats", type=int, default=3, help="Körningar av frågemixen.")
        parser.add_argument("--page-seconds", type=int, default=10, help="Sekunder wrk per sida.")
        parser.add_argument(
            "--connections", type=int, default=8, help="Samtidiga wrk-anslutningar."
        )
        parser.add_argument("--drop", action="store_true", help="Ta bort databasen efteråt.")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Mät igen i databasen som redan byggts (efter en ändring i sökningen).",
        )
        parser.add_argument(
            "--build-only", action="store_true", help="Bygg arkivet men mät inte (se --reuse)."
        )
        parser.add_argument(
            "--search-only",
            action="store_true",
            help="Mät bara kalibrering, sökning och tantivy (med --reuse: utan ILIKE och sidor).",
        )
        # Internal: set on the child process, which runs against the benchmark database.
        parser.add_argument("--measure", action="store_true", help="(internt)")

    def handle(self, *args, **options) -> None:
        bench = BenchOptions(
            items=options["items"],
            seed=options["seed"],
            jobs=options["jobs"],
            sample=options["sample"],
            repeats=options["repeats"],
            page_seconds=options["page_seconds"],
            connections=options["connections"],
            reuse=options["reuse"],
            build_only=options["build_only"],
            search_only=options["search_only"],
        )
        if bench.items < 1:
            raise CommandError("--items måste vara minst 1.")
        if options["measure"]:
            self._measure(bench)
            return
        self._run_child(options)

    def _measure(self, bench: BenchOptions) -> None:
        started = time.perf_counter()
        call_command("migrate", "--noinput", verbosity=0)
        figures = settings.VAR_DIR / "bench" / f"{settings.DATABASES['default']['NAME']}.json"
        rows = bench_run(bench, log=lambda text: self.stderr.write(text), figures=figures)
        self.stdout.write(table_format(rows))
        self.stdout.write(f"\n(whole run {time.perf_counter() - started:.0f} s)")

    def _run_child(self, options) -> None:
        name = options["database"]
        try:
            url = bench_database_url(name) if options["reuse"] else bench_database_recreate(name)
        except BenchDatabaseRefused as error:
            raise CommandError(str(error)) from None
        forwarded = [
            f"--{key.replace('_', '-')}={options[key]}"
            for key in ("items", "seed", "jobs", "sample", "repeats", "page_seconds", "connections")
        ] + [
            f"--{flag.replace('_', '-')}"
            for flag in ("reuse", "build_only", "search_only")
            if options[flag]
        ]
        try:
            with tempfile.TemporaryDirectory(prefix="bench-media-") as media:
                env = {
                    **os.environ,
                    "DATABASE_URL": url,
                    "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
                    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
                    "DEBUG": "0",
                    "SECURE_COOKIES": "0",
                    "MEDIA_ROOT": media,
                }
                self._stream(
                    [sys.executable, "manage.py", "bench", "--measure", *forwarded], env=env
                )
        finally:
            if options["drop"]:
                bench_database_drop(name)

    def _stream(self, command: list[str], env: dict[str, str]) -> None:
        """Run the child, passing its table to our stdout as it comes."""
        child = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, text=True
        )
        for line in child.stdout:
            self.stdout.write(line.rstrip("\n"))
        if child.wait() != 0:
            raise CommandError(f"benchmarken avbröts (status {child.returncode}).")
