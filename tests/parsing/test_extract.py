"""Extraction on real files: PDFs drawn with reportlab, DOCX written with python-docx, text
in the encodings clerks' tools save, and every way a file can be unreadable."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest

from minutes.parsing import extract, parse_bytes, parse_file
from minutes.parsing.errors import ParseError
from minutes.parsing.extract import Extracted, extract_bytes, extract_text
from minutes.parsing.records import Source
from tests.parsing.builders import (
    Bold,
    Heading,
    Table,
    build_columns_pdf,
    build_docx,
    build_encrypted_pdf,
    build_pdf,
    build_scanned_pdf,
)

PAGE_ONE = "Protokoll för Åkerbo miljönämnd\nSammanträdesdatum 2024-03-05"
PAGE_TWO = "§ 12 Yttrande över översiktsplan för Öjebyn\nNämnden beslutar\natt godkänna yttrandet."
PAGE_THREE = "Justerandens sign\nUtdragsbestyrkande"
HEADER_TABLE = (
    "Plats och tid\tFalkeby kommunhus, Sal Tärnan kl. 13:15-15:50\n"
    "Utsetts att justera\tMärta Öhrn (C)\n"
    "Justerat av\tOrdförande Åke Lind (S)\n"
    "\tJusterande Märta Öhrn (C)"
)


def lines(extracted: Extracted) -> list[str]:
    """The non-empty lines of an extraction, for order-sensitive asserts."""
    return [line for line in extracted.text.splitlines() if line.strip()]


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_pages_are_joined_by_form_feeds_in_order(tmp_path: Path) -> None:
    path = build_pdf([PAGE_ONE, PAGE_TWO, PAGE_THREE], tmp_path / "protokoll.pdf")

    extracted = extract_text(path)

    assert extracted.kind == "pdf"
    assert extracted.pages == 3
    assert extracted.text.split("\f") == [PAGE_ONE, PAGE_TWO, PAGE_THREE]
    assert extracted.warnings == ()


def test_pdf_keeps_a_tabbed_header_table_row_by_row(tmp_path: Path) -> None:
    # separately placed label and value cells come back as one line with a tab between them,
    # and a value cell under the value column above keeps its leading tab
    path = build_pdf(HEADER_TABLE, tmp_path / "header.pdf")

    assert extract_text(path).text == HEADER_TABLE


def test_pdf_reads_two_columns_column_by_column(tmp_path: Path) -> None:
    left = "\n".join(f"Vänster spalt rad {n} om äldreomsorg" for n in range(1, 11))
    right = "\n".join(f"Höger spalt rad {n} om skolskjutsar" for n in range(1, 11))
    path = build_columns_pdf([left, right], tmp_path / "spalter.pdf")

    assert lines(extract_text(path)) == left.splitlines() + right.splitlines()


def test_pdf_long_text_flows_onto_more_pages(tmp_path: Path) -> None:
    text = "\n".join(f"§ {n} Ärende om vägunderhåll i Ödeby, att-sats {n}" for n in range(1, 121))
    path = build_pdf(text, tmp_path / "lang.pdf")

    extracted = extract_text(path)

    assert extracted.pages == extracted.text.count("\f") + 1 >= 2
    assert lines(extracted) == [line for line in text.splitlines()]


def test_pdf_with_a_blank_page_is_read_with_a_warning(tmp_path: Path) -> None:
    path = build_pdf([PAGE_ONE, "", PAGE_TWO], tmp_path / "tom-sida.pdf")

    extracted = extract_text(path)

    assert extracted.text.split("\f") == [PAGE_ONE, "", PAGE_TWO]
    assert [(w.code, w.params) for w in extracted.warnings] == [("pdf_pages_blank", {"pages": "2"})]


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    # a permissions password restricts printing or copying, not reading
    path = build_encrypted_pdf(PAGE_TWO, tmp_path / "behorighet.pdf", user_password="")

    assert extract_text(path).text == PAGE_TWO


def test_pdf_is_detected_by_content_not_by_name(tmp_path: Path) -> None:
    path = build_pdf(PAGE_TWO, tmp_path / "protokoll.txt")

    assert extract_text(path).kind == "pdf"


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_paragraphs_headings_and_tables_in_document_order(tmp_path: Path) -> None:
    blocks = [
        Heading("Protokoll Åkerbo miljönämnd", level=1),
        Table((("Plats och tid", "Falkeby kommunhus kl. 13:15"), ("", "Justerande Märta Öhrn"))),
        Bold("§ 12 Yttrande över översiktsplan"),
        "Nämnden beslutar",
        "att godkänna yttrandet.",
        Heading("Beslutsunderlag", level=2),
        "Tjänsteskrivelse 2024-02-20",
    ]
    path = build_docx(blocks, tmp_path / "protokoll.docx")

    extracted = extract_text(path)

    assert extracted == Extracted(
        text="\n".join(
            [
                "**Protokoll Åkerbo miljönämnd**",  # Heading 1 style
                "Plats och tid\tFalkeby kommunhus kl. 13:15",  # table row: cells joined by tab
                "\tJusterande Märta Öhrn",  # empty first cell keeps its column
                "**§ 12 Yttrande över översiktsplan**",  # every run bold
                "Nämnden beslutar",
                "att godkänna yttrandet.",
                "**Beslutsunderlag**",  # Heading 2 style
                "Tjänsteskrivelse 2024-02-20",
            ]
        ),
        pages=None,
        kind="docx",
    )


def test_docx_partly_bold_paragraph_is_not_a_heading(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("att").bold = True
    paragraph.add_run(" anta planen för Öjebyn.")
    document.save(str(tmp_path / "delvis.docx"))

    assert extract_text(tmp_path / "delvis.docx").text == "att anta planen för Öjebyn."


def test_docx_list_items_are_bullets(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Nämnden beslutar")
    document.add_paragraph("att anta planen,", style="List Bullet")
    document.add_paragraph("att ge förvaltningen i uppdrag att återkomma.", style="List Bullet")
    document.save(str(tmp_path / "lista.docx"))

    assert extract_text(tmp_path / "lista.docx").text.splitlines() == [
        "Nämnden beslutar",
        "- att anta planen,",
        "- att ge förvaltningen i uppdrag att återkomma.",
    ]


# --- Text ----------------------------------------------------------------------------------

SWEDISH = "§ 3 Val av justerare\r\nNämnden beslutar\r\natt utse Åsa Örn (S) – justerare"
SWEDISH_LF = SWEDISH.replace("\r\n", "\n")
DOS_SWEDISH = SWEDISH.replace("–", "-")  # DOS and old Mac code pages have no en dash
DOS_SWEDISH_LF = DOS_SWEDISH.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("data", "text", "encodings"),
    [
        (SWEDISH.encode("utf-8"), SWEDISH_LF, ()),  # plain UTF-8
        (b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"), SWEDISH_LF, ()),  # UTF-8 BOM (Notepad)
        (SWEDISH.encode("utf-16"), SWEDISH_LF, ()),  # UTF-16 with BOM ("Unicode" in Notepad)
        (SWEDISH.encode("utf-16-be").join([b"\xfe\xff", b""]), SWEDISH_LF, ()),  # big-endian
        (SWEDISH.encode("cp1252"), SWEDISH_LF, ("cp1252",)),
        (
            DOS_SWEDISH.encode("cp850"),
            DOS_SWEDISH_LF,
            ("cp850",),
        ),
        (
            DOS_SWEDISH.encode("mac_roman"),
            DOS_SWEDISH_LF,
            ("mac_roman",),
        ),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-be-bom", "cp1252", "cp850", "mac-roman"],
)
def test_text_encodings(data: bytes, text: str, encodings: tuple[str, ...]) -> None:
    extracted = extract_bytes(data, "protokoll.txt")
    assert (extracted.text, extracted.pages, extracted.kind) == (text, None, "text")
    assert [w.params["encoding"] for w in extracted.warnings] == list(encodings)
    assert {w.code for w in extracted.warnings} <= {"text_not_utf8"}


def test_nul_bytes_that_are_not_utf16_are_refused_as_binary() -> None:
    # UTF-16 without a BOM is told by its NULs and read (below); other NULs are binary
    with pytest.raises(ParseError, match="binära data"):
        extract_bytes(bytes([0, 1, 2, 3, 0, 5, 0, 0x1B]) * 300)


def test_old_mac_line_ends_become_newlines() -> None:
    assert extract_bytes(b"Plats\rTid\r\nDatum").text == "Plats\nTid\nDatum"


def test_text_is_normalized_to_composed_letters() -> None:
    # macOS writes å as a + combining ring; matching "Nämnden" needs the composed form
    decomposed = "Na\u0308mnden beslutar att a\u030anyo pro\u0308va"

    assert extract_bytes(decomposed.encode("utf-8")).text == "Nämnden beslutar att ånyo pröva"


def test_markdown_with_form_feeds_and_tabs_is_kept_as_is() -> None:
    text = "**§ 70 Val av justerare**\n\nPlats och tid\tSal 3\f**att** utse Åke"

    assert extract_bytes(text.encode("utf-8")).text == text


# --- Errors --------------------------------------------------------------------------------


def zip_without_document() -> bytes:
    """A ZIP archive that is not a Word document."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bilaga.txt", "Hej")
    return buffer.getvalue()


