"""Write invented, realistic protocols for demos, tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from devtools.sample.generate import generate_protocols


class Command(BaseCommand):
    help = "Skriver N påhittade men realistiska protokoll (text och en andel PDF) till en mapp."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out_dir", type=Path)
        parser.add_argument("--protocols", type=int, default=100)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--pdf-share", type=float, default=0.2, help="andel som skrivs som PDF (0–1)"
        )

    def handle(self, *args, out_dir: Path, protocols: int, seed: int, pdf_share: float, **opts):
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = generate_protocols(protocols, seed, out_dir, pdf_share=pdf_share)
        self.stdout.write(f"{len(paths)} protokoll skrivna till {out_dir}")
