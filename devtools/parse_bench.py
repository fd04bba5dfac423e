"""Time the parser on an invented 30-page protocol, as text and as a PDF, and the upload
path on inputs whose cost grows faster than their size.

    python -m devtools.parse_bench [--pages 30] [--runs 7] [--no-costly]

Prints, per input, the median extraction and parsing time and the time per page, and says
whether a protocol of that length parses well under a second. Then each costly input
(`devtools.hostile_inputs`) is read as an upload is (`services.bounded_parse`), once, in a
process of its own: the seconds to read or refuse it and the peak memory, which no upload
under the size limit should take past 10 s or 500 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from devtools import hostile_inputs
from minutes.parsing.document import parse_text
from minutes.parsing.extract import extract_text
from minutes.parsing.records import Source

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ITEMS_PER_PAGE = 2
WELL_UNDER_A_SECOND_MS = 500.0
# Bulk import wants parsing (extraction aside) under this per 30 pages.
PARSE_TARGET_MS_PER_30_PAGES = 100.0
# No upload under the size limit may take longer or more memory to read or refuse.
COSTLY_SECONDS, COSTLY_MB = 10.0, 500.0
COSTLY_TIMEOUT = 120.0  # a row still running then is stopped and shown as such
COSTLY_INPUTS = (
    ("8,000 § lines", "sections.txt", lambda: hostile_inputs.section_lines(8000)),
    ("5 MB text", "long.txt", lambda: hostile_inputs.long_text(5_000_000)),
    ("1 MB text (just under the limit)", "limit.txt", lambda: hostile_inputs.long_text(10**6)),
    ("DOCX 2,000 paragraphs, 164 styles", "styled.docx", hostile_inputs.styled_docx),
    ("DOCX claiming 1.1 GB", "bomb.docx", hostile_inputs.docx_bomb),
    ("DOCX of 150 MB tiny paragraphs", "dense.docx", hostile_inputs.dense_docx),
    ("DOCX part larger than it declares", "lying.docx", hostile_inputs.lying_docx),
    ("PDF stream inflating to 600 MB", "bomb.pdf", hostile_inputs.pdf_bomb),
)

HEADER = """PROTOKOLL
Sammanträdesdatum 2024-05-14
Omsorgsnämnden, Falkeby kommun
Plats och tid\tStadshuset, Sal Lärkan, kl. 09:00-16:30
Beslutande ledamöter
Ingrid Västberg (S), ordförande
Tomas Rydén (M), vice ordförande
Karin Ålund (C)
Elias Bergqvist (SD)
Sofia Nyhammar (V), tjänstgörande ersättare för Petter Holm (S)
Övriga närvarande
Lisa Malmgren, sekreterare
Utses att justera\tKarin Ålund (C)
Sekreterare\tLisa Malmgren
Ordförande\tIngrid Västberg
Justerande\tKarin Ålund"""

ITEM = """§ {n} Utredning om hemtjänst i Norrby, del {n}
Dnr ON 2024/{n:03d}
Ärendebeskrivning
Förvaltningen har utrett hur hemtjänsten i Norrby kan organiseras så att fler brukare
får träffa samma personal. Utredningen redovisar tre alternativ och deras kostnader.
Beslutsunderlag
Tjänsteskrivelse 2024-04-{day:02d}
Yrkanden
Tomas Rydén (M) yrkar avslag på förvaltningens förslag.
Ingrid Västberg (S) yrkar bifall till förvaltningens förslag.
Beslutsgång
Ordföranden ställer proposition och finner att nämnden bifaller förvaltningens förslag.
Omsorgsnämnden beslutar
att godkänna utredningen om hemtjänst i Norrby, del {n},
att uppdra åt förvaltningen att genomföra alternativ två från och med 2025, samt
att återrapportera till nämnden senast i december.
Reservation
Tomas Rydén (M) reserverar sig mot beslutet till förmån för eget yrkande.
Ordförandens sign\tJusterandens sign\tUtdragsbestyrkande"""


def invent_protocol(pages: int) -> list[str]:
    """An invented protocol, one string per page: the header, then two §§ a page."""
    texts = [HEADER]
    number = 101
    for _ in range(pages - 1):
        items = [ITEM.format(n=number + k, day=1 + (number + k) % 28) for k in range(2)]
        texts.append("\n".join(items))
        number += ITEMS_PER_PAGE
    return texts


def write_pdf(pages: list[str], path: Path) -> None:
    """Draw each page's lines on its own A4 page; tabs become separately placed cells."""
    font = "Helvetica"
    if DEJAVU.is_file():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
        font = "DejaVuSans"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        pdf.setFont(font, 10)
        y = A4[1] - 56
        for line in text.splitlines():
            for column, cell in enumerate(line.split("\t")):
                pdf.drawString(56 + 170 * column, y, cell)
            y -= 14
        pdf.showPage()
    pdf.save()


def median_ms(call: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path, runs: int) -> tuple[int, float, float]:
    """Pages, median extraction ms and median parsing ms of one file."""
    extracted = extract_text(path)
    source = Source(filename=path.name, pages=extracted.pages)
    extract_ms = median_ms(lambda: extract_text(path), runs)
    parse_ms = median_ms(lambda: parse_text(extracted.text, source=source), runs)
    return extracted.pages or extracted.text.count("\f") + 1, extract_ms, parse_ms


