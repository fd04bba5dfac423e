"""`manage.py search_recall [WORD …]`: how many of the items holding a word in a compound or
an inflected form the search finds, exact and widened (devtools.bench.recall)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from devtools.bench.recall import RECALL_WORDS, word_recall


class Command(BaseCommand):
    help = "Mäter sökningens täckning av sammansättningar och böjda former mot texten."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("words", nargs="*", default=list(RECALL_WORDS))
        parser.add_argument(
            "--min-recall", type=float, default=0.95, help="Lägsta godtagna täckning."
        )

    def handle(self, *args, words: list[str], min_recall: float, **options) -> None:
        self.stdout.write(
            f"{'word':<10} {'substring':>9} {'reference':>9} {'exact':>13} {'widened':>13}"
            f" {'forms':>5}  exact first"
        )
        failed = []
        for word in words:
            r = word_recall(word)
            self.stdout.write(
                f"{r.word:<10} {r.substring:>9,} {r.reference:>9,}"
                f" {r.exact:>7,} {r.exact_recall:>5.3f} {r.widened:>7,} {r.widened_recall:>5.3f}"
                f" {r.forms:>5}  {'yes' if r.exact_first else 'NO'}"
            )
            if r.widened_recall < min_recall or not r.exact_first:
                failed.append(word)
        if failed:
            raise CommandError(f"under {min_recall} eller fel ordning: {', '.join(failed)}")
