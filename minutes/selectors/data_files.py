"""Reads of the bulk export on disk (written by `services.data_export`): the newest
complete export and its files, for the `/data/` page and its downloads."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
README = "README.md"
SCHEMA = "schema.sql"
# An export being written; never listed (the finished one is renamed into place).
TEMPORARY_PREFIX = ".tmp-"


@dataclass(frozen=True)
class DataFile:
    """A downloadable file of the export."""

    name: str
    format: str
    bytes: int


@dataclass(frozen=True)
class DataTableFiles:
    """One exported table as the page lists it."""

    name: str
    description: str
    rows: int
    files: list[DataFile]


@dataclass(frozen=True)
class DataExport:
    """The newest complete export."""

    folder: Path
    created_at: dt.datetime
    tables: list[DataTableFiles]

    @property
    def bytes(self) -> int:
        """The size of the table files together."""
        return sum(f.bytes for table in self.tables for f in table.files)

    def path_of(self, name: str) -> Path | None:
        """The file `name` of this export if it is one of its files, else None."""
        names = {f.name for table in self.tables for f in table.files} | {README, SCHEMA, MANIFEST}
        return self.folder / name if name in names else None


def export_folders(root: Path) -> list[Path]:
    """The complete exports under `root`, newest first."""
    if not root.is_dir():
        return []
    folders = [
        p
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).is_file()
    ]
    return sorted(folders, key=lambda p: p.name, reverse=True)


def data_export_latest(*, root: Path) -> DataExport | None:
    """The newest complete export under `root`, or None when there is none."""
    for folder in export_folders(root):
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # removed or damaged meanwhile: the next older one will do
        tables = [
            DataTableFiles(
                name=table["name"],
                description=table.get("description", ""),
                rows=table["rows"],
                files=[DataFile(**f) for f in table["files"]],
            )
            for table in manifest["tables"]
        ]
        created_at = dt.datetime.fromisoformat(manifest["created_at"])
        return DataExport(folder=folder, created_at=created_at, tables=tables)
    return None
