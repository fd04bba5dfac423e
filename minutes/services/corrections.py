"""A clerk's corrections in the admin: marked on the item so a re-import can keep them."""

from __future__ import annotations

from django.utils import timezone

from minutes.models import Item
from minutes.services.search_index import update_search_vectors
from minutes.services.vocabulary import vocabulary_add


def item_mark_corrected(*, item_id: int) -> None:
    """Record that a clerk corrected an item (or what is under it); refresh its search vector
    and add its words to the vocabulary.

    `meeting_import(keep_corrections=True)` keeps such items instead of the new reading.
    """
    Item.objects.filter(pk=item_id).update(corrected_at=timezone.now())
    update_search_vectors([item_id])
    vocabulary_add([item_id])
