"""List, and with `--delete` remove, files under MEDIA_ROOT that no database row references:
what a killed import or a replaced protocol left behind. `manage.py cleanup_files [--delete]`."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from minutes.selectors.stored_files import orphaned_files
from minutes.services.stored_files import orphaned_files_delete


class Command(BaseCommand):
    help = (
        "Listar filer under MEDIA_ROOT som ingen rad i databasen hänvisar till; "
        "tar bort dem med --delete."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--delete", action="store_true", help="Ta bort filerna (utan: lista dem bara)."
        )
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=24.0,
            help="Rör bara filer som är äldre än så (en pågående import kan skriva nya).",
        )

    def handle(self, *args, delete: bool, min_age_hours: float, **options) -> None:
        names = orphaned_files(root=Path(settings.MEDIA_ROOT), min_age_seconds=min_age_hours * 3600)
        for name in names:
            self.stdout.write(name)
        if delete:
            count = orphaned_files_delete(names=names)
            self.stdout.write(f"Borttagna: {count} filer utan rad i databasen.")
        else:
            self.stdout.write(
                f"Filer utan rad i databasen: {len(names)} (inget borttaget; "
                "kör med --delete för att ta bort dem)."
            )
