"""Mail the followers of searches what is new: `manage.py send_alerts [--daily|--immediate]`.

A scheduler runs it (docker-compose's `alerts` service, every few minutes). Without a mode
each subscription is mailed as its follower chose: immediate ones every run, daily ones a
day after their last check. `--daily` and `--immediate` take only that kind, all of them.
Exits 1 when some address failed (logged; its matches wait for the next run).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alerts.services.sending import alerts_send


class Command(BaseCommand):
    help = "Skickar nya träffar till dem som bevakar sökningar."

    def add_arguments(self, parser: CommandParser) -> None:
        modes = parser.add_mutually_exclusive_group()
        modes.add_argument(
            "--daily",
            dest="mode",
            action="store_const",
            const="daily",
            help="Bara bevakningar som ska ha ett brev om dagen (alla).",
        )
        modes.add_argument(
            "--immediate",
            dest="mode",
            action="store_const",
            const="immediate",
            help="Bara bevakningar som ska ha brev direkt efter publicering.",
        )
        parser.set_defaults(mode="due")

    def handle(self, *args, mode: str, **options) -> None:
        report = alerts_send(mode=mode)
        self.stdout.write(
            f"Bevakningar: {report.checked} kontrollerade, {report.mailed} brev "
            f"med {report.matches} träffar, {report.failed} misslyckade."
        )
        if report.failed:
            raise CommandError(
                f"{report.failed} bevakningar kunde inte skickas (se loggen); "
                "de försöks igen vid nästa körning."
            )
