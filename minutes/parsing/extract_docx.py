"""The text of a Word document (DOCX): paragraphs and table rows in body order.

Headings and all-bold paragraphs become markdown-bold lines as in the markdown layouts,
numbered and bulleted paragraphs `- ` lines. What a style says (a heading's name, its
boldness, its numbering through the chain of base styles) is resolved once per style id and
document: python-docx looks a style up by scanning every style of the document, which cost
10 ms a paragraph in a document of 164 styles. The package is checked before python-docx
unpacks it, so that a small file cannot inflate to gigabytes of XML ("zip bomb").
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError, XPathError

from .errors import NOT_READABLE, ParseError
from .limits import (
    DOCX_RATIO_FROM_BYTES,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_RATIO,
    MAX_DOCX_RUNS,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_DOCX_XML_BYTES,
    megabytes_apart,
    spaced,
)

__all__ = ["DOCX_ERRORS", "docx_text"]

# What reading a damaged DOCX raises, from the ZIP layer up to python-docx.
DOCX_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,  # corrupt deflate data in a member
    EOFError,  # a member's compressed data ends early
    NotImplementedError,  # a compression method zipfile lacks
    RuntimeError,  # zipfile: a password-protected member
    OpcError,  # python-docx: not an Office package
    PythonDocxError,  # python-docx: invalid XML values
    KeyError,  # python-docx: a missing part or relationship
    XMLSyntaxError,  # malformed XML
    XPathError,  # a style id that python-docx cannot look up (quotes in it)
    ValueError,  # the main part is not a Word document (content type)
)
BROKEN = "DOCX-filen är skadad och kan inte läsas."
LOCAL_HEADER_BYTES = 30  # a ZIP part's fixed local header, before its name and extra field
INFLATE_CHUNK = 1 << 20
HEADING_NAMES = ("heading", "rubrik", "title")  # English and Swedish Word


def docx_text(data: bytes) -> str:
    """Read a Word document's paragraphs and tables in body order, one line each."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked_size(archive)
            check_sizes_hold(data, archive)
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except DOCX_ERRORS as error:
        raise ParseError("Filen ser ut som en ZIP/DOCX-fil men är skadad.") from error
    if "word/document.xml" not in names:
        what = "en OpenDocument" if mimetype.startswith(b"application/vnd.oasis") else "en ZIP"
        raise ParseError(
            f"{NOT_READABLE}: den är {what}-fil. Spara protokollet som PDF eller DOCX."
        )
    try:
        # python-docx trips over malformed package parts with AttributeError too (an
        # unnamespaced [Content_Types].xml): caught here, around the opening only.
        document = docx.Document(io.BytesIO(data))
    except (*DOCX_ERRORS, AttributeError) as error:
        raise ParseError(BROKEN) from error
    try:
        body = document.element.body
        if body is not None:
            check_paragraph_count(body)
        reader = BodyReader(document, StyleFacts(document.part))
        lines = reader.lines(body) if body is not None else []
    except DOCX_ERRORS as error:
        raise ParseError(BROKEN) from error
    return "\n".join(lines)


def check_unpacked_size(archive: zipfile.ZipFile) -> None:
    """Refuse a ZIP that would unpack to far more than any protocol, judged by the sizes
    its directory declares (`check_sizes_hold` sees that they hold): the whole, each XML
    part (parsed into a tree of ten times its size), and each part's packing ratio."""
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise_too_large(total, MAX_DOCX_UNPACKED_BYTES)
    for info in members:
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_DOCX_XML_BYTES:
            raise_too_large(info.file_size, MAX_DOCX_XML_BYTES, info.filename)
        if info.file_size > DOCX_RATIO_FROM_BYTES and (
            info.file_size > MAX_DOCX_RATIO * max(info.compress_size, 1)
        ):
            raise ParseError(
                f"DOCX-filen kan inte läsas: delen {info.filename} packas upp till "
                f"{info.file_size // max(info.compress_size, 1)} gånger sin packade storlek, "
                f"mer än ett Word-dokument någonsin gör (högst {MAX_DOCX_RATIO} gånger). "
                "Spara protokollet på nytt från ordbehandlaren eller som PDF."
            )


def check_sizes_hold(data: bytes, archive: zipfile.ZipFile) -> None:
    """Refuse a ZIP whose parts inflate to more than they declare: zipfile cuts a part at
    its declared size only after inflating all of it, so a part that claims a kilobyte
    could still take gigabytes. Each part is inflated here a megabyte at a time."""
    for info in archive.infolist():
        if info.compress_type == zipfile.ZIP_STORED:
            continue
        if info.compress_type != zipfile.ZIP_DEFLATED:  # Word writes nothing else
            raise ParseError(BROKEN)
        if inflated_size(member_data(data, info), info.file_size) > info.file_size:
            raise ParseError(f"{BROKEN} Delen {info.filename} är större än den uppger.")


