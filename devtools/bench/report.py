"""The benchmark's one table: the machine, the archive's size on disk, and the printing."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured and the figures."""

    group: str
    label: str
    value: str


def machine_rows() -> list[Row]:
    """Cores, memory and the PostgreSQL version the figures were taken on."""
    memory_kb = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return [
        Row("machine", "cores", str(os.cpu_count())),
        Row("machine", "memory", f"{memory_kb / 1024 / 1024:.1f} GiB"),
        Row("machine", "PostgreSQL", version.split()[0]),
    ]


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


def size_rows(items: int) -> list[Row]:
    """Database size per item, the item table and every index of the search's tables."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        database = cursor.fetchone()[0]
        cursor.execute(
            "SELECT pg_table_size('minutes_item'), pg_indexes_size('minutes_item'),"
            " (SELECT sum(pg_indexes_size(c.oid)) FROM pg_class c"
            "  JOIN pg_namespace n ON n.oid = c.relnamespace"
            "  WHERE n.nspname = 'public' AND c.relkind = 'r')"
        )
        item_table, item_indexes, all_indexes = cursor.fetchone()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index"
            " WHERE indrelid = 'minutes_item'::regclass ORDER BY 2 DESC"
        )
        indexes = cursor.fetchall()
    rows = [
        Row("size", "database", _mb(database)),
        Row("size", "database per item", f"{database / max(items, 1):,.0f} B"),
        Row("size", "item table (with TOAST)", _mb(item_table)),
        Row("size", "all indexes", _mb(int(all_indexes or 0))),
        Row("size", "item indexes", _mb(item_indexes)),
    ]
    rows.extend(Row("size", f"index {name}", _mb(size)) for name, size in indexes)
    return rows


def table_format(rows: Iterable[Row]) -> str:
    """The rows as one plain-text table (Markdown-compatible), grouped as given."""
    rows = list(rows)
    widths = [
        max(len("group"), *(len(r.group) for r in rows)),
        max(len("measure"), *(len(r.label) for r in rows)),
        max(len("value"), *(len(r.value) for r in rows)),
    ]
    lines = [
        f"| {'group':<{widths[0]}} | {'measure':<{widths[1]}} | {'value':>{widths[2]}} |",
        f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 2)}|{'-' * (widths[2] + 1)}:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.group:<{widths[0]}} | {row.label:<{widths[1]}} | {row.value:>{widths[2]}} |"
        )
    return "\n".join(lines)
