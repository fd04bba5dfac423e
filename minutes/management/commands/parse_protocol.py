"""Print the reading of a protocol file as the protocol JSON, or vet a whole folder."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutes.parsing import ParsedProtocol, ParseError, parse_file, protocol_to_dict
from minutes.quality_texts import gap_texts, summary

PROTOCOL_SUFFIXES = {".txt", ".pdf", ".docx"}  # what clerks upload; notes (.md) are not read
VERDICT_WIDTH = len("GRANSKA ")


class Command(BaseCommand):
    help = (
        "Läser ett protokoll och skriver ut tolkningen som JSON (format_version 2), "
        "utan att röra databasen. Med --check MAPP: en rad per fil, OK eller GRANSKA med "
        "vad som hittades mot vad texten visar och skälen att granska."
    )
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="protokollfil (PDF, DOCX, text)")
        parser.add_argument("--check", metavar="MAPP", help="granska alla protokoll i en mapp")

    def handle(self, *args, file: str | None, check: str | None, **options) -> None:
        if check:
            failed = self.check_folder(Path(check))
            if failed:
                raise SystemExit(2)
            return
        if not file:
            raise CommandError("Ange en fil eller --check MAPP.")
        try:
            parsed = parse_file(Path(file))
        except (ParseError, OSError) as error:
            self.stderr.write(f"{file}: {error}")
            raise SystemExit(2) from error
        self.stdout.write(json.dumps(protocol_to_dict(parsed), ensure_ascii=False, indent=2))

    def check_folder(self, folder: Path) -> int:
        """Print one line per protocol file: `OK` or `GRANSKA` with the quality report's
        figures and, for `GRANSKA`, its reasons; `FEL` for a file that cannot be read.
        Return the number of unreadable files."""
        if not folder.is_dir():
            raise CommandError(f"{folder} är ingen mapp.")
        failed = 0
        for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in PROTOCOL_SUFFIXES):
            try:
                parsed = parse_file(path)
            except (ParseError, OSError) as error:
                failed += 1
                self.stdout.write(f"{'FEL':<{VERDICT_WIDTH}}{path}: {error}")
                continue
            self.stdout.write(check_line(path, parsed))
        return failed


def check_line(path: Path, parsed: ParsedProtocol) -> str:
    """`OK      path: figures`, or `GRANSKA path: figures — reasons`."""
    quality = parsed.quality
    if quality is None:  # a reading made without its quality report
        return f"{'OK':<{VERDICT_WIDTH}}{path}: {len(parsed.items)} §§"
    line = f"{quality.verdict:<{VERDICT_WIDTH}}{path}: {summary(quality, len(parsed.warnings))}"
    reasons = gap_texts(quality)
    return f"{line} — {' '.join(reasons)}" if reasons else line
