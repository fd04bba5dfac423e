"""The bulk export: every public table as gzipped CSV and JSON Lines, with a README and a
schema, in a folder the `/data/` page lists (`export_data`, docs/api.md).

PostgreSQL writes the rows (`COPY … TO STDOUT`, streamed chunk by chunk into gzip), so
memory stays flat at any size. Every table is read in one snapshot, so the files agree
with each other even if a protocol is published meanwhile. The export is written into a
hidden temporary folder and renamed into place when complete: the page never lists half
an export, and the older exports are removed after it (the newest `keep` stay).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import connection, transaction

from ..selectors.data_files import (
    MANIFEST,
    README,
    SCHEMA,
    TEMPORARY_PREFIX,
    DataExport,
    DataFile,
    DataTableFiles,
    export_folders,
)
from ..selectors.data_tables import DATA_TABLES, DataTable, schema_sql
from .data_readme import readme_text

# Faster than gzip's default (9) for a few per cent more bytes.
_COMPRESS_LEVEL = 6
# A crashed run's temporary folder is removed by a later run after this long.
_STALE_SECONDS = 24 * 3600
# One row of JSON per line: CSV framing whose quote and delimiter characters never occur
# unescaped in JSON (control characters are \u-escaped), so each row goes out as it is.
_JSON_LINES = "FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02'"


@dataclass(frozen=True)
class ExportResult(DataExport):
    """The export `data_export` wrote, and how long it took."""

    seconds: float = 0.0


def _copy_gzipped(cursor, sql: str, path: Path) -> int:
    """Stream COPY's output into a gzip file; the number of rows copied."""
    with gzip.open(path, "wb", compresslevel=_COMPRESS_LEVEL) as out, cursor.copy(sql) as copy:
        for chunk in copy:
            out.write(chunk)
    return cursor.rowcount


def _table_write(cursor, table: DataTable, folder: Path) -> DataTableFiles:
    select = table.select_sql()
    csv_name, jsonl_name = f"{table.name}.csv.gz", f"{table.name}.jsonl.gz"
    rows = _copy_gzipped(
        cursor, f"COPY ({select}) TO STDOUT WITH (FORMAT csv, HEADER)", folder / csv_name
    )
    _copy_gzipped(
        cursor,
        f"COPY (SELECT row_to_json(r) FROM ({select}) r) TO STDOUT WITH ({_JSON_LINES})",
        folder / jsonl_name,
    )
    files = [
        DataFile(csv_name, "csv", (folder / csv_name).stat().st_size),
        DataFile(jsonl_name, "jsonl", (folder / jsonl_name).stat().st_size),
    ]
    return DataTableFiles(table.name, str(table.description), rows, files)


def _tables_write(folder: Path) -> list[DataTableFiles]:
    # Outside a transaction (the command), all tables are read in one read-only snapshot;
    # inside one (a test's), that transaction's own view is what there is to export.
    snapshot = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if snapshot:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return [_table_write(cursor, table, folder) for table in DATA_TABLES]


def _manifest(created_at: dt.datetime, tables: list[DataTableFiles]) -> dict:
    return {"created_at": created_at.isoformat(), "tables": [asdict(t) for t in tables]}


def _final_name(root: Path, created_at: dt.datetime) -> Path:
    stamp = created_at.strftime("%Y%m%dT%H%M%SZ")
    candidate, n = root / stamp, 1
    while candidate.exists():  # two runs within a second
        n += 1
        candidate = root / f"{stamp}-{n}"
    return candidate


def _old_exports_remove(root: Path, keep: int) -> None:
    for folder in export_folders(root)[keep:]:
        shutil.rmtree(folder, ignore_errors=True)
    for folder in root.glob(f"{TEMPORARY_PREFIX}*"):
        if time.time() - folder.stat().st_mtime > _STALE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def data_export(*, root: Path, keep: int = 2) -> ExportResult:
    """Write a complete export under `root` (a new folder named for its UTC time) and
    remove all but the newest `keep` exports."""
    started = time.perf_counter()
    created_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=root))
    try:
        tables = _tables_write(work)
        (work / SCHEMA).write_text(schema_sql(), encoding="utf-8")
        (work / README).write_text(readme_text(created_at, tables), encoding="utf-8")
        manifest = json.dumps(_manifest(created_at, tables), ensure_ascii=False, indent=1)
        (work / MANIFEST).write_text(manifest, encoding="utf-8")
        work.chmod(0o755)
        final = _final_name(root, created_at)
        os.rename(work, final)  # atomic: the folder appears complete or not at all
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _old_exports_remove(root, keep)
    return ExportResult(final, created_at, tables, seconds=time.perf_counter() - started)
