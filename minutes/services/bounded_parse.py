"""Parse one uploaded file in a child process held to a memory and a time limit.

The parser's own limits (`minutes.parsing.limits`) refuse what is plainly no protocol, but
PDFium inflates a PDF's streams where Python cannot count them: a 587 kB PDF grew a web
worker to 846 MB. So an upload is read in a forked child whose address space may grow by
`memory_bytes` at most and which is killed after `seconds`; the web worker itself never
grows, and a file that needs more is refused with a Swedish message. Like the import
workers (`parse_workers`), the child lets go of the database sockets and dies with its
parent.
"""

from __future__ import annotations

import faulthandler
import logging
import multiprocessing
import os
import resource
import sys
from multiprocessing.connection import Connection

from django.conf import settings

from minutes.parsing import ParsedProtocol, ParseError, parse_bytes

from .parse_workers import _database_sockets, _worker_start

logger = logging.getLogger(__name__)

TOO_BIG = (
    "Filen kräver mer minne än ett protokoll för att läsas och har inte lästs. Spara "
    "protokollet på nytt från ordbehandlaren (gärna som PDF) och ladda upp det igen."
)
PARSER_BUG = (
    "Filen kunde inte läsas på grund av ett oväntat fel vid tolkningen ({error}). "
    "Spara protokollet som PDF och försök igen, och berätta gärna för arkivets förvaltare."
)
TOO_SLOW = (
    "Filen tar för lång tid att läsa (mer än {seconds} sekunder) och har inte lästs. "
    "Spara protokollet på nytt från ordbehandlaren (gärna som PDF) och ladda upp det igen."
)


def parse_upload(data: bytes, filename: str | None) -> ParsedProtocol:
    """`parse_bounded` within the settings' limits for an upload
    (`UPLOAD_PARSE_MEMORY_BYTES`, `UPLOAD_PARSE_SECONDS`)."""
    return parse_bounded(
        data,
        filename,
        memory_bytes=settings.UPLOAD_PARSE_MEMORY_BYTES,
        seconds=settings.UPLOAD_PARSE_SECONDS,
    )


def parse_bounded(
    data: bytes, filename: str | None, *, memory_bytes: int, seconds: float
) -> ParsedProtocol:
    """`parse_bytes` in a child process that may grow by `memory_bytes` and run `seconds`;
    raise `ParseError` for an unreadable file and for one that needs more than that."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_parse_in_child,
        args=(sender, data, filename, memory_bytes, seconds, os.getpid(), _database_sockets()),
        daemon=True,
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise ParseError(TOO_SLOW.format(seconds=f"{seconds:g}"))
        kind, value = receiver.recv()
    except EOFError as error:  # the child died: out of memory, or killed by its limits
        raise ParseError(TOO_BIG) from error
    finally:
        child.kill()
        child.join()
        receiver.close()
    if kind == "error":
        raise ParseError(value)
    return value


def _parse_in_child(
    sender: Connection,
    data: bytes,
    filename: str | None,
    memory_bytes: int,
    seconds: float,
    parent: int,
    sockets: tuple[int, ...],
) -> None:
    """In the child: take the limits, parse, send the reading or the refusal back."""
    _worker_start(parent, sockets)
    faulthandler.disable()  # PDFium aborts at the memory limit: a refusal, not a crash to dump
    limit_growth(memory_bytes, seconds)
    try:
        outcome: tuple[str, object] = ("reading", parse_bytes(data, filename))
    except ParseError as error:
        outcome = ("error", str(error))
    except MemoryError:
        outcome = ("error", TOO_BIG)
    except Exception as error:
        # A parser bug refuses one file with a message, as an import does, and is logged.
        logger.exception("parsing upload %s failed", filename)
        outcome = ("error", PARSER_BUG.format(error=type(error).__name__))
    sender.send(outcome)
    sender.close()


def limit_growth(memory_bytes: int, seconds: float) -> None:
    """Let this process's address space grow by `memory_bytes` beyond what it has, and its
    CPU time run to `seconds` and a little (a backstop should the parent be gone)."""
    cpu = int(seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    if sys.platform == "linux":
        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (size + memory_bytes, size + memory_bytes))
