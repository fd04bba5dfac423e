"""Read a file into a `ParsedProtocol`: extract its text, note where it came from, parse."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from .document import parse_text
from .extract import extract_bytes, read_file
from .records import ParsedProtocol, Source

__all__ = ["parse_bytes", "parse_file"]


def parse_file(path: str | Path) -> ParsedProtocol:
    """Parse the protocol file at `path` (PDF, DOCX or text); raise `ParseError` if unreadable."""
    return parse_bytes(read_file(path), Path(path).name)


def parse_bytes(data: bytes, filename: str | None = None) -> ParsedProtocol:
    """Parse an uploaded file's bytes; the source records `filename`, sha256 and page count."""
    extracted = extract_bytes(data, filename)
    source = Source(
        filename=filename, sha256=hashlib.sha256(data).hexdigest(), pages=extracted.pages
    )
    protocol = parse_text(extracted.text, source=source)
    if not extracted.warnings:
        return protocol
    return dataclasses.replace(protocol, warnings=(*extracted.warnings, *protocol.warnings))
