"""Write the whole public archive as data: `manage.py export_data [DIR]`.

Every public table as gzipped CSV and JSON Lines with a README and a schema, into a new
folder under DIR (default: the setting DATA_EXPORT_ROOT), which the `/data/` page lists.
Run it from a scheduler (docker-compose's `export` service runs it nightly).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat

from minutes.services.data_export import data_export


class Command(BaseCommand):
    help = "Exporterar alla publicerade tabeller som gzippad CSV och JSON Lines för /data/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "folder",
            nargs="?",
            help="Mappen exporterna skrivs i (standard: inställningen DATA_EXPORT_ROOT).",
        )
        parser.add_argument(
            "--keep", type=int, default=2, help="Antal exporter som sparas (de nyaste)."
        )

    def handle(self, *args, folder: str | None, keep: int, **options) -> None:
        if keep < 1:
            raise CommandError("--keep måste vara minst 1.")
        root = Path(folder) if folder else Path(settings.DATA_EXPORT_ROOT)
        try:
            result = data_export(root=root, keep=keep)
        except OSError as error:
            raise CommandError(f"Kunde inte skriva exporten i {root}: {error}") from None
        for table in result.tables:
            self.stdout.write(f"{table.name}: {table.rows} rader")
        self.stdout.write(
            f"Exporten finns i {result.folder} ({filesizeformat(result.bytes)}, "
            f"{result.seconds:.1f} s)."
        )