def png_picture(tmp_path: Path) -> bytes:
    """A real PNG picture, as a phone photo of a protocol would be."""
    from PIL import Image

    Image.new("RGB", (40, 30), color=(200, 10, 10)).save(tmp_path / "bild.png")
    return (tmp_path / "bild.png").read_bytes()


def truncated_pdf(tmp_path: Path) -> bytes:
    """The first two thirds of a real PDF, as an interrupted download leaves it."""
    data = build_pdf([PAGE_ONE, PAGE_TWO], tmp_path / "hel.pdf").read_bytes()
    return data[: len(data) * 2 // 3]


def docx_with_plain_content_types(tmp_path: Path) -> bytes:
    """A real DOCX whose [Content_Types].xml lost its namespace (a broken Word export)."""
    data = build_docx(["Nämnden beslutar"], tmp_path / "hel.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = re.sub(rb' xmlns="[^"]*"', b"", content)
            target.writestr(info, content)
    return out.getvalue()


def truncated_docx(tmp_path: Path) -> bytes:
    """A real DOCX cut in half."""
    data = build_docx(["Nämnden beslutar"], tmp_path / "hel.docx").read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: b"", "Filen är tom"),  # zero bytes
        (lambda tmp: b" \r\n\t\n", "Filen är tom"),  # only whitespace
        (lambda tmp: bytes(range(256)) * 8, "inte en text, PDF eller DOCX"),  # binary garbage
        (png_picture, "bild \\(PNG\\)"),  # a photo instead of the protocol
        (
            lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            "äldre Word-dokument",
        ),  # .doc
        (
            lambda tmp: build_scanned_pdf(tmp / "skannad.pdf").read_bytes(),
            "saknar textlager \\(inskannad\\?\\)",
        ),  # pictures of pages only
        (
            lambda tmp: build_encrypted_pdf(PAGE_TWO, tmp / "lasad.pdf").read_bytes(),
            "lösenordsskyddad",
        ),  # an open password is required
        (truncated_pdf, "skadad eller ofullständig"),  # download cut short
        (lambda tmp: b"%PDF-1.7\n" + bytes(range(256)) * 4, "skadad"),  # PDF magic, no PDF
        (lambda tmp: zip_without_document(), "ZIP-fil"),  # a ZIP that is not a DOCX
        (truncated_docx, "skadad"),  # DOCX cut in half
        (docx_with_plain_content_types, "skadad"),  # python-docx raised AttributeError
        (lambda tmp: build_docx([""], tmp / "tom.docx").read_bytes(), "ingen text"),
    ],
    ids=[
        "empty",
        "whitespace",
        "garbage",
        "png",
        "doc",
        "scanned-pdf",
        "encrypted-pdf",
        "truncated-pdf",
        "fake-pdf",
        "zip",
        "truncated-docx",
        "docx-plain-content-types",
        "empty-docx",
    ],
)
def test_unreadable_files_raise_a_swedish_parse_error(make, message: str, tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=message):
        extract_bytes(make(tmp_path), "protokoll")


