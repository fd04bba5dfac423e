"""A stored original protocol file as the public downloads it: its type told by content.

The archive accepts PDF, DOCX and text; the name a clerk gave the file says nothing (a
`.html` or `.svg` name on a text file must not make a browser render it). The type is
read from the first bytes as the parser tells formats apart, and anything else is served
as `application/octet-stream`.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from ..models import Meeting
from ..parsing import ParseError
from ..parsing.extract import extract_plain, is_pdf

SNIFF_BYTES = 64 * 1024
UNKNOWN_TYPE = "application/octet-stream"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The served type and the file name suffixes that fit it, per kind the parser reads.
TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "pdf": ("application/pdf", (".pdf",)),
    "docx": (DOCX_TYPE, (".docx",)),
    "text": ("text/plain", (".txt", ".md")),
}


@dataclass(frozen=True)
class Original:
    """An open original file with the type and the download name it is served with."""

    handle: BinaryIO
    content_type: str
    filename: str


def original_open(*, meeting: Meeting) -> Original | None:
    """The meeting's stored file, opened, with its verified type; None if it has none."""
    if not meeting.source_file:
        return None
    try:
        handle = meeting.source_file.open("rb")
    except FileNotFoundError:
        return None
    kind = file_kind(handle)
    name = meeting.source_filename or PurePath(meeting.source_file.name).name
    if kind is None:
        return Original(handle, UNKNOWN_TYPE, name)
    content_type, suffixes = TYPES[kind]
    if PurePath(name).suffix.lower() not in suffixes:
        name = f"{name}{suffixes[0]}"  # `bild.svg` read as text is saved as `bild.svg.txt`
    return Original(handle, content_type, name)


def file_kind(handle: BinaryIO) -> str | None:
    """`pdf`, `docx` or `text` by the file's content, or None; leaves `handle` at its start."""
    head = handle.read(SNIFF_BYTES)
    try:
        if is_pdf(head):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            return "docx" if _is_word_package(handle) else None
        extract_plain(head)
        return "text"
    except ParseError:
        return None
    finally:
        handle.seek(0)


def _is_word_package(handle: BinaryIO) -> bool:
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
