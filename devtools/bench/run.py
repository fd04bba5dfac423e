"""One benchmark run against the database of the settings (the benchmark's own): build the
archive, measure everything, return the rows of the table."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client

from minutes.models import Meeting, Reservation
from minutes.selectors.browse import published_items
from minutes.services.bulk_load import BulkLoadStats

from . import latency, pages
from .build import Throughput, archive_build
from .calibration import POSTGRES_ROWS, PYTHON_ADDITIONS, Calibration, calibrate
from .peer import peer_measure
from .queries import BenchQuery, build_query_mix
from .report import Row, machine_rows, size_rows

DNR_KINDS = ("dnr", "dnr-prefix")
# A baseline query slower than this is stopped and counted at this time: the ratio is
# then a lower bound (it says so).
NAIVE_TIMEOUT_MS = 60_000
# Up to this size the baseline runs the whole mix.
NAIVE_FULL_MIX_ITEMS = 200_000


@dataclass(frozen=True)
class BenchOptions:
    """What to build and how long to measure."""

    items: int
    seed: int = 42
    jobs: int = 2
    sample: int = 40
    repeats: int = 3
    page_seconds: int = 10
    connections: int = 8
    reuse: bool = False
    build_only: bool = False
    search_only: bool = False


def _ms(figures: latency.Latency, cal: Calibration, *, p99: bool = True) -> str:
    """Median / p95 (/ p99) in ms, and the same in ‰ of the Python calibration (‰cal)."""
    points = [figures.median, figures.percentile(95)] + ([figures.percentile(99)] if p99 else [])
    ms = " / ".join(f"{p:.1f}" for p in points)
    relative = " / ".join(f"{cal.per_mille(p):.1f}" for p in points)
    return f"{ms} ms = {relative} ‰cal"


def _calibration_rows(cal: Calibration) -> list[Row]:
    return [
        Row(
            "machine",
            f"calibration: Python loop of {PYTHON_ADDITIONS:,} additions (1,000 ‰cal)",
            f"{cal.python_ms:,.0f} ms",
        ),
        Row(
            "machine",
            f"calibration: PostgreSQL sum of generate_series(1, {POSTGRES_ROWS:,})",
            f"{cal.postgres_ms:,.0f} ms = {cal.per_mille(cal.postgres_ms):,.0f} ‰cal",
        ),
    ]


def _peer_rows(mix: list[BenchQuery], options: BenchOptions, cal: Calibration, log) -> list[Row]:
    log("the same word queries in tantivy, alternating with this search …")
    with tempfile.TemporaryDirectory(prefix="bench-tantivy-") as scratch:
        peer = peer_measure(mix, repeats=options.repeats, scratch=Path(scratch))
    queries = len(peer.peer.samples) // options.repeats
    ratio = (
        f"{peer.project.median / peer.peer.median:,.1f}× / "
        f"{peer.project.percentile(95) / peer.peer.percentile(95):,.1f}×"
    )
    return [
        Row(
            "peer",
            f"tantivy index of {peer.documents:,} items (title, text; Swedish stemmer)",
            f"{peer.index_seconds:.1f} s",
        ),
        Row(
            "peer",
            f"this search, top 20 + count, median / p95 ({queries} queries without filters)",
            _ms(peer.project, cal, p99=False),
        ),
        Row("peer", "tantivy, top 20 + count, median / p95", _ms(peer.peer, cal, p99=False)),
        Row("peer", "this search ÷ tantivy (median, p95)", ratio),
    ]


def _naive_runner() -> Callable[[BenchQuery], None]:
    def run(query: BenchQuery) -> None:
        with suppress(OperationalError):  # statement_timeout: counted at the timeout
            latency.run_naive(query)

    return run


def _latency_rows(mix: list[BenchQuery], options: BenchOptions, cal: Calibration, log) -> list[Row]:
    log("latency in the database …")
    in_db = latency.measure("db", mix, latency.run_in_database, options.repeats)
    log("latency through the view …")
    view = latency.measure("view", mix, latency.run_through_view(Client()), options.repeats)
    dnr = [q for q in mix if q.kind in DNR_KINDS]
    dnr_lookup = latency.measure("dnr", dnr, latency.run_dnr_lookup, options.repeats)
    kinds = ", ".join(sorted({q.kind for q in mix}))
    rows = [
        Row("search", f"query mix ({len(mix)} queries: {kinds})", str(len(mix))),
        Row("search", "in database median / p95 / p99", _ms(in_db, cal)),
        *_where_time_goes(in_db, mix),
        Row("search", "through view median / p95 / p99", _ms(view, cal)),
        Row(
            "search",
            f"dnr lookups (case or prefix list) median / p95 ({len(dnr)} queries)",
            _ms(dnr_lookup, cal, p99=False),
        ),
    ]
    if options.search_only:
        return rows
    # The baseline reads every row's text: at a million items one query takes tens of
    # seconds, so large archives run it on one query of each kind (and compare it with
    # the full-text figures of the same queries).
    naive_mix = mix if options.items <= NAIVE_FULL_MIX_ITEMS else mix[:: len(mix) // 8]
    log(f"ILIKE baseline ({len(naive_mix)} queries) …")
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {NAIVE_TIMEOUT_MS}")
    naive = latency.measure("ilike", naive_mix, _naive_runner(), 1, warm_up=False)
    with connection.cursor() as cursor:
        cursor.execute("RESET statement_timeout")
    same = latency.measure("db-same", naive_mix, latency.run_in_database, options.repeats)
    capped = max(naive.samples) >= NAIVE_TIMEOUT_MS
    bound = "≥ " if capped else ""
    return [
        *rows,
        Row(
            "search",
            f"ILIKE baseline median / p95 / p99 ({len(naive_mix)} queries)",
            _ms(naive, cal),
        ),
        Row(
            "search",
            "ILIKE ÷ full text on the same queries (median, p95)",
            f"{bound}{naive.median / same.median:,.0f}× / "
            f"{bound}{naive.percentile(95) / same.percentile(95):,.0f}×",
        ),
    ]


# How many of the slowest queries in the database the table names.
SLOWEST_SHOWN = 5


def _where_time_goes(in_db: latency.Latency, mix: list[BenchQuery]) -> list[Row]:
    """The database latency by kind of query (medians) and the slowest queries, so a
    percentile can be traced to what the mix asked."""
    timed = latency.per_query(in_db, mix)
    by_kind: dict[str, list[float]] = {}
    for query, median in timed:
        by_kind.setdefault(query.kind, []).append(median)
    kinds = ", ".join(f"{kind} {statistics.median(ms):.1f}" for kind, ms in sorted(by_kind.items()))
    slowest = [
        Row("search", f"slowest in database: {query.path}", f"{median:.1f} ms")
        for query, median in timed[:SLOWEST_SHOWN]
    ]
    return [Row("search", "in database by kind (median ms)", kinds), *slowest]


def _import_rows(ordinary, stats) -> list[Row]:
    store_rate = stats.items / stats.store_seconds if stats.store_seconds else 0.0
    parse_share = stats.parse_cpu_seconds / (stats.seconds * max(os.cpu_count() or 1, 1))
    return [
        Row("import", "bulk load protocols / items", f"{stats.protocols:,} / {stats.items:,}"),
        Row(
            "import",
            "bulk parse+store protocols/s, items/s",
            f"{stats.protocols / stats.seconds:,.1f} / {stats.items_per_second:,.0f}",
        ),
        Row("import", "bulk store only (COPY, items with vectors) items/s", f"{store_rate:,.0f}"),
        Row("import", "bulk index build (GIN, covering)", f"{stats.index_seconds:.1f} s"),
        Row(
            "import",
            "bulk parser CPU (share of all cores × wall time)",
            f"{stats.parse_cpu_seconds:,.0f} s ({parse_share:.0%})",
        ),
        Row(
            "import",
            f"meeting_import parse+store protocols/s, items/s ({ordinary.protocols} protocols)",
            f"{ordinary.protocols_per_second:,.1f} / {ordinary.items_per_second:,.0f}",
        ),
    ]


def _page_paths(mix: list[BenchQuery]) -> dict[str, str]:
    meeting = Meeting.objects.published().select_related("committee__body").order_by("id").first()
    # A full item (with a reservation) where there is one, not a one-line notice.
    items = published_items().select_related("meeting__committee__body")
    reserved = Reservation.objects.order_by("-item_id").values_list("item_id", flat=True)[:1]
    item = items.filter(pk__in=list(reserved)).first() or items.order_by("-pk").first()
    common = next(q for q in mix if q.kind == "common")
    return {
        "start": "/",
        "search": common.path,
        "meeting": meeting.get_absolute_url(),
        "item": item.get_absolute_url(),
    }


def _page_rows(mix: list[BenchQuery], options: BenchOptions, cal: Calibration) -> list[Row]:
    figures = pages.measure_pages(
        _page_paths(mix), seconds=options.page_seconds, connections=options.connections
    )
    return [
        Row(
            "pages",
            f"{f.name} {f.url[:40]} rps / p99 / errors",
            f"{f.requests_per_second:,.0f} / {f.p99_ms:.1f} ms"
            f" = {cal.per_mille(f.p99_ms):.1f} ‰cal / {f.errors}",
        )
        for f in figures
    ]


def _build_or_reuse(options: BenchOptions, figures: Path, log) -> tuple[Throughput, BulkLoadStats]:
    """Build the archive and keep the import figures beside it, or read them back."""
    if options.reuse:
        saved = json.loads(figures.read_text())
        log(f"measuring the archive already built ({saved['stats']['items']:,} items) …")
        return Throughput(**saved["ordinary"]), BulkLoadStats(**saved["stats"])
    log(f"building an archive of about {options.items:,} items (files first, then the load) …")
    ordinary, stats = archive_build(
        items=options.items,
        seed=options.seed,
        jobs=options.jobs,
        sample=options.sample,
        scratch=figures.parent,
    )
    log(f"loaded {stats.items:,} items in {stats.seconds:.0f} s; building the query mix …")
    figures.write_text(json.dumps({"ordinary": asdict(ordinary), "stats": asdict(stats)}))
    return ordinary, stats


def bench_run(options: BenchOptions, log: Callable[[str], None], *, figures: Path) -> list[Row]:
    """Build the archive in the (empty, migrated) database, or reuse it; measure it.

    The import figures of the build are kept in `figures` (JSON), so `--reuse` can
    measure again after a change to the search without loading anew.
    """
    ordinary, stats = _build_or_reuse(options, figures, log)
    if options.build_only:
        return _import_rows(ordinary, stats)
    call_command("collectstatic", "--noinput", verbosity=0)
    mix = build_query_mix(seed=options.seed)
    log("calibration (a fixed workload in Python and in PostgreSQL) …")
    cal = calibrate()
    rows = machine_rows() + _calibration_rows(cal)
    rows.append(Row("archive", "protocols / items", f"{stats.protocols:,} / {stats.items:,}"))
    rows += _latency_rows(mix, options, cal, log)
    rows += _peer_rows(mix, options, cal, log)
    if options.search_only:
        return rows
    rows += _import_rows(ordinary, stats)
    log("pages under gunicorn + wrk …")
    rows += _page_rows(mix, options, cal)
    rows += size_rows(stats.items)
    return rows
