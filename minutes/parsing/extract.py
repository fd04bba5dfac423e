"""Turn an uploaded file (PDF, DOCX or plain text) into the text the parser reads.

The kind is told by content, never by the file name: clerks upload `protokoll.pdf.txt` and
`scan.docx` alike. PDF pages are joined with a form feed, DOCX headings become markdown-bold
lines as in the markdown layouts, and every failure is a `ParseError` in Swedish.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import charset_normalizer
import pypdfium2
import pypdfium2.raw as pdfium_c

from .errors import NOT_READABLE, ParseError
from .extract_docx import DOCX_ERRORS, docx_text
from .limits import MAX_PDF_PAGES, check_text_length, megabytes_apart
from .records import ParseWarning
from .warning_codes import warn

__all__ = [
    "DOCX_ERRORS",
    "MAX_BYTES",
    "Extracted",
    "extract_bytes",
    "extract_text",
    "read_file",
]

MAX_BYTES = 50_000_000  # 50 MB: even a text PDF of hundreds of pages is only a few MB
PAGE_BREAK = "\f"
# UTF-16 without a byte order mark is told from the first bytes: Latin text has a NUL in
# at least this share of its high (LE) or low (BE) bytes.
UTF16_SNIFF_BYTES = 4096
UTF16_NUL_SHARE = 0.7
TAB_GAP_EM = 2.0  # a gap this many font sizes wide between two words is a table column
CELL_ALIGN_PT = 3.0  # a line starting this close to the value column above continues the table

Kind = Literal["pdf", "docx", "text"]

# Formats clerks upload by mistake, by their magic bytes, so the error names what they sent.
KNOWN_BINARIES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "en bild (PNG)"),
    (b"\xff\xd8\xff", "en bild (JPEG)"),
    (b"GIF8", "en bild (GIF)"),
    (b"II*\x00", "en bild (TIFF)"),
    (b"MM\x00*", "en bild (TIFF)"),
    # Word's own container: an old .doc, or a .docx saved with a password (encrypted inside)
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "ett äldre Word-dokument (.doc) eller ett lösenordsskyddat Office-dokument. "
        "Spara det som DOCX eller PDF utan lösenord",
    ),
    (b"{\\rtf", "ett RTF-dokument"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control bytes that never occur in a text file (tab, newlines, form feed and Ctrl-Z do).
CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])
HIGH_BYTES = bytes(range(0x80, 0x100))
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ufffe\uffff]")
MAX_CONTROL_RATIO = 0.01
MAX_HIGH_BYTE_RATIO = 0.3  # Swedish text in a legacy code page has a few % of åäö, not a third
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "cp850", "mac_roman")  # Windows, Unix, DOS, old Mac
NORDIC_LETTERS = frozenset("åäöÅÄÖéÉüÜæøÆØ")
COMMON_SYMBOLS = frozenset("§–—‘’“”…•°€½«»\xa0")

_pdfium_lock = threading.Lock()  # PDFium is not thread-safe; a threaded server may share it


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text of a file, its page count where the format has pages, and what was repaired."""

    text: str
    pages: int | None
    kind: Kind
    warnings: tuple[ParseWarning, ...] = ()


def extract_text(path: str | Path) -> Extracted:
    """Read the file at `path` and return its text; raise `ParseError` if it cannot be read."""
    return extract_bytes(read_file(path), Path(path).name)


def read_file(path: str | Path) -> bytes:
    """The bytes of the file at `path`, refusing a missing, unreadable or too large file."""
    path = Path(path)
    try:
        check_size(path.stat().st_size)
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ParseError(f"Filen {path.name} finns inte.") from error
    except IsADirectoryError as error:
        raise ParseError(f"{path.name} är en mapp, inte en fil.") from error
    except OSError as error:
        raise ParseError(f"Filen {path.name} kunde inte läsas ({error.strerror}).") from error


