"""Writes to the stored files: removing those no database row references."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.storage import default_storage


def orphaned_files_delete(*, names: Iterable[str]) -> int:
    """Delete these storage names (found by `selectors.stored_files.orphaned_files`); return
    how many were deleted."""
    deleted = 0
    for name in names:
        default_storage.delete(name)
        deleted += 1
    return deleted
