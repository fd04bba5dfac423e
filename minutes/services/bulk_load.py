"""Load a backlog of protocols fast: a national archive's worth in one run.

`protocols_bulk_load` leaves the same rows as `meeting_import` would for each protocol, but
instead of a transaction and a dozen statements per protocol it parses in worker
processes (`parse_workers`), resolves bodies, committees, people, parties and cases for a
batch of protocols at once (with the importer's own functions), takes ids from the
sequences in blocks and writes every table with COPY. Items are inserted after their
children, with their search vectors and tags computed by the importer's SQL, so each item
row is written once. The indexes that are dearest to keep row by row (the GIN indexes of
the search, the newest-first covering index) are dropped for the load and built once at
the end; then the tables are analysed.

The whole load is one transaction: if anything fails, nothing of it stays (and the files
it stored are deleted). The item table is locked for writers and readers meanwhile, so
run it when the archive may pause, not beside live traffic.

Differences from `meeting_import`, by design: a file already in the archive (same sha256)
or a second reading of a meeting already stored is skipped and reported, not replaced —
replacing is a clerk's decision, made one protocol at a time with `import_minutes`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from django.core.files.base import ContentFile
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from minutes.models import ImportRecord, Meeting
from minutes.parsing import ParseError

from .bulk_copy import (
    TABLES,
    IdBlocks,
    Rows,
    items_staged,
    rebuilt_indexes_dropped,
    rows_copy,
    staged_items_insert,
    tables_lock,
)
from .bulk_rows import reading_rows
from .import_rows import dnrs_in, names_in, reading_context
from .import_warnings import StoredWarning, warnings_stored
from .importing import ImportRejected, items_chosen, meeting_fill, protocol_header
from .parse_workers import Reading, Source, parse_workers
from .resolve import ImportCache, body_resolve, cases_resolve, committee_resolve, people_resolve
from .vocabulary import vocabulary_add_after

# Protocols stored together; the next batch is parsed while this one is stored.
BATCH_PROTOCOLS = 400
# Protocols a parse worker takes at a time: each hand-over costs the loader's process time
# (the pool's threads share the interpreter with the store), so few and large.
PARSE_CHUNK = 32
# Every table the load writes: its own, and those of the people and cases it resolves.
_LOADED_TABLES = (*TABLES, "minutes_person", "minutes_case")


@dataclass
class BulkLoadStats:
    """What a bulk load did and how long its parts took (seconds)."""

    protocols: int = 0
    items: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    parse_cpu_seconds: float = 0.0
    store_seconds: float = 0.0
    index_seconds: float = 0.0

    @property
    def items_per_second(self) -> float:
        """Items parsed and stored per second of the whole load."""
        return self.items / self.seconds if self.seconds else 0.0


def _batches(readings: Iterator[tuple[Source, Reading]], size: int) -> Iterator[list[Reading]]:
    """The readings in lists of `size`, in order."""
    while batch := [reading for _, reading in islice(readings, size)]:
        yield batch


class _Loader:
    """Turns batches of readings into rows and copies them, within the caller's transaction.

    The database's heaviest part, inserting a batch's items with their vectors, runs in a
    thread while this one builds the rows of the next batch: the two halves of the store
    (PostgreSQL's and Python's) take about the same time, and ran one after the other.
    Nothing else touches the connection while the insert runs (psycopg would wait for it).
    """

    def __init__(self, *, publish: bool, stats: BulkLoadStats) -> None:
        self.cache = ImportCache()
        self.publish = publish
        self.stats = stats
        self.seen_sha: set[str] = set()
        self.seen_meetings: set[tuple] = set()
        self.stored_files: list[tuple] = []
        self.ids: IdBlocks | None = None
        self.analyzed_at = 500  # items loaded when the tables were last analysed
        self.background = ThreadPoolExecutor(1, thread_name_prefix="bulk-insert")
        self.staged = False  # a batch copied whose items are not inserted yet

    def batch_store(self, readings: list[Reading]) -> None:
        """Resolve and build one batch while the previous one's items are inserted; COPY it."""
        if self.ids is None:
            self.ids = IdBlocks(connection.cursor())
        accepted = self._accepted(readings)
        self._resolve_people_and_cases(accepted)
        inserting = self._insert_started()
        try:
            rows = Rows()
            item_ids: list[int] = []
            for reading, header, committee, items, warnings in accepted:
                item_ids.extend(
                    self._protocol_rows(reading, header, committee, items, warnings, rows)
                )
        finally:
            if inserting is not None:
                inserting.result()  # never leave the insert running: its error is raised
        counts = rows_copy(rows)
        for table, count in counts.items():
            self.stats.rows[table] = self.stats.rows.get(table, 0) + count
        # Even without items: the insert also checks the batch's deferred foreign keys.
        self.staged = any(counts.values())
        self._analyze_when_grown(len(item_ids))
        self.stats.items += len(item_ids)

    def finish(self) -> None:
        """Insert the last batch's items; stop the insert thread."""
        inserting = self._insert_started()
        self.background.shutdown()
        if inserting is not None:
            inserting.result()

    def _insert_started(self) -> Future | None:
        """Start inserting the staged items in the background; None when none are staged."""
        if not self.staged:
            return None
        self.staged = False
        return self.background.submit(_staged_insert, connections[DEFAULT_DB_ALIAS])

    def _analyze_when_grown(self, new_items: int) -> None:
        """ANALYZE the tables each time the load has doubled them.

        The items' INSERT looks up each item's clauses, reservations and yrkanden; with
        the statistics of the empty tables the load started from, the planner scans them
        whole for every item instead of using their indexes, and a load grows quadratic.
        """
        if self.stats.items + new_items < self.analyzed_at * 2:
            return
        self.analyzed_at = self.stats.items + new_items
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"ANALYZE {table}")

    def _accepted(self, readings: list[Reading]) -> list[tuple]:
        """The readings to store, with header, committee and chosen items; others reported."""
        stored = set(
            Meeting.objects.filter(sha256__in=[r.sha256 for r in readings]).values_list(
                "sha256", flat=True
            )
        )
        candidates = []
        for reading in readings:
            self.stats.parse_cpu_seconds += reading.cpu_seconds
            if isinstance(reading.parsed, ParseError):
                self.stats.failed.append((reading.name, str(reading.parsed)))
                continue
            if reading.sha256 in stored or reading.sha256 in self.seen_sha:
                self.stats.skipped.append((reading.name, "filen finns redan i arkivet"))
                continue
            try:
                header = protocol_header(reading.parsed, {})
            except ImportRejected as error:
                self.stats.failed.append((reading.name, str(error)))
                continue
            body = body_resolve(name=header.body, cache=self.cache)
            committee = committee_resolve(body=body, name=header.committee, cache=self.cache)
            candidates.append((reading, header, committee))
        existing = set(
            Meeting.objects.filter(
                committee__in={c.pk for _, _, c in candidates},
                date__in={h.date for _, h, _ in candidates},
            ).values_list("committee_id", "date", "start_time")
        )
        accepted = []
        for reading, header, committee in candidates:
            key = (committee.pk, header.date, reading.parsed.start_time)
            if key in existing or key in self.seen_meetings:
                self.stats.skipped.append(
                    (reading.name, "sammanträdet finns redan: ersätt det med import_minutes")
                )
                continue
            self.seen_meetings.add(key)
            self.seen_sha.add(reading.sha256)
            warnings: list[StoredWarning] = []
            items = items_chosen(reading.parsed.items, set(), warnings)
            accepted.append((reading, header, committee, items, warnings))
        return accepted

    def _resolve_people_and_cases(self, accepted: list[tuple]) -> None:
        """People and cases of the batch, per body, in protocol order (as the importer)."""
        by_body: dict[int, tuple] = {}
        for reading, _, committee, items, _ in accepted:
            body = committee.body
            names, dnrs = by_body.setdefault(body.pk, (body, [], []))[1:]
            names.extend(names_in(reading.parsed, items))
            dnrs.extend(dnrs_in(items))
        self.people = {}
        self.cases = {}
        for pk, (body, names, dnrs) in by_body.items():
            self.people[pk] = people_resolve(body=body, names=names, cache=self.cache)
            self.cases[pk] = cases_resolve(body=body, dnrs=dnrs, cache=self.cache)

    def _protocol_rows(self, reading, header, committee, items, warnings, rows: Rows) -> list[int]:
        parsed, body = reading.parsed, committee.body
        ctx = reading_context(
            body=body,
            protocol=parsed,
            items=items,
            cache=self.cache,
            warnings=warnings,
            people=self.people[body.pk],
            cases=self.cases[body.pk],
        )
        meeting = Meeting(committee=committee, pk=self.ids.next("minutes_meeting"))
        meeting_fill(meeting, parsed, header, reading.sha256, reading.name, self.publish)
        item_ids = reading_rows(
            ctx=ctx, meeting_id=meeting.pk, protocol=parsed, items=items, ids=self.ids, rows=rows
        )
        meeting.parse_warnings = warnings_stored(parsed.warnings, warnings)
        meeting.source_file.save(meeting.source_filename, ContentFile(reading.data), save=False)
        self.stored_files.append((meeting.source_file.storage, meeting.source_file.name))
        rows.add("minutes_meeting", _meeting_row(meeting))
        rows.add(
            "minutes_importrecord",
            (
                self.ids.next("minutes_importrecord"), meeting.pk, ImportRecord.Action.IMPORTED,
                meeting.source_filename, reading.sha256, "", None, timezone.now(),
            ),
        )  # fmt: skip
        self.stats.protocols += 1
        return item_ids

    def abandon(self) -> None:
        """After a failure: stop the insert thread, remove the files the load stored."""
        self.background.shutdown()
        for storage, name in self.stored_files:
            storage.delete(name)


