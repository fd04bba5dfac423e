"""The database side of the bulk load: ids from the sequences in blocks, COPY, the indexes.

Rows are plain tuples in the column order of `TABLES`; parents and children get their ids
here, before any row is written, so every table of a batch goes in with one COPY. The
items are copied into a staging table and inserted from there with their search vectors
and tags, after their children, so each item row is written once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from minutes.services.search_index import TAGS_SQL, VECTOR_SQL

# Table → the columns a row tuple holds, in order. Every table the importer writes.
TABLES: dict[str, tuple[str, ...]] = {
    "minutes_meeting": (
        "id", "committee_id", "date", "start_time", "end_time", "place", "protocol_dnr",
        "chair", "secretary", "adjusters", "adjusted_on", "notice_posted_on",
        "notice_removed_on", "source_file", "source_filename", "sha256", "page_count",
        "imported_at", "parse_warnings", "is_published",
    ),
    "minutes_attendance": (
        "id", "meeting_id", "person_id", "party_id", "role", "substitute_for_id",
        "municipality", "note", "position",
    ),
    "minutes_item": (
        "id", "meeting_id", "number", "title", "dnr", "responsible", "handlers", "withdrawn",
        "tabled", "sections", "text",
    ),
    "minutes_item_cases": ("id", "item_id", "case_id"),
    "minutes_decision": (
        "id", "item_id", "position", "decided_by", "kind", "proposed_to", "immediately_adjusted",
    ),
    "minutes_clause": ("id", "decision_id", "position", "text"),
    "minutes_yrkande": ("id", "item_id", "position", "text", "won"),
    "minutes_yrkandeperson": ("id", "yrkande_id", "person_id", "party_id"),
    "minutes_reservation": ("id", "item_id", "person_id", "party_id", "reason", "written", "text"),
    "minutes_vote": (
        "id", "item_id", "position", "text", "yes", "no", "abstain", "chair_decided",
    ),
    "minutes_votecast": ("id", "vote_id", "person_id", "party_id", "choice"),
    "minutes_note": ("id", "item_id", "kind", "text"),
    "minutes_note_persons": ("id", "note_id", "person_id"),
    "minutes_importrecord": (
        "id", "meeting_id", "action", "filename", "sha256", "replaced_sha256", "user_id",
        "created_at",
    ),
}  # fmt: skip

# The item rows of a batch wait here (a temporary table with the item columns of `TABLES`)
# until their children are copied; one INSERT … SELECT then computes their vectors and
# tags from the children and writes each item once. Copied straight into minutes_item
# and filled by an UPDATE, every item was written twice, and VACUUM had to clear a dead
# row version per item afterwards.
STAGED_ITEMS = "bulk_load_item"

# The indexes that cost most to maintain row by row: the GIN indexes over the search
# vectors (with the tags) and their word pairs, and the two by meeting date (the newest-
# first index that covers the tags, the newest slice's). Dropped for the load and built
# once at the end (the covering index maintained through a 1M load ended three times the
# size of a rebuilt one).
REBUILT_INDEXES = (
    "item_vector_tags_gin",
    "item_phrase_vector_gin",
    "item_newest_covering_idx",
    "item_published_date_idx",
)
# Enough memory for the GIN build to sort in one pass at ten million items.
INDEX_BUILD_MEMORY = "1GB"
# Large enough that a batch seldom needs a new block: taking one waits for the items'
# INSERT the load runs in the background on the same connection.
_ID_BLOCK = 100_000


class IdBlocks:
    """Hands out ids per table, reserved from the table's own sequence a block at a time.

    A block is reserved by moving the sequence past it in one statement; that is safe
    only while nobody else inserts into the table, which `tables_lock` ensures. The
    sequence stays the only source of ids; ids of a rolled-back load are never used.
    """

    def __init__(self, cursor) -> None:
        self._cursor = cursor
        self._free: dict[str, list[int]] = defaultdict(list)

    def next(self, table: str) -> int:
        """One new id for a row of `table`."""
        free = self._free[table]
        if not free:
            self._cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'),"
                " nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
                [table, table, _ID_BLOCK],
            )
            last = self._cursor.fetchone()[0]
            free.extend(range(last, last - _ID_BLOCK, -1))
        return free.pop()


def tables_lock() -> None:
    """Keep other writers out of every table the load writes, until the transaction ends.

    Readers may go on (except on the item table while its index is rebuilt); an import
    that is already writing is waited for, so no id can be taken twice.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {', '.join(TABLES)} IN SHARE ROW EXCLUSIVE MODE")


