"""Any input ends in a `ParsedProtocol` or a `ParseError`, never another exception.

Random bytes (bare, or behind a PDF or ZIP signature), damaged real PDF and DOCX files, and
an invented protocol mutated line by line: deleted, duplicated, shuffled and junk-inserted
lines, the way copy-paste, OCR and half-finished edits damage protocols.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pypdfium2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes.parsing import ParsedProtocol, ParseError, parse_bytes, parse_text, protocol_to_dict
from minutes.parsing.extract import DOCX_ERRORS, extract_bytes
from tests.parsing.builders import Bold, Table, build_docx, build_pdf

BASE = Path(__file__).resolve().parents[1] / "fixtures" / "protocols" / "robust_base.txt"
BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What extraction legitimately turns into a ParseError: the file itself is damaged.
EXTRACTION_CAUSES = (pypdfium2.PdfiumError, OSError, UnicodeError, *DOCX_ERRORS)

# Fragments of the genre, so junk lines look like the protocol parts the parser keys on.
JUNK_WORDS = (
    "§",
    "§ 41",
    "§§ 7-9",
    "§ 999999999999",
    "att",
    "**att**",
    "Beslut",
    "Dnr",
    "Dnr TN 2024/",
    "Tekniska nämnden beslutar",
    "föreslår",
    "reserverar sig",
    "yrkar bifall",
    "Votering",
    "Ja 12 Nej",
    "(S)",
    "()",
    "ordförande",
    "för",
    "Sammanträdesdatum",
    "2024-02-30",
    "2024-13-45",
    "kl. 25:99-08:00",
    "Plats och tid\t",
    "Justerandens sign",
    "Utdragsbestyrkande",
    "Sida 3(2)",
    "**",
    "##",
    "-",
    "\t",
    "\f",
    ":",
)
junk_line = st.one_of(
    st.lists(st.sampled_from(JUNK_WORDS), min_size=1, max_size=6).map(" ".join),
    st.text(max_size=60),
)


@cache
def base_lines() -> tuple[str, ...]:
    """The invented base protocol, one entry per line."""
    return tuple(BASE.read_text(encoding="utf-8").splitlines())


@st.composite
def mutated_protocol(draw: st.DrawFn) -> str:
    """The base protocol after a few random line deletions, duplications, swaps and insertions."""
    lines = list(base_lines())
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        operation = draw(st.sampled_from(("delete", "duplicate", "swap", "insert", "cut")))
        if not lines:
            lines.append(draw(junk_line))
            continue
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "insert":
            lines.insert(index, draw(junk_line))
        else:
            cut = draw(st.integers(min_value=0, max_value=len(lines[index])))
            lines[index] = lines[index][:cut]
    return "\n".join(lines)


def assert_result_or_parse_error(
    call, allowed_causes: tuple[type[BaseException], ...] = ()
) -> None:
    """Run `call`: a protocol must serialize to JSON; a ParseError must carry a message and
    must not stand for an unexpected error (an IndexError turned into a ParseError is a bug)."""
    try:
        protocol = call()
    except ParseError as error:
        assert str(error).strip(), "a ParseError must carry a message for the clerk"
        cause = error.__cause__
        assert cause is None or isinstance(cause, allowed_causes), f"internal error: {cause!r}"
        return
    assert isinstance(protocol, ParsedProtocol)
    json.dumps(protocol_to_dict(protocol))


def assert_file_bytes_read(data: bytes) -> None:
    """parse_bytes ends in a result or ParseError, and so does parsing whatever text extracts."""
    assert_result_or_parse_error(lambda: parse_bytes(data, "slump.bin"), EXTRACTION_CAUSES)
    try:
        extracted = extract_bytes(data)
    except ParseError:
        return
    assert_result_or_parse_error(lambda: parse_text(extracted.text))


def test_base_protocol_parses() -> None:
    # the unmutated base must be a protocol, or the mutations below test nothing
    assert isinstance(parse_text(BASE.read_text(encoding="utf-8")), ParsedProtocol)


@BOUNDED
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    assert_file_bytes_read(data)


@FEW
@given(st.sampled_from((b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe")), st.binary())
def test_random_bytes_behind_a_signature(signature: bytes, tail: bytes) -> None:
    assert_file_bytes_read(signature + tail)


@BOUNDED
@given(mutated_protocol())
def test_mutated_protocol_text(text: str) -> None:
    assert_result_or_parse_error(lambda: parse_text(text))


@cache
def base_files(tmp: str) -> tuple[bytes, bytes]:
    """The base protocol as a real PDF and a real DOCX (headings bold, header as a table)."""
    folder = Path(tmp)
    pdf = build_pdf("\n".join(base_lines()), folder / "bas.pdf").read_bytes()
    blocks: list[str | Bold | Table] = [
        Table((tuple(line.split("\t")),)) if "\t" in line else Bold(line) if "§" in line else line
        for line in base_lines()
    ]
    return pdf, build_docx(blocks, folder / "bas.docx").read_bytes()


@FEW
@given(
    kind=st.sampled_from((0, 1)),
    damage=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.binary(max_size=8)), max_size=4
    ),
    keep=st.floats(0.05, 1),
)
def test_damaged_pdf_and_docx(
    tmp_path_factory, kind: int, damage: list[tuple[float, bytes]], keep: float
) -> None:
    data = bytearray(base_files(str(tmp_path_factory.getbasetemp()))[kind])
    for where, replacement in damage:
        at = int(where * len(data))
        data[at : at + len(replacement)] = replacement
    assert_file_bytes_read(bytes(data[: max(1, int(len(data) * keep))]))
