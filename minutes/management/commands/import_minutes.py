"""Import protocol files and folders into the archive: `manage.py import_minutes PATH...`.

Files are read and parsed in worker processes (parsing is pure Python and the slow part)
while this process writes them to the database one transaction each, in path order. A
file already imported (same sha256) is skipped before it is parsed at all.

`--bulk` loads a backlog instead (`minutes.services.bulk_load`): every file in one
transaction, with the archive's item table locked meanwhile; 600 generated protocols took
7.3 s instead of 18.7 (docs/performance.md).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connection
from tqdm import tqdm

from minutes.models import Meeting
from minutes.parsing import ParsedProtocol, ParseError, parse_bytes
from minutes.services.bulk_load import protocols_bulk_load
from minutes.services.importing import ImportRejected, meeting_import
from minutes.services.resolve import ImportCache

SUFFIXES = frozenset({".txt", ".md", ".pdf", ".docx"})
# Files parsed ahead of the writer: enough to keep every worker busy, little memory.
_AHEAD = 32


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


def _parse(path: Path) -> ParsedProtocol | ParseError:
    """Read and parse one file (in a worker): the reading, or the error saying why not."""
    try:
        return parse_bytes(path.read_bytes(), path.name)
    except ParseError as error:
        return error
    except Exception as error:
        # A parser bug must cost one file, not the run; the exception itself may not
        # survive pickling back to the parent, its description does.
        return ParseError(f"oväntat fel vid tolkningen: {type(error).__name__}: {error}")


def _readings(paths: list[Path], pool: Executor | None) -> Iterator[tuple[Path, object]]:
    """Each path with its reading, in order; parsed ahead in `pool` when there is one.

    A bounded window of files is in flight, so memory stays flat for any folder size.
    """
    if pool is None:
        for path in paths:
            yield path, _parse(path)
        return
    pending = iter(paths)
    window = deque((path, pool.submit(_parse, path)) for path in islice(pending, _AHEAD))
    while window:
        path, future = window.popleft()
        following = next(pending, None)
        if following is not None:
            window.append((following, pool.submit(_parse, following)))
        yield path, future.result()


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


def _parsing_pool(jobs: int) -> Executor | None:
    """Worker processes for parsing, started now (before the progress bar's thread exists).

    They are forked: a spawned worker would re-import the settings, which start the
    embedded database. The children inherit this process's database connection but never
    touch it, and leave through `os._exit`, so the parent's session is not disturbed.
    """
    if jobs <= 1:
        return None
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    pool.submit(os.getpid).result()  # with fork, the first task starts every worker
    return pool


class Command(BaseCommand):
    # Person, party and case lookups shared by the run's imports (each commits on its own).
    cache: ImportCache

    help = "Importerar protokoll (filer eller mappar med .txt, .md, .pdf, .docx) till arkivet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--keep-corrections",
            action="store_true",
            help="Behåll paragrafer som rättats i administrationen när ett protokoll ersätts.",
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

    def handle(self, *args, paths, keep_corrections, unpublished, jobs, bulk, **options) -> None:
        started = time.perf_counter()
        self.cache = ImportCache()
        files, failures = files_under(paths)
        if bulk:
            if keep_corrections:
                raise CommandError("--keep-corrections gäller inte --bulk, som inte ersätter.")
            self._bulk_load(files, failures, jobs=jobs, publish=not unpublished)
            return
        known = self._known_files(files)
        todo = [path for path in files if path not in known]
        counts: Counter[str] = Counter(unchanged=len(known))
        options = {"keep_corrections": keep_corrections, "publish": not unpublished}
        pool = _parsing_pool(jobs) if len(todo) > 1 else None
        progress = tqdm(total=len(files), initial=len(known), unit="protokoll", disable=None)
        try:
            with _commits_without_waiting_for_disk():
                for path, reading in _readings(todo, pool):
                    status, reason = self._import_one(path, reading, **options)
                    counts[status] += 1
                    if reason:
                        failures.append((str(path), reason))
                    progress.update()
                    progress.set_postfix(
                        ny=counts["imported"], ersatt=counts["replaced"], fel=len(failures)
                    )
        finally:
            progress.close()
            if pool is not None:
                pool.shutdown(cancel_futures=True)
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
        self, path: Path, reading, *, keep_corrections: bool, publish: bool
    ) -> tuple[str, str | None]:
        """Import one parsed file; return its status and, if it failed, why."""
        if isinstance(reading, ParseError):
            return "failed", str(reading)
        try:
            result = meeting_import(
                parsed=reading,
                data=path.read_bytes(),
                filename=path.name,
                publish=publish,
                keep_corrections=keep_corrections,
                cache=self.cache,
            )
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
