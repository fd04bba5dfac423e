"""Where the five real reference protocols live: `../shared/seeds` beside the checkout.

The project may not copy their text, so tests read them from there; a test whose seed is
missing fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` (`"000"`); a missing seed fails the test."""
    matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt")) if SEEDS_DIR.is_dir() else []
    if not matches:
        pytest.fail(f"seed {prefix} not present in {SEEDS_DIR}: check out ../shared beside")
    return matches[0]


def seed_text(prefix: str) -> str:
    """The text of one seed protocol."""
    return seed_path(prefix).read_text(encoding="utf-8")
