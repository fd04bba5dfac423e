"""What one protocol file may cost to read, beyond its size in bytes.

A file under the upload limit can still unpack or extract to far more than any protocol:
a DOCX is a ZIP whose XML can inflate a thousandfold, and the parser's time grows with the
text (about 2.5 s a million characters on an idle core). A protocol runs to some 1,700
characters a page (53,000 for the corpus's 32 pages), so these limits refuse only what is
no protocol, before it costs more than a few hundred megabytes or some seconds
(docs/performance.md has the figures).
"""

from __future__ import annotations

import math

from .errors import ParseError

MAX_TEXT_CHARS = 1_000_000  # the text the parser reads, of any kind of file: 600 pages
MAX_PDF_PAGES = 2_000
MAX_DOCX_PARAGRAPHS = 25_000  # python-docx reads about 4,000 a second
MAX_DOCX_RUNS = 100_000  # runs of text within them (Word splits a paragraph into several)
MAX_DOCX_UNPACKED_BYTES = 100_000_000  # all parts of a DOCX together, unpacked
MAX_DOCX_XML_BYTES = 20_000_000  # one XML part unpacked: some 200 MB as a tree at worst
MAX_DOCX_RATIO = 100  # Word's XML packs 5-20 times; a "zip bomb" thousands of times
DOCX_RATIO_FROM_BYTES = 1_000_000  # small parts pack however they like

__all__ = [
    "MAX_DOCX_PARAGRAPHS",
    "MAX_DOCX_RATIO",
    "MAX_DOCX_RUNS",
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_DOCX_XML_BYTES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "check_text_length",
    "megabytes_apart",
    "spaced",
]


def check_text_length(length: int) -> None:
    """Refuse a file whose text runs past `MAX_TEXT_CHARS` characters."""
    if length > MAX_TEXT_CHARS:
        raise ParseError(
            f"Filen innehåller för mycket text för ett protokoll: över {spaced(length)} "
            f"tecken, där högst {spaced(MAX_TEXT_CHARS)} kan läsas. Kontrollera att det är "
            "rätt fil."
        )


def spaced(number: int) -> str:
    """A number with its thousands apart, as Swedish prints them: `25 000`."""
    return f"{number:,}".replace(",", "\N{NO-BREAK SPACE}")


def megabytes_apart(size: int, limit: int) -> tuple[str, str]:
    """A size and the smaller limit it passes, in millions (megabytes, million characters),
    with as many decimals as tell them apart (`26.3` and `26.2`, never `26` and `26`): the
    limit rounded down, trailing zeros dropped (`1.5` and `1`)."""
    for decimals in range(1, 7):
        scale = 10**decimals
        shown = round(size / 1_000_000, decimals)
        under = math.floor(limit * scale / 1_000_000) / scale
        if shown > under:
            break
    return _plain(shown, decimals), _plain(under, decimals)


def _plain(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")
