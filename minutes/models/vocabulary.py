"""The archive's vocabulary: every lexeme the stored search vectors hold, with how many
items hold it. Search reads it to widen a word to its compounds and inflected forms
(minutes.search.expansion); the import keeps it current (minutes.services.vocabulary)."""

from __future__ import annotations

from django.contrib.postgres.indexes import OpClass
from django.db import models
from django.db.models.functions import Reverse


class Lexeme(models.Model):
    """One indexed lexeme (`skolskjuts`, `statsbidraget`) and its number of items.

    `items` is raised by each import and never lowered when items are replaced, so it is
    an upper bound between rebuilds (`manage.py rebuild_vocabulary`); search uses it only
    to prefer the more common of many compounds.
    """

    word = models.TextField(primary_key=True)
    items = models.IntegerField(default=0)

    class Meta:
        db_table = "minutes_lexeme"
        indexes = [
            # `reverse(word) LIKE 'stuj%'`: the words ending in a given one, as a range scan.
            models.Index(
                OpClass(Reverse("word"), name="text_pattern_ops"), name="lexeme_suffix_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.word
