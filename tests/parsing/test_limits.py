"""Files that cost far more to read than their size: refused with a Swedish message before
they cost much, and Word documents of many styles read as before, once per style."""

from __future__ import annotations

import glob
import time
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from devtools.hostile_inputs import dense_docx, docx_bomb, lying_docx, styled_docx
from minutes.parsing import (
    FORMAT_VERSION,
    extract,
    extract_docx,
    limits,
    parse_bytes,
    parse_file,
    protocol_from_dict,
    protocol_to_dict,
)
from minutes.parsing.errors import ParseError
from minutes.parsing.extract import extract_bytes
from tests.parsing.builders import build_docx, build_pdf

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def test_a_docx_that_claims_a_gigabyte_is_refused_before_unpacking() -> None:
    data = docx_bomb(claimed=1_100_000_000)
    started = time.perf_counter()
    with pytest.raises(ParseError, match="packas upp till 1100 MB, mer än de 100 MB"):
        extract_bytes(data)
    assert time.perf_counter() - started < 1.0


def test_a_docx_part_that_packs_a_hundred_fold_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(extract_docx, "MAX_DOCX_UNPACKED_BYTES", 10**9)
    monkeypatch.setattr(extract_docx, "MAX_DOCX_XML_BYTES", 10**9)
    with pytest.raises(ParseError, match=r"delen word/document.xml packas upp till \d+ gånger"):
        extract_bytes(dense_docx(unpacked=5_000_000))


def test_one_xml_part_over_its_limit_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(extract_docx, "MAX_DOCX_RATIO", 10**6)
    with pytest.raises(ParseError, match=r"delen word/document\.xml packas upp till 25 MB"):
        extract_bytes(dense_docx(unpacked=25_000_000))


def test_a_docx_of_more_paragraphs_than_a_protocol_is_refused(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(extract_docx, "MAX_DOCX_PARAGRAPHS", 30)
    data = build_docx([f"§ {number} Ärende" for number in range(31)], tmp_path / "a.docx")
    with pytest.raises(ParseError, match="fler än 30 stycken"):
        extract_bytes(data.read_bytes())
    monkeypatch.setattr(extract_docx, "MAX_DOCX_PARAGRAPHS", 31)
    assert len(extract_bytes(data.read_bytes()).text.splitlines()) == 31


def test_a_text_longer_than_the_limit_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1_000)
    text = "Kommunstyrelsen\n" + "§ 1 Ärende\n" * 100
    with pytest.raises(ParseError, match="för mycket text för ett protokoll"):
        parse_bytes(text.encode())
    assert parse_bytes(text[:990].encode()).items


def test_a_pdf_of_more_pages_than_the_limit_is_refused(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(extract, "MAX_PDF_PAGES", 2)
    path = build_pdf(["Sida ett", "Sida två", "Sida tre"], tmp_path / "tre.pdf")
    with pytest.raises(ParseError, match="PDF-filen har 3 sidor; högst 2 sidor"):
        extract_bytes(path.read_bytes())


def test_styles_decide_headings_bold_and_lists_as_python_docx_says() -> None:
    lines = extract_bytes(styled_docx(paragraphs=60, styles=12)).text.splitlines()
    assert lines[0] == "- § 0 Ärende om verksamhet 0"  # List Bullet
    assert lines[7] == "**§ 7 Ärende om verksamhet 7**"  # style 7: "Rubrik egen 7"
    assert lines[5] == "**§ 5 Ärende om verksamhet 5**"  # style 5 is bold
    assert lines[6] == "§ 6 Ärende om verksamhet 6"  # a plain style, one plain run
    assert len(lines) == 60


def test_a_style_based_on_itself_is_read_once_round(tmp_path) -> None:
    document = docx.Document()
    first = document.styles.add_style("Egen A", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Egen B", WD_STYLE_TYPE.PARAGRAPH)
    first.base_style, second.base_style = second, first
    document.add_paragraph("Nämnden beslutar", style=first)
    document.save(str(tmp_path / "slinga.docx"))
    assert extract_bytes((tmp_path / "slinga.docx").read_bytes()).text == "Nämnden beslutar"


@pytest.mark.parametrize("path", sorted(glob.glob(str(CORPUS / "*" / "*.*[ft]"))))
def test_the_protocol_json_reads_back_into_the_same_reading(path: str) -> None:
    parsed = parse_file(path)
    assert protocol_from_dict(protocol_to_dict(parsed)) == parsed


def test_protocol_json_of_another_format_is_not_read_back() -> None:
    data = protocol_to_dict(parse_bytes("Kommunstyrelsen\n§ 1 Ärende\n".encode()))
    with pytest.raises(ValueError, match="format"):
        protocol_from_dict({**data, "format_version": FORMAT_VERSION - 1})
    with pytest.raises(ValueError, match="fit"):
        protocol_from_dict({**data, "items": [{"number": "ett"}]})


def test_a_docx_part_that_inflates_past_its_declared_size_is_refused() -> None:
    data = lying_docx(unpacked=50_000_000, claimed=100_000)
    started = time.perf_counter()
    with pytest.raises(ParseError, match=r"word/document\.xml är större än den uppger"):
        extract_bytes(data)
    assert time.perf_counter() - started < 1.0
