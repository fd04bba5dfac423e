"""Recompute every item's stored search vector: `manage.py rebuild_search`.

Needed after the weights or the text configuration in `minutes.services.search_index` change, or
after rows were written around the import service. Works in batches of items, each in its
own short transaction, so a large archive is not locked by one huge UPDATE; then the
search vocabulary (minutes.services.vocabulary) is recounted from the new vectors.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from tqdm import tqdm

from minutes.models import Item
from minutes.services.search_index import update_search_vectors
from minutes.services.vocabulary import vocabulary_rebuild


class Command(BaseCommand):
    help = "Beräknar om sökindexet (sökvektorn) för alla paragrafer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="Paragrafer per transaktion."
        )

    def handle(self, *args, batch_size: int, **options) -> None:
        batch_size = max(batch_size, 1)
        updated, last = 0, 0
        with tqdm(total=Item.objects.count(), unit="paragrafer", disable=None) as progress:
            # Keyset pagination: memory stays flat however many items the archive holds.
            while batch := list(
                Item.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch_size]
            ):
                with transaction.atomic():
                    updated += update_search_vectors(batch)
                last = batch[-1]
                progress.update(len(batch))
        with transaction.atomic():
            vocabulary_rebuild()  # the lexemes change with the vectors
        self.stdout.write(f"Sökindexet omräknat för {updated} paragrafer.")
