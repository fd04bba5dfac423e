"""Fill an empty archive with generated protocols, so a newcomer sees a living archive."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from devtools.sample.generate import generate_protocols
from minutes.models import Meeting


class Command(BaseCommand):
    help = "Läser in genererade exempelprotokoll om arkivet är tomt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--protocols", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, protocols: int, seed: int, **options) -> None:
        if Meeting.objects.exists():
            self.stdout.write("Arkivet har redan protokoll; inga exempel läses in.")
            return
        out_dir = settings.VAR_DIR / "sample"
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = generate_protocols(protocols, seed, out_dir)
        self.stdout.write(f"{len(paths)} exempelprotokoll genererade i {out_dir}; läser in …")
        call_command("import_minutes", str(out_dir), stdout=self.stdout, stderr=self.stderr)
