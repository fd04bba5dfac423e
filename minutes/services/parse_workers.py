"""Read and parse protocols in worker processes, in order, a bounded distance ahead.

Both importers feed on this: `import_minutes` stores each reading in a transaction of its
own, the bulk load stores them in batches. Parsing is pure Python and the slow part, so it
runs in worker processes while the caller writes to the database; only `ahead` sources are
in flight at a time, so memory stays flat for a backlog of any size.

The workers are forked, not spawned: a spawned worker would re-import the settings, which
start the embedded database. A forked worker inherits the caller's database sockets, and a
worker that outlived a killed import would keep its session, transaction and locks open on
the server. So each worker lets go of those sockets as it starts, and dies with its parent.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from django.db import connections

from minutes.parsing import ParsedProtocol, ParseError, parse_bytes, parse_text

# A protocol to read: a file (text, PDF or Word), or a file name and the text it holds.
Source = Path | tuple[str, str]

# prctl(2): the signal a process gets when the thread that forked it ends.
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Reading:
    """One source read: its name, bytes and their sha256, and the protocol or why not.

    The bytes travel with the reading so that what is stored is exactly what was parsed.
    """

    name: str
    data: bytes
    sha256: str
    parsed: ParsedProtocol | ParseError
    cpu_seconds: float


def source_read(source: Source) -> Reading:
    """Read and parse one source: the protocol or the error saying why not, never a raise."""
    started = time.process_time()
    name = str(source) if isinstance(source, Path) else source[0]
    data = b""
    try:
        if isinstance(source, Path):
            data = source.read_bytes()
            parsed = parse_bytes(data, source.name)
        else:
            data = source[1].encode("utf-8")
            parsed = parse_text(source[1])
    except OSError as error:
        parsed = ParseError(f"filen kunde inte läsas: {error.strerror or error}")
    except ParseError as error:
        parsed = error
    except Exception as error:
        # A parser bug costs one protocol, not the run; the exception itself may not
        # survive pickling back from a worker, its description does.
        parsed = ParseError(f"oväntat fel vid tolkningen: {type(error).__name__}: {error}")
    return Reading(
        name, data, hashlib.sha256(data).hexdigest(), parsed, time.process_time() - started
    )


@contextmanager
def parse_workers(
    sources: Iterable[Source], *, jobs: int, ahead: int = 32, chunk: int = 1
) -> Iterator[Iterator[tuple[Source, Reading]]]:
    """Each source with its reading, in input order, parsed by up to `jobs` processes.

    About `ahead` sources (whole chunks) are handed out beyond those the caller holds; a
    worker takes `chunk` at a time, fewer hand-overs when the caller's process is busy
    itself. The workers start on entering, so enter before starting threads of your own
    (fork copies only the calling thread), and end on leaving, however the block ends.
    With one job or a single source, everything is read here, without a worker.
    """
    pending = iter(sources)
    first = list(islice(pending, ahead))
    if jobs <= 1 or len(first) <= 1:
        yield ((source, source_read(source)) for source in chain(first, pending))
        return
    chunk = min(chunk, -(-len(first) // jobs))  # a short input: work for every job
    pool = ProcessPoolExecutor(
        min(jobs, -(-len(first) // chunk)),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_worker_start,
        initargs=(os.getpid(), _database_sockets()),
    )
    try:
        yield _in_order(pool, chain(first, pending), ahead=ahead, chunk=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    pool: ProcessPoolExecutor, sources: Iterator[Source], *, ahead: int, chunk: int
) -> Iterator[tuple[Source, Reading]]:
    """Hand out chunks while fewer than `ahead` sources are out; yield readings in order."""
    window: deque[tuple[list[Source], Future]] = deque()
    out = 0
    ready: Iterable[tuple[Source, Reading]] = ()
    while True:
        while out < ahead and (part := list(islice(sources, chunk))):
            window.append((part, pool.submit(_chunk_read, part)))
            out += len(part)
        yield from ready
        if not window:
            return
        part, future = window.popleft()
        ready = zip(part, future.result(), strict=True)
        out -= len(part)


def _chunk_read(sources: list[Source]) -> list[Reading]:
    """`source_read` of each source (in a worker)."""
    return [source_read(source) for source in sources]


def _database_sockets() -> tuple[int, ...]:
    """The file descriptors of this thread's open database connections."""
    return tuple(
        wrapper.connection.fileno()
        for wrapper in connections.all(initialized_only=True)
        if wrapper.connection is not None and not wrapper.connection.closed
    )


def _worker_start(parent: int, sockets: tuple[int, ...]) -> None:
    """In a new worker: die with `parent`, and hold none of its database sockets.

    A socket's descriptor is pointed at /dev/null rather than closed, so that nothing in
    the worker can reach the server through it, even a connection object that tries to
    say goodbye, and the number is not reused for a file the worker opens.
    """
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was asked for
    devnull = os.open(os.devnull, os.O_RDWR)
    for socket in sockets:
        os.dup2(devnull, socket)
    os.close(devnull)