def main(argv: list[str] | None = None) -> None:
    """Build the invented protocol as text and PDF, time both, print the table and verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--no-costly", dest="costly", action="store_false", help="skip the costly inputs"
    )
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # one costly row
    args = parser.parse_args(argv)
    if args.read:
        read_as_upload(args.read)
        return
    pages = invent_protocol(max(args.pages, 2))
    with tempfile.TemporaryDirectory() as folder:
        text_path, pdf_path = Path(folder, "protokoll.txt"), Path(folder, "protokoll.pdf")
        text_path.write_text("\f".join(pages), encoding="utf-8")
        write_pdf(pages, pdf_path)
        rows = [
            (name, *measure(path, args.runs))
            for name, path in (("text", text_path), ("pdf", pdf_path))
        ]
    print(
        f"{'input':<6} {'pages':>5} {'total ms':>9} {'ms/page':>8} {'extract ms':>11} "
        f"{'parse ms':>9}   (median of {args.runs} runs)"
    )
    for name, count, extract_ms, parse_ms in rows:
        total = extract_ms + parse_ms
        print(
            f"{name:<6} {count:>5} {total:>9.1f} {total / count:>8.2f} {extract_ms:>11.1f} "
            f"{parse_ms:>9.1f}"
        )
    worst = max(extract_ms + parse_ms for _, _, extract_ms, parse_ms in rows)
    verdict = "well under a second" if worst < WELL_UNDER_A_SECOND_MS else "NOT well under a second"
    print(
        f"A {len(pages)}-page protocol parses in at most {worst:.0f} ms: {verdict} "
        f"(threshold {WELL_UNDER_A_SECOND_MS:.0f} ms)."
    )
    per_30 = max(parse_ms * 30 / count for _, count, _, parse_ms in rows)
    target = "meets" if per_30 < PARSE_TARGET_MS_PER_30_PAGES else "MISSES"
    print(
        f"Parsing takes {per_30:.0f} ms per 30 pages: {target} the bulk-import target "
        f"({PARSE_TARGET_MS_PER_30_PAGES:.0f} ms)."
    )
    if args.costly:
        print()
        print_costly()


def print_costly() -> None:
    """Read each costly input as an upload, in a process of its own; print the table."""
    print(
        f"{'costly input (read as an upload)':<34} {'file kB':>8} {'seconds':>8} {'peak MB':>8}"
        "   outcome"
    )
    worst_seconds = worst_mb = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for label, name, build in COSTLY_INPUTS:
            path = Path(folder, name)
            path.write_bytes(build())
            seconds, peak_mb, outcome = read_in_own_process(path)
            worst_seconds, worst_mb = max(worst_seconds, seconds), max(worst_mb, peak_mb)
            print(
                f"{label:<34} {path.stat().st_size / 1000:>8.0f} {seconds:>8.2f} "
                f"{peak_mb:>8.0f}   {outcome}"
            )
    verdict = "within" if worst_seconds < COSTLY_SECONDS and worst_mb < COSTLY_MB else "NOT within"
    print(
        f"The costliest took {worst_seconds:.1f} s and {worst_mb:.0f} MB: {verdict} "
        f"{COSTLY_SECONDS:.0f} s and {COSTLY_MB:.0f} MB."
    )


def read_in_own_process(path: Path) -> tuple[float, float, str]:
    """Seconds, peak memory (MB, the process and the child it reads in) and the outcome
    of reading `path` as an upload in a fresh process (`--read`)."""
    command = [sys.executable, "-m", "devtools.parse_bench", "--read", str(path)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    stopped = threading.Event()
    timer = threading.Timer(COSTLY_TIMEOUT, lambda: (stopped.set(), process.kill()))
    timer.start()
    output = process.stdout.read() if process.stdout else ""
    timer.cancel()
    # Reaped here, not by Popen: wait4's usage covers the process and the children it
    # waited for (the child the upload is read in).
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    if stopped.is_set():
        output = f"still running after {COSTLY_TIMEOUT:.0f} s: stopped"
    lines = output.strip().splitlines()
    outcome = lines[-1] if lines else "no output"
    seconds = time.perf_counter() - started
    if lines and lines[0].startswith("seconds "):
        seconds = float(lines[0].split()[1])
    return seconds, usage.ru_maxrss / 1024, outcome


def read_as_upload(path: Path) -> None:
    """Read one file as the upload form does and print the seconds and the outcome."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()

    from minutes.parsing import ParseError
    from minutes.services.bounded_parse import parse_upload

    data = path.read_bytes()
    started = time.perf_counter()
    try:
        parsed = parse_upload(data, path.name)
        outcome = f"read: {len(parsed.items)} §§"
    except ParseError as error:
        outcome = f"refused: {str(error)[:70]}…"
    print(f"seconds {time.perf_counter() - started:.3f}")
    print(outcome)


if __name__ == "__main__":
    main()