def extract_bytes(data: bytes, filename: str | None = None) -> Extracted:
    """Return the text of an uploaded file's bytes.

    The kind is told by content alone; `filename` is accepted so callers can pass what they
    have, and never decides how the bytes are read (clerks rename files).
    """
    check_size(len(data))
    if not data.strip():
        raise ParseError("Filen är tom.")
    if is_pdf(data):
        extracted = extract_pdf(data)
    elif data.startswith(b"PK\x03\x04"):
        extracted = Extracted(docx_text(data), None, "docx")
    else:
        extracted = extract_plain(data)
    check_text_length(len(extracted.text))
    text = unicodedata.normalize("NFC", extracted.text)
    if not text.strip():
        raise ParseError("Filen innehåller ingen text.")
    return Extracted(text, extracted.pages, extracted.kind, extracted.warnings)


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF: `%PDF-` first, or within 1 kB after binary junk (as PDF
    readers accept), but not a text that merely mentions `%PDF-`."""
    index = data.find(b"%PDF-", 0, 1024)
    if index < 0:
        return False
    junk = data[:index]
    return not junk.strip() or count_bytes(junk, CONTROL_BYTES) > 0


def check_size(size: int) -> None:
    """Refuse files over `MAX_BYTES`, naming the limit in megabytes."""
    if size > MAX_BYTES:
        shown, limit = megabytes_apart(size, MAX_BYTES)
        raise ParseError(f"Filen är för stor ({shown} MB). Största tillåtna storlek är {limit} MB.")


# --- PDF -----------------------------------------------------------------------------------


def extract_pdf(data: bytes) -> Extracted:
    """Read every page's text layer with PDFium, in content order, pages joined by a form feed."""
    with _pdfium_lock:
        document = open_pdf(data)
        try:
            page_count = len(document)
            check_page_count(page_count)
            texts = read_pdf_pages(document, page_count)
        finally:
            document.close()
    if page_count == 0:
        raise ParseError("PDF-filen har inga sidor.")
    broken = [number for number, text in enumerate(texts, 1) if text is None]
    if len(broken) == page_count:
        raise ParseError("PDF-filens sidor är skadade och kan inte läsas.")
    blank = [
        number for number, text in enumerate(texts, 1) if text is not None and not text.strip()
    ]
    if len(blank) + len(broken) == page_count:
        raise ParseError(
            "PDF-filen saknar textlager (inskannad?). Spara den med text, till exempel "
            "genom OCR (textigenkänning) eller genom att exportera den till PDF från "
            "ordbehandlaren, och ladda upp den igen."
        )
    warnings = []
    if broken:
        warnings.append(warn("pdf_pages_unreadable", pages=list_pages(broken)))
    if blank:
        warnings.append(warn("pdf_pages_blank", pages=list_pages(blank)))
    text = PAGE_BREAK.join(text or "" for text in texts)
    return Extracted(text, page_count, "pdf", tuple(warnings))


def check_page_count(count: int) -> None:
    """Refuse a PDF of more pages than any protocol (each page costs time to read)."""
    if count > MAX_PDF_PAGES:
        raise ParseError(
            f"PDF-filen har {count} sidor; högst {MAX_PDF_PAGES} sidor kan läsas som ett "
            "protokoll. Kontrollera att det är rätt fil."
        )


def read_pdf_pages(document: pypdfium2.PdfDocument, count: int) -> list[str | None]:
    """Each page's text (None: unreadable), refusing once the text passes the limit."""
    texts: list[str | None] = []
    length = 0
    for index in range(count):
        texts.append(read_pdf_page(document, index))
        length += len(texts[-1] or "") + 1
        check_text_length(length)
    return texts


def list_pages(numbers: list[int]) -> str:
    """Page numbers for a warning: `3, 7, 8`."""
    return ", ".join(str(number) for number in numbers)


def open_pdf(data: bytes) -> pypdfium2.PdfDocument:
    """Open PDF bytes with PDFium, turning its load errors into Swedish messages."""
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ParseError(
                "PDF-filen är lösenordsskyddad eller krypterad. Spara en kopia utan lösenord "
                "och ladda upp den igen."
            ) from error
        raise ParseError(
            "PDF-filen är skadad eller ofullständig och kan inte läsas. Spara eller exportera "
            "den på nytt och ladda upp den igen."
        ) from error


def read_pdf_page(document: pypdfium2.PdfDocument, index: int) -> str | None:
    """The text of one page, or None where PDFium cannot load the page or its text."""
    try:
        page = document[index]
    except pypdfium2.PdfiumError:
        return None
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            if len(text) != textpage.count_chars():  # characters beyond the BMP shift indexes
                return normalize_pdf_text(text)
            return restore_layout(textpage, text)
        finally:
            textpage.close()
    except pypdfium2.PdfiumError:
        return None
    finally:
        page.close()


# Where restore_layout looks: spaces (maybe a column gap) and line ends (PDF text).
_SPACE_OR_NEWLINE_RE = re.compile(r" |\r\n|\n")


def restore_layout(textpage: pypdfium2.PdfTextPage, text: str) -> str:
    """Give back the tabs of table-like headers and normalize PDFium's line ends and hyphens.

    PDFium joins separately placed cells (`Plats och tid` | `Skogsvik kl. 9`) with a space
    it generates; a wide gap there becomes a tab, as the text layouts print it. A line that
    starts under the value column of the line above (`Justerat av` | `Ordförande …` then
    `Justerande …`) gets a leading tab.
    """
    pieces: list[str] = []
    start = 0
    cell_lefts: list[float] = []  # where the value cells of the current line start
    above_lefts: list[float] = []
    raw, is_generated = textpage.raw, pdfium_c.FPDFText_IsGenerated
    for match in _SPACE_OR_NEWLINE_RE.finditer(text):
        index = match.start()
        if match.group() == " ":
            if not 0 < index < len(text) - 1 or not is_generated(raw, index):
                continue  # a space printed in the PDF, not one PDFium put between cells
            left = generated_gap_cell(textpage, text, index)
            if left is None:
                continue
            cell_lefts.append(left)
            pieces += [text[start:index], "\t"]
        else:
            pieces += [text[start:index], "\n"]
            above_lefts, cell_lefts = cell_lefts, []
            if above_lefts and starts_under(textpage, match.end(), above_lefts, len(text)):
                pieces.append("\t")
        start = match.end()
    pieces.append(text[start:])
    return normalize_pdf_text("".join(pieces))