def _staged_insert(database: BaseDatabaseWrapper) -> None:
    """`staged_items_insert` on the load's connection, from the insert thread.

    Django's connection objects belong to one thread each; this borrows the psycopg
    connection of the loading thread's, raising errors as Django would.
    """
    with database.wrap_database_errors, database.connection.cursor() as cursor:
        staged_items_insert(cursor)


def _meeting_row(meeting: Meeting) -> tuple:
    """The meeting as a COPY row, each value prepared by its model field."""
    fields = {f.column: f for f in Meeting._meta.concrete_fields}
    return tuple(
        fields[column].get_db_prep_save(
            fields[column].pre_save(meeting, add=True), connection=connection
        )
        for column in TABLES["minutes_meeting"]
    )


def _last_item_id() -> int:
    """The highest item id stored: the load's items, numbered by the sequence, come after."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM minutes_item")
        return cursor.fetchone()[0]


def protocols_bulk_load(
    sources: Iterable[Source], *, jobs: int, publish: bool = True
) -> BulkLoadStats:
    """Parse and store protocols (files, or file names with their texts) in one transaction;
    see the module docstring.

    `jobs` worker processes parse while this process stores. Protocols that cannot be read
    or lack a meeting's identity are reported in `failed`, duplicates in `skipped`; a
    database error rolls the whole load back and is raised.
    """
    stats = BulkLoadStats()
    started = time.perf_counter()
    loader = _Loader(publish=publish, stats=stats)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
                # Foreign keys checked per batch (`staged_items_insert`), never queued to
                # the commit: PostgreSQL builds no index while checks wait.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            tables_lock()
            last_item_id = _last_item_id()
            with items_staged(), rebuilt_indexes_dropped():
                with parse_workers(
                    sources, jobs=jobs, ahead=BATCH_PROTOCOLS, chunk=PARSE_CHUNK
                ) as readings:
                    for batch in _batches(readings, BATCH_PROTOCOLS):
                        store_started = time.perf_counter()
                        loader.batch_store(batch)
                        stats.store_seconds += time.perf_counter() - store_started
                store_started = time.perf_counter()
                loader.finish()
                vocabulary_add_after(last_item_id)
                stats.store_seconds += time.perf_counter() - store_started
                index_started = time.perf_counter()
            stats.index_seconds = time.perf_counter() - index_started
            with connection.cursor() as cursor:
                for table in _LOADED_TABLES:
                    cursor.execute(f"ANALYZE {table}")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    except BaseException:
        loader.abandon()
        raise
    if not connection.in_atomic_block:
        # Set the visibility map, which index-only scans rely on, and count the new rows
        # as analysed, now rather than when autovacuum comes to them in the middle of the
        # first searches.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(_LOADED_TABLES)}")
    stats.seconds = time.perf_counter() - started
    return stats
