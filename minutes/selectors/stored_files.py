"""Reads of the stored files: which files under MEDIA_ROOT no database row names."""

from __future__ import annotations

import time
from pathlib import Path

from django.apps import apps
from django.db import models


def referenced_files() -> set[str]:
    """The storage names held by every file field of every installed model."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                )
    return names


def orphaned_files(*, root: Path, min_age_seconds: float) -> list[str]:
    """Files under `root` (their names relative to it) that no row references and that were
    last written at least `min_age_seconds` ago, sorted.

    The age spares the files of an import still running: it stores each file before the
    transaction that names it commits.
    """
    if not root.is_dir():
        return []
    referenced = referenced_files()
    newest = time.time() - min_age_seconds
    return sorted(
        name
        for path in root.rglob("*")
        if path.is_file()
        and not path.is_symlink()
        and (name := path.relative_to(root).as_posix()) not in referenced
        and path.stat().st_mtime <= newest
    )
