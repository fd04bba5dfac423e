"""Write a rendered protocol as a simple PDF with reportlab: one text page per PDF page.

Markdown markup (`**`, `###`) is not printed; lines that were wholly bold are set in bold,
as the PDF the text was once extracted from would have them. Output is byte-identical
across runs (reportlab's invariant mode).
"""

from __future__ import annotations

import re
import textwrap
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_MARGIN = 56
_SIZE = 10
_LEADING = 13
_WRAP = 95
_TAB_STOP = 150
# Whole-line bold or heading markup in the markdown layout.
_BOLD_LINE_RE = re.compile(r"^(?:\*\*(?P<bold>.+)\*\*|#{1,4} (?P<heading>.+))$")


@cache
def fonts() -> tuple[str, str]:
    """Regular and bold font names: DejaVu Sans where installed (å ä ö), else Helvetica."""
    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdfmetrics.registerFont(TTFont("SampleSans", str(regular)))
        pdfmetrics.registerFont(TTFont("SampleSans-Bold", str(bold)))
        return "SampleSans", "SampleSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def write_pdf(pages: list[str], path: Path) -> None:
    """Draw each page text on its own PDF page (overflowing onto more pages if long)."""
    regular, bold = fonts()
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    pdf.setTitle(path.stem)
    height = A4[1]
    for page in pages:
        y = height - _MARGIN
        for raw in page.split("\n"):
            font, line = _style(raw, regular, bold)
            for piece in textwrap.wrap(
                line, _WRAP, expand_tabs=False, replace_whitespace=False
            ) or [""]:
                if y < _MARGIN:
                    pdf.showPage()
                    y = height - _MARGIN
                _draw(pdf, piece, font, y)
                y -= _LEADING
        pdf.showPage()
    pdf.save()


def _style(line: str, regular: str, bold: str) -> tuple[str, str]:
    match = _BOLD_LINE_RE.match(line.strip())
    if match:
        text = match.group("bold") or match.group("heading")
        return bold, text.replace("**", "")
    return regular, line.replace("**", "").rstrip()


def _draw(pdf: canvas.Canvas, text: str, font: str, y: float) -> None:
    pdf.setFont(font, _SIZE)
    x = _MARGIN
    for cell in text.split("\t"):
        pdf.drawString(x, y, cell)
        x += max(_TAB_STOP, pdfmetrics.stringWidth(cell, font, _SIZE) + 12)