def member_data(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The packed bytes of one part, after its local header (name and extra field)."""
    if data[info.header_offset : info.header_offset + 4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"no local header for {info.filename}")
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + LOCAL_HEADER_BYTES + name_length + extra_length
    return memoryview(data)[start : start + info.compress_size]


def inflated_size(packed: memoryview, limit: int) -> int:
    """How many bytes raw deflate data inflates to, counted no further than past `limit`."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, pending = 0, packed
    while not inflater.eof:
        out = inflater.decompress(pending, INFLATE_CHUNK)
        if not out and not pending:
            break
        size += len(out)
        if size > limit:
            break
        pending = inflater.unconsumed_tail
    return size


def raise_too_large(size: int, limit: int, part: str | None = None) -> None:
    """Refuse a DOCX whose unpacked size (of `part`, or the whole) passes `limit`."""
    shown, most = megabytes_apart(size, limit)
    what = f"delen {part}" if part else "filen"
    raise ParseError(
        f"DOCX-filen kan inte läsas: {what} packas upp till {shown} MB, mer än de {most} MB "
        "som ett protokoll får ta. Spara protokollet på nytt från ordbehandlaren eller som PDF."
    )


def check_paragraph_count(body) -> None:
    """Refuse a body of more paragraphs or runs than any protocol before reading one of
    them: python-docx spends a fraction of a millisecond on each."""
    paragraph, counts = qn("w:p"), {qn("w:p"): 0, qn("w:r"): 0}
    for element in body.iter(*counts):
        counts[element.tag] += 1
    if counts[paragraph] > MAX_DOCX_PARAGRAPHS or counts[qn("w:r")] > MAX_DOCX_RUNS:
        raise ParseError(
            f"DOCX-filen har fler än {spaced(MAX_DOCX_PARAGRAPHS)} stycken eller "
            f"{spaced(MAX_DOCX_RUNS)} textavsnitt, långt fler än ett protokoll. Kontrollera "
            "att det är rätt fil."
        )


@dataclass(frozen=True, slots=True)
class ParagraphFacts:
    """What a paragraph style says: a heading, bold, numbered (None: the chain is silent)."""

    heading: bool = False
    bold: bool | None = None
    numbered: bool | None = None


class StyleFacts:
    """A document's styles as the extraction asks about them, resolved once per style id."""

    def __init__(self, part) -> None:
        self._part = part
        self._paragraph: dict[str | None, ParagraphFacts] = {}
        self._character_bold: dict[str | None, bool | None] = {}

    def paragraph(self, style_id: str | None) -> ParagraphFacts:
        """The facts of a paragraph style (None: the document's default paragraph style)."""
        if style_id not in self._paragraph:
            style = self._part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
            self._paragraph[style_id] = paragraph_facts(style)
        return self._paragraph[style_id]

    def character_bold(self, style_id: str | None) -> bool | None:
        """Whether a character style (None: the default one) sets bold, if it says."""
        if style_id not in self._character_bold:
            style = self._part.get_style(style_id, WD_STYLE_TYPE.CHARACTER)
            self._character_bold[style_id] = style.font.bold if style is not None else None
        return self._character_bold[style_id]


def paragraph_facts(style: BaseStyle | None) -> ParagraphFacts:
    """A paragraph style's heading name, boldness and numbering through its base styles."""
    if style is None:
        return ParagraphFacts()
    return ParagraphFacts(
        heading=(style.name or "").lower().startswith(HEADING_NAMES),
        bold=style.font.bold,
        numbered=style_numbering(style),
    )


def style_numbering(style: BaseStyle | None) -> bool | None:
    """Whether the first style in the chain that speaks of numbering switches it on; None
    when none does. A chain that loops back is followed once round."""
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        numbered = numbering_of(style.element.pPr)
        if numbered is not None:
            return numbered
        style = style.base_style
    return None


def numbering_of(ppr) -> bool | None:
    """Whether paragraph properties switch numbering on (numId 0 switches a style's off);
    None when they say nothing of it."""
    if ppr is None or ppr.numPr is None:
        return None
    number = ppr.numPr.numId
    return number is None or number.val != 0


class BodyReader:
    """The lines of a document body, with the document's styles at hand."""

    def __init__(self, parent, styles: StyleFacts) -> None:
        self.parent = parent  # the python-docx document the body's proxies hang from
        self.styles = styles

    def lines(self, container) -> list[str]:
        """One text line per paragraph and per table row, descending into content controls."""
        lines: list[str] = []
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                lines.append(self.paragraph_line(Paragraph(child, self.parent)))
            elif child.tag == qn("w:tbl"):
                lines += table_lines(Table(child, self.parent))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    lines += self.lines(content)
        return lines

    def paragraph_line(self, paragraph: Paragraph) -> str:
        """A paragraph's text; headings and all-bold paragraphs as `**…**`, list items as
        `- …`."""
        text = paragraph.text.strip()
        if not text:
            return ""
        facts = self.styles.paragraph(paragraph._p.style)
        if facts.heading or self.is_all_bold(paragraph, facts):
            return f"**{text}**"
        own = numbering_of(paragraph._p.pPr)
        if own if own is not None else facts.numbered:
            return f"- {text}"
        return text

    def is_all_bold(self, paragraph: Paragraph, facts: ParagraphFacts) -> bool:
        """Whether every run with text is bold, directly, by its character style or by the
        paragraph style."""
        runs = [run for run in paragraph.runs if run.text.strip()]
        return bool(runs) and all(self.run_bold(run, facts.bold) for run in runs)

    def run_bold(self, run, paragraph_style_bold: bool | None) -> bool:
        """A run's effective boldness, as far as direct formatting and styles tell."""
        if run.bold is not None:
            return run.bold
        character_bold = self.styles.character_bold(run._r.style)
        if character_bold is not None:
            return character_bold
        return bool(paragraph_style_bold)


def table_lines(table: Table) -> list[str]:
    """Each row as its cells' texts joined by a tab; a merged cell counts once."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        lines.append("\t".join(cells).rstrip("\t"))
    return lines