def test_too_big_file_names_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_BYTES", 2_000_000)
    path = tmp_path / "stor.txt"
    path.write_bytes(b"att bevilja anslaget\n" * 150_000)  # 3.15 MB

    with pytest.raises(ParseError, match=r"för stor \(3\.1 MB\).*Största tillåtna storlek är 2 MB"):
        extract_text(path)
    with pytest.raises(ParseError, match="för stor"):
        extract_bytes(path.read_bytes())


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("saknas.pdf", "Filen saknas.pdf finns inte"),  # wrong path
        (".", "är en mapp"),  # a folder given as the file
    ],
)
def test_unreadable_paths_raise_parse_error(name: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=message):
        extract_text(tmp_path / name)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"Bilagan skickades som %PDF-1.7 till kansliet.", "text"),  # a text naming the format
        (b"\x00" * 128, "pdf"),  # a MacBinary header before the PDF, which readers accept
        (b"\n\n", "pdf"),  # blank lines before the header
    ],
    ids=["text-mentions-pdf", "macbinary-prefix", "blank-prefix"],
)
def test_pdf_signature_is_recognised_only_where_readers_accept_it(
    data: bytes, kind: str, tmp_path: Path
) -> None:
    pdf = build_pdf(PAGE_TWO, tmp_path / "p.pdf").read_bytes()
    payload = data if kind == "text" else data + pdf

    assert extract_bytes(payload).kind == kind


