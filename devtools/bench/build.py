"""Build the benchmark's archive: generated protocols written to files, the ordinary import
on a sample, the bulk load of the files."""

from __future__ import annotations

import math
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from django.apps import apps
from django.db import connection

from devtools.sample.generate import generate_protocol_texts
from minutes.parsing import parse_text
from minutes.services.bulk_load import BulkLoadStats, protocols_bulk_load
from minutes.services.importing import meeting_import
from minutes.services.resolve import ImportCache

# The generator writes about 12.7 § per protocol; asked for a little more than needed so
# the stream never runs dry before the items do.
_ITEMS_PER_PROTOCOL_LOW = 10
_WORLD_PROTOCOLS = 25_000


@dataclass(frozen=True)
class Throughput:
    """Protocols and items brought in, and the seconds it took (parse + store)."""

    protocols: int
    items: int
    seconds: float

    @property
    def protocols_per_second(self) -> float:
        return self.protocols / self.seconds if self.seconds else 0.0

    @property
    def items_per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


# The heading line of each generated § in every layout (`§ 12`, `§12`, `## § 12`, `**§ 12`);
# the kommun layout's list of contents (`- §18 …`) does not match.
_ITEM_HEADING_RE = re.compile(r"^(?:#+\s*|\*\*)?§\s?\d+", re.MULTILINE)


def _item_count(text: str) -> int:
    return len(_ITEM_HEADING_RE.findall(text))


def texts_for_items(items: int, seed: int) -> Iterator[tuple[str, str]]:
    """Generated (name, text) protocols until about `items` § have been yielded.

    The generator invents people with names unique across its world, and its name lists
    run out at about 100 bodies (~40,000 protocols); larger archives are several worlds,
    one per seed (`seed`, `seed + 1`, …). A meeting two worlds both hold is skipped by
    the bulk load as already stored, so the archive holds slightly fewer items.
    """
    produced, world = 0, 0
    while produced < items:
        wanted = min(math.ceil((items - produced) / _ITEMS_PER_PROTOCOL_LOW) + 1, _WORLD_PROTOCOLS)
        try:
            for name, text in generate_protocol_texts(wanted, seed + world):
                yield name, text
                produced += _item_count(text)
                if produced >= items:
                    return
        except ValueError:
            pass  # this world held fewer meetings than asked for: go on with the next
        world += 1


def archive_empty() -> None:
    """Remove every row of the app's tables (the benchmark database only)."""
    tables = [
        model._meta.db_table
        for model in apps.get_app_config("minutes").get_models(include_auto_created=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def ordinary_import(texts: list[tuple[str, str]]) -> Throughput:
    """Parse and `meeting_import` each text in turn (one process), as a clerk's upload does."""
    cache = ImportCache()
    items = 0
    started = time.perf_counter()
    for name, text in texts:
        data = text.encode("utf-8")
        result = meeting_import(parsed=parse_text(text), data=data, filename=name, cache=cache)
        items += result.meeting.items.count()
    return Throughput(len(texts), items, time.perf_counter() - started)


def protocol_files_write(items: int, seed: int, folder: Path) -> list[Path]:
    """Write the protocols of `texts_for_items` as files under `folder`, in load order.

    A thousand to a subfolder; each name starts with its place in the stream, since two
    generated worlds may name a protocol alike.
    """
    paths = []
    for index, (name, text) in enumerate(texts_for_items(items, seed)):
        path = folder / f"{index // 1000:04d}" / f"{index:07d}-{name}"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def archive_build(
    *, items: int, seed: int, jobs: int, sample: int, scratch: Path
) -> tuple[Throughput, BulkLoadStats]:
    """The ordinary import timed on `sample` protocols, then the archive bulk-loaded.

    The sample is imported into the empty benchmark database and removed again, so the
    figures do not depend on the size of what is already stored. The archive is loaded
    from files, as a backlog would be: the protocols are generated and written under
    `scratch` first (untimed), and removed after the load.
    """
    ordinary = ordinary_import(list(islice(texts_for_items(items, seed), sample)))
    archive_empty()
    scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=scratch, prefix="protocols-") as folder:
        paths = protocol_files_write(items, seed, Path(folder))
        stats = protocols_bulk_load(paths, jobs=jobs)
    return ordinary, stats