def normalize_pdf_text(text: str) -> str:
    """PDFium ends lines with CRLF and marks a hyphen at a line break as U+0002."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")


def generated_gap_cell(textpage: pypdfium2.PdfTextPage, text: str, index: int) -> float | None:
    """The left edge of the next cell when the space at `index` stands for a column gap."""
    if index == 0 or index + 1 >= len(text) or not pdfium_c.FPDFText_IsGenerated(textpage, index):
        return None
    before = textpage.get_charbox(index - 1)
    after = textpage.get_charbox(index + 1)
    size = pdfium_c.FPDFText_GetFontSize(textpage, index - 1) or 10.0
    if after[0] - before[2] < TAB_GAP_EM * size:
        return None
    return after[0]


def starts_under(
    textpage: pypdfium2.PdfTextPage, index: int, lefts: list[float], length: int
) -> bool:
    """Whether the character at `index` starts where a value cell of the line above starts."""
    if index >= length:
        return False
    left = textpage.get_charbox(index)[0]
    return any(abs(left - cell) <= CELL_ALIGN_PT for cell in lefts)


# --- Text ----------------------------------------------------------------------------------


def extract_plain(data: bytes) -> Extracted:
    """Decode a text file: BOM first, then strict UTF-8, then a legacy code page with a warning."""
    for magic, what in KNOWN_BINARIES:
        if data.startswith(magic):
            raise ParseError(f"{NOT_READABLE}: den är {what}.")
    text, warnings = decode_text(data)
    if not looks_textual(text):
        raise ParseError(f"{NOT_READABLE}: den innehåller binära data.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Extracted(text, None, "text", tuple(warnings))


def decode_text(data: bytes) -> tuple[str, list[ParseWarning]]:
    """Decode by BOM, then as UTF-8, then as the legacy code page that fits best."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as error:
                raise ParseError(f"{NOT_READABLE}: textkodningen är trasig.") from error
    if (encoding := utf16_without_bom(data)) is not None:
        return data.decode(encoding, errors="replace"), [warn("text_not_utf8", encoding=encoding)]
    if count_bytes(data, CONTROL_BYTES) > MAX_CONTROL_RATIO * len(data):
        raise ParseError(f"{NOT_READABLE}: den innehåller binära data.")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass  # not UTF-8: a legacy code page is tried next
    if count_bytes(data, HIGH_BYTES) > MAX_HIGH_BYTE_RATIO * len(data):
        raise ParseError(f"{NOT_READABLE}: den innehåller binära data.")
    encoding = guess_legacy_encoding(data)
    text = data.decode(encoding, errors="replace")
    return text, [warn("text_not_utf8", encoding=encoding)]


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` for text saved as UTF-16 without a byte order mark (every
    other byte of Latin text is NUL), when it decodes cleanly; else None."""
    head = data[:UTF16_SNIFF_BYTES]
    if len(head) < 2 or b"\x00" not in head:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= UTF16_NUL_SHARE * len(zeros):
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if looks_textual(text[:UTF16_SNIFF_BYTES]):
                return encoding
    return None


def guess_legacy_encoding(data: bytes) -> str:
    """The Western code page under which the text reads most like Swedish.

    charset-normalizer misjudges short Swedish texts (cp1252 read as cp850), so the code pages
    clerks' tools write are scored by letters first; charset-normalizer decides only when no
    candidate yields Nordic letters.
    """
    scores = {
        encoding: swedish_score(data.decode(encoding, errors="replace"))
        for encoding in LEGACY_ENCODINGS
    }
    encoding = max(scores, key=lambda name: scores[name])  # ties keep the earlier, cp1252 first
    if scores[encoding] > 0:
        return encoding
    best = charset_normalizer.from_bytes(data).best()
    return best.encoding if best is not None else "cp1252"


def swedish_score(text: str) -> int:
    """Nordic letters count for a decoding; non-ASCII symbols and controls count against it."""
    score = 0
    for char in text:
        if char in NORDIC_LETTERS:
            score += 1
        elif char > "\x7f" and char not in COMMON_SYMBOLS and not is_latin_letter(char):
            score -= 3
    return score


def is_latin_letter(char: str) -> bool:
    """A letter of the Latin alphabets (up to Latin Extended-B), as a mis-decoding still gives."""
    return char.isalpha() and char < "\u0250"


def count_bytes(data: bytes, wanted: bytes) -> int:
    """How many bytes of `data` are among `wanted` (at C speed, for 50 MB files)."""
    return len(data) - len(data.translate(None, wanted))


def looks_textual(text: str) -> bool:
    """Whether decoded text has so few control characters that it is text, not binary."""
    return len(CONTROL_CHARS_RE.findall(text)) <= MAX_CONTROL_RATIO * len(text)
