"""Import protocol files and folders into the archive: `manage.py import_minutes PATH...`.

Files are read and parsed in worker processes (`minutes.services.parse_workers`) while
this process writes them to the database one transaction each, in path order. A file
already imported (same sha256) is skipped before it is parsed at all.

`--bulk` loads a backlog instead (`minutes.services.bulk_load`): every file in one
transaction, with the archive's item table locked meanwhile, and much faster (the figures
are in docs/performance.md).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connection
from tqdm import tqdm

from minutes.models import Meeting
from minutes.parsing import ParseError
from minutes.services.bulk_load import protocols_bulk_load
from minutes.services.import_session import import_session_limited
from minutes.services.importing import ImportRejected, OlderVersionRejected, meeting_import
from minutes.services.parse_workers import Reading, parse_workers
from minutes.services.resolve import ImportCache

SUFFIXES = frozenset({".txt", ".md", ".pdf", ".docx"})


def files_under(paths: Iterable[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The protocol files named or found (recursively) under `paths`, and paths not found."""
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        elif path.is_file():
            found.append(path)
        else:
            missing.append((name, "filen eller mappen finns inte"))
    return found, missing


@contextmanager
def _commits_without_waiting_for_disk() -> Iterator[None]:
    """Let each protocol's COMMIT return before its WAL reaches the disk (this session only).

    Safe for a bulk import: a crash can lose only the last fraction of a second of commits,
    never half a protocol, and running the command again restores them (it is idempotent).
    Waiting for the disk at every commit costs more than the rest of a small protocol.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


class Command(BaseCommand):
    # Person, party and case lookups shared by the run's imports (each commits on its own).
    cache: ImportCache

    help = "Importerar protokoll (filer eller mappar med .txt, .md, .pdf, .docx) till arkivet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--keep-corrections",
            action="store_true",
            help="Förval: rättelser gjorda i administrationen behålls när ett protokoll ersätts.",
        )
        parser.add_argument(
            "--discard-corrections",
            action="store_true",
            help=(
                "Skriv över paragrafer och mötesuppgifter som rättats i administrationen "
                "när ett protokoll ersätts (importloggen namnger dem)."
            ),
        )
        parser.add_argument(
            "--allow-older",
            action="store_true",
            help=(
                "Låt en fil som ser ut att vara äldre än den publicerade versionen ersätta den "
                "(utan flaggan vägras den och kommandot slutar med felstatus)."
            ),
        )
        parser.add_argument(
            "--unpublished",
            action="store_true",
            help="Importera utan att publicera (sammanträdena syns inte för allmänheten).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Antal processer som tolkar filer parallellt (1 = ingen parallellism).",
        )
        parser.add_argument(
            "--bulk",
            action="store_true",
            help=(
                "Läs in alla filer i en enda transaktion, snabbare, för en första inläsning "
                "av en stor mängd protokoll. Arkivet kan inte sökas under tiden; filer och "
                "sammanträden som redan finns hoppas över, inget ersätts."
            ),
        )

    def handle(self, *args, bulk, **options) -> None:
        idle = settings.BULK_IDLE_IN_TRANSACTION_TIMEOUT if bulk else None
        with import_session_limited(
            statement_timeout=settings.IMPORT_STATEMENT_TIMEOUT,
            idle_timeout=idle or settings.IMPORT_IDLE_IN_TRANSACTION_TIMEOUT,
        ):
            self._run(bulk=bulk, **options)

    def _run(
        self, *, paths, discard_corrections, allow_older, unpublished, jobs, bulk, **options
    ) -> None:
        """Import (or bulk load) the files under `paths` and report."""
        started = time.perf_counter()
        self.cache = ImportCache()
        if options["keep_corrections"] and discard_corrections:
            raise CommandError("Välj --keep-corrections eller --discard-corrections, inte båda.")
        files, failures = files_under(paths)
        if bulk:
            if options["keep_corrections"] or discard_corrections or allow_older:
                raise CommandError(
                    "--keep-corrections, --discard-corrections och --allow-older gäller inte "
                    "--bulk, som inte ersätter."
                )
            self._bulk_load(files, failures, jobs=jobs, publish=not unpublished)
            return
        known = self._known_files(files)
        todo = [path for path in files if path not in known]
        counts: Counter[str] = Counter(unchanged=len(known))
        options = {
            "keep_corrections": not discard_corrections,
            "allow_older": allow_older,
            "publish": not unpublished,
        }
        # The workers are forked on entering, before the progress bar starts its thread.
        with (
            parse_workers(todo, jobs=jobs) as readings,
            tqdm(total=len(files), initial=len(known), unit="protokoll", disable=None) as bar,
            _commits_without_waiting_for_disk(),
        ):
            for path, reading in readings:
                status, reason = self._import_one(path, reading, **options)
                counts[status] += 1
                if reason:
                    failures.append((str(path), reason))
                bar.update()
                bar.set_postfix(ny=counts["imported"], ersatt=counts["replaced"], fel=len(failures))
        self._report(counts, failures, time.perf_counter() - started)

    def _bulk_load(
        self, files: list[Path], failures: list[tuple[str, str]], *, jobs: int, publish: bool
    ) -> None:
        """Load `files` with the bulk path; report as `_report` does."""
        try:
            stats = protocols_bulk_load(files, jobs=jobs, publish=publish)
        except DatabaseError as error:
            raise CommandError(f"Inläsningen avbröts och inget sparades: {error}") from error
        failures.extend(stats.failed)
        self.stdout.write(
            f"Importerade: {stats.protocols} ({stats.items} paragrafer), "
            f"hoppade över: {len(stats.skipped)}, misslyckade: {len(failures)} "
            f"({len(files)} filer på {stats.seconds:.1f} s, "
            f"{stats.items_per_second:,.0f} paragrafer/s)"
        )
        for name, reason in stats.skipped:
            self.stdout.write(f"  {name}: {reason}")
        self._fail_on(failures)

    def _known_files(self, files: list[Path]) -> set[Path]:
        """The files whose exact bytes are already in the archive (no need to parse them)."""
        digests = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
        stored = set(
            Meeting.objects.filter(sha256__in=set(digests.values())).values_list(
                "sha256", flat=True
            )
        )
        return {path for path, digest in digests.items() if digest in stored}

    def _import_one(
        self,
        path: Path,
        reading: Reading,
        *,
        keep_corrections: bool,
        allow_older: bool,
        publish: bool,
    ) -> tuple[str, str | None]:
        """Import one parsed file; return its status and, if it failed, why."""
        if isinstance(reading.parsed, ParseError):
            return "failed", str(reading.parsed)
        try:
            result = meeting_import(
                parsed=reading.parsed,
                data=reading.data,
                filename=path.name,
                publish=publish,
                keep_corrections=keep_corrections,
                allow_older=allow_older,
                cache=self.cache,
            )
        except OlderVersionRejected as error:
            return "failed", f"{error} Inget ersattes; kör med --allow-older för att ersätta ändå."
        except ImportRejected as error:
            return "failed", str(error)
        except Exception as error:
            # Counted and reported; the transaction rolled back, and one broken file
            # must not stop a folder.
            return "failed", f"oväntat fel: {type(error).__name__}: {error}"
        return result.status, None

    def _report(self, counts: Counter[str], failures: list[tuple[str, str]], seconds: float):
        """Print the summary; fail (exit status 1) if any file could not be imported."""
        done = counts["imported"] + counts["unchanged"] + counts["replaced"] + len(failures)
        self.stdout.write(
            f"Importerade: {counts['imported']}, oförändrade: {counts['unchanged']}, "
            f"ersatta: {counts['replaced']}, misslyckade: {len(failures)} "
            f"({done} filer på {seconds:.1f} s, {done / max(seconds, 1e-9):.1f} protokoll/s)"
        )
        self._fail_on(failures)

    def _fail_on(self, failures: list[tuple[str, str]]) -> None:
        """Name each failed file and why; fail (exit status 1) if there is any."""
        for name, reason in failures:
            self.stderr.write(f"  {name}: {reason}")
        if failures:
            raise CommandError(f"{len(failures)} filer kunde inte importeras.")