def test_opendocument_text_is_named_in_the_error() -> None:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")

    with pytest.raises(ParseError, match=r"en OpenDocument-fil\. Spara protokollet som PDF"):
        extract_bytes(buffer.getvalue(), "protokoll.odt")


# --- parse_file / parse_bytes --------------------------------------------------------------


BASE_PROTOCOL = Path(__file__).resolve().parents[1] / "fixtures" / "protocols" / "robust_base.txt"


def test_parse_file_records_the_source_and_keeps_extraction_warnings(tmp_path: Path) -> None:
    text = BASE_PROTOCOL.read_text(encoding="utf-8")
    path = build_pdf([text, ""], tmp_path / "protokoll.pdf")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    protocol = parse_file(path)

    assert protocol.source == Source(filename="protokoll.pdf", sha256=digest, pages=3)
    assert (protocol.warnings[0].code, protocol.warnings[0].params) == (
        "pdf_pages_blank",
        {"pages": "3"},
    )


def test_parse_bytes_of_text_has_no_page_count() -> None:
    data = BASE_PROTOCOL.read_bytes()

    protocol = parse_bytes(data, "protokoll.txt")

    assert protocol.source == Source("protokoll.txt", hashlib.sha256(data).hexdigest(), None)


def test_parse_file_refuses_unreadable_files_with_parse_error(tmp_path: Path) -> None:
    path = build_scanned_pdf(tmp_path / "skannad.pdf")

    with pytest.raises(ParseError, match="saknar textlager"):
        parse_file(path)


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [
        (26_300_000, 25 * 1024 * 1024, ("26.3", "26.2")),  # 25 MiB: not "26 … 26"
        (1_500_100, 1_000_000, ("1.5", "1")),
        (50_000_001, 50_000_000, ("50.000001", "50")),  # one byte over still reads as more
    ],
)
def test_a_size_over_the_limit_reads_as_more_than_it(size, limit, expected) -> None:
    assert extract.megabytes_apart(size, limit) == expected


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(encoding: str) -> None:
    extracted = extract_bytes(SWEDISH.encode(encoding), "protokoll.txt")
    assert extracted.text == SWEDISH_LF
    assert [(w.code, w.params) for w in extracted.warnings] == [
        ("text_not_utf8", {"encoding": encoding})
    ]
