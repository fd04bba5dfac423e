"""Recount the search vocabulary from the stored vectors: `manage.py rebuild_vocabulary`.

The imports keep it current but only ever raise its counts (minutes.services.vocabulary);
run this after many protocols were replaced, or after `rebuild_search`. About 2 s per
100,000 items, in one transaction.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from minutes.services.vocabulary import vocabulary_rebuild


class Command(BaseCommand):
    help = "Räknar om sökordförrådet (ord och sammansättningar) från sökindexet."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            words = vocabulary_rebuild()
        self.stdout.write(f"Sökordförrådet omräknat: {words} ord.")