class Rows:
    """The rows of one batch, per table, ready to be copied."""

    def __init__(self) -> None:
        self.tables: dict[str, list[tuple]] = {table: [] for table in TABLES}

    def add(self, table: str, row: tuple) -> None:
        """Queue one row (a tuple in the order of `TABLES[table]`)."""
        self.tables[table].append(row)

    def count(self, table: str) -> int:
        """How many rows of `table` are queued."""
        return len(self.tables[table])


@contextmanager
def items_staged() -> Iterator[None]:
    """Create the STAGED_ITEMS table for the block, in the caller's transaction.

    Dropped after the block; if the block fails, the rollback removes it.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {STAGED_ITEMS} AS"
            f" SELECT {', '.join(TABLES['minutes_item'])} FROM minutes_item WITH NO DATA"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {STAGED_ITEMS}")


def rows_copy(rows: Rows) -> dict[str, int]:
    """COPY every queued row on the Django connection (items to STAGED_ITEMS); return the counts.

    The foreign keys are checked when `staged_items_insert` has written the items the
    children refer to.
    """
    counts = {}
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # the psycopg cursor, in the same transaction
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, queued in rows.tables.items():
            counts[table] = len(queued)
            if not queued:
                continue
            target = STAGED_ITEMS if table == "minutes_item" else table
            with cursor.copy(f"COPY {target} ({', '.join(TABLES[table])}) FROM STDIN") as copy:
                for row in queued:
                    copy.write_row(row)
    return counts


def staged_items_insert(cursor) -> None:
    """Insert the staged items with their search vectors and tags.

    `cursor` is a cursor of the load's connection (the load runs this in a thread of its
    own, beside the Python work of the next batch). The vectors and tags are the
    importer's (`minutes.services.search_index`), read from the children `rows_copy` wrote. The
    foreign keys deferred during the copy are checked here, so no check is left pending
    when the load builds its indexes.

    The statement is planned with index scans wherever there is an index: the load grows
    its tables faster than their statistics follow, and a plan made with lagging
    statistics can scan a child table whole for each item (the vectors took minutes per
    batch instead of a second in one 1M build, at about 300,000 items). Every lookup
    here is by an indexed key, so a sequential scan is never the right plan.
    """
    columns = ", ".join(TABLES["minutes_item"])
    cursor.execute("SET LOCAL enable_seqscan = off")
    cursor.execute(
        f"INSERT INTO minutes_item ({columns}, search_vector, tags)"
        f" SELECT {columns}, {VECTOR_SQL}, {TAGS_SQL} FROM {STAGED_ITEMS} AS item"
    )
    cursor.execute("SET LOCAL enable_seqscan = on")
    cursor.execute(f"TRUNCATE {STAGED_ITEMS}")
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@contextmanager
def rebuilt_indexes_dropped() -> Iterator[None]:
    """Drop REBUILT_INDEXES for the block; build them again after.

    Maintaining an index row by row costs more than building it once from sorted
    entries. Inside the caller's transaction: if the block fails, the DROP rolls back too.
    The DROP holds an exclusive lock on the item table until the transaction ends.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(REBUILT_INDEXES)],
        )
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
        for _, definition in found:
            cursor.execute(definition)
        cursor.execute("RESET maintenance_work_mem")
