"""Build real PDF and DOCX files from invented text, so extraction is tested on files.

PDFs are drawn with reportlab the way office suites lay out protocols: lines of text, tab
stops drawn as separately placed cells (a header table), columns side by side. DOCX files
are written with python-docx. Nothing here is read from a seed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_SIZE = 10
LEADING = 14
MARGIN = 56
TAB_STOP = 170  # points from the left margin to the value column of a header table

__all__ = [
    "Bold",
    "Heading",
    "Table",
    "build_columns_pdf",
    "build_docx",
    "build_encrypted_pdf",
    "build_pdf",
    "build_scanned_pdf",
    "pdf_font",
]


def pdf_font() -> str:
    """The font PDFs are drawn in: DejaVu Sans where installed, else Helvetica (WinAnsi åäö)."""
    if DEJAVU.is_file():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
        return "DejaVuSans"
    return "Helvetica"


def _wrap(line: str, font: str, width: float) -> list[str]:
    """Split one text line into lines that fit `width`; keep an empty line empty."""
    return simpleSplit(line, font, FONT_SIZE, width) or [""]


def _draw_line(pdf: canvas.Canvas, line: str, x: float, y: float, font: str) -> None:
    """Draw a line; each tab moves the rest to the next tab stop, as a table cell would."""
    cells = line.split("\t")
    for column, cell in enumerate(cells):
        pdf.drawString(x + column * TAB_STOP, y, cell.strip() if column else cell)


def _draw_page_text(pdf: canvas.Canvas, text: str, font: str) -> None:
    """Draw one page's text top-down, starting a new page where it overflows."""
    width, height = A4
    y = height - MARGIN
    pdf.setFont(font, FONT_SIZE)
    for raw_line in text.split("\n"):
        lines = [raw_line] if "\t" in raw_line else _wrap(raw_line, font, width - 2 * MARGIN)
        for line in lines:
            if y < MARGIN:
                pdf.showPage()
                pdf.setFont(font, FONT_SIZE)
                y = height - MARGIN
            _draw_line(pdf, line, MARGIN, y, font)
            y -= LEADING


def build_pdf(text_or_pages: str | Sequence[str], path: str | Path) -> Path:
    """Write a text PDF: a string (pages split at form feeds) or one string per page.

    Long lines wrap and long pages flow onto further pages, as a word processor would.
    """
    pages = text_or_pages.split("\f") if isinstance(text_or_pages, str) else text_or_pages
    font = pdf_font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page_text in pages:
        _draw_page_text(pdf, page_text, font)
        pdf.showPage()
    pdf.save()
    return Path(path)


def build_columns_pdf(columns: Sequence[str], path: str | Path) -> Path:
    """Write a one-page PDF whose text stands in side-by-side columns, each wrapped in place."""
    font = pdf_font()
    width, height = A4
    gutter = 24
    column_width = (width - 2 * MARGIN - gutter * (len(columns) - 1)) / len(columns)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(font, FONT_SIZE)
    for index, column_text in enumerate(columns):
        x = MARGIN + index * (column_width + gutter)
        y = height - MARGIN
        for raw_line in column_text.split("\n"):
            for line in _wrap(raw_line, font, column_width):
                pdf.drawString(x, y, line)
                y -= LEADING
    pdf.showPage()
    pdf.save()
    return Path(path)


def build_scanned_pdf(path: str | Path, pages: int = 2) -> Path:
    """Write a PDF of page pictures only (as a scanner makes): no text layer at all."""
    picture = Image.new("L", (600, 850), color=255)
    pen = ImageDraw.Draw(picture)
    for row in range(60, 800, 24):
        pen.line((60, row, 540, row), fill=40, width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width, height)
        pdf.showPage()
    pdf.save()
    return Path(path)


def build_encrypted_pdf(
    text: str, path: str | Path, *, user_password: str = "hemligt", owner_password: str = "ägare"
) -> Path:
    """Write a text PDF encrypted with pypdf; an empty user password opens without asking."""
    from pypdf import PdfReader, PdfWriter  # dev-only dependency, used by tests alone

    plain = build_pdf(text, path).read_bytes()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    with open(path, "wb") as handle:
        writer.write(handle)
    return Path(path)


@dataclass(frozen=True)
class Heading:
    """A DOCX paragraph in the built-in `Heading N` style."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Bold:
    """A DOCX paragraph whose runs are all bold: how many clerks type a heading."""

    text: str


@dataclass(frozen=True)
class Table:
    """A DOCX table, one tuple of cell texts per row."""

    rows: tuple[tuple[str, ...], ...]


DocxBlock = str | Heading | Bold | Table


def build_docx(blocks: Sequence[DocxBlock], path: str | Path) -> Path:
    """Write a DOCX whose body holds the blocks in order: plain strings become paragraphs."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Bold):
            paragraph = document.add_paragraph()
            for word_index, word in enumerate(block.text.split(" ")):
                paragraph.add_run(("" if word_index == 0 else " ") + word).bold = True
        elif isinstance(block, Table):
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            for row, cells in zip(table.rows, block.rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value
        else:
            document.add_paragraph(block)
    document.save(str(path))
    return Path(path)
