"""Print the reading of a protocol file as the protocol JSON, or vet a whole folder."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutes.parsing import ParseError, parse_file, protocol_to_dict

PROTOCOL_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


class Command(BaseCommand):
    help = (
        "Läser ett protokoll och skriver ut tolkningen som JSON (format_version 1), "
        "utan att röra databasen. Med --check MAPP: en rad per fil."
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
        """Print one line per protocol file (§§, decisions, warnings, errors); return failures."""
        if not folder.is_dir():
            raise CommandError(f"{folder} är ingen mapp.")
        failed = 0
        for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in PROTOCOL_SUFFIXES):
            try:
                parsed = parse_file(path)
            except (ParseError, OSError) as error:
                failed += 1
                self.stdout.write(f"FEL  {path}: {error}")
                continue
            decisions = sum(len(item.decisions) for item in parsed.items)
            self.stdout.write(
                f"OK   {path}: {len(parsed.items)} §§, {decisions} beslut, "
                f"{len(parsed.warnings)} varningar, 0 fel"
            )
        return failed
