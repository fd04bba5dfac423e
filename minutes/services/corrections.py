"""A clerk's corrections in the admin: marked on the item or meeting so a re-import keeps
them, and dated on the meeting so its cached public page is drawn anew.

What changed, who changed it and why is django-simple-history's (`Model.history`); these
marks say only that something was corrected.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Model
from django.db.models.functions import Now
from django.utils.translation import gettext as _

from minutes.models import Item, Meeting
from minutes.services.search_index import update_search_vectors
from minutes.services.vocabulary import vocabulary_add


def item_mark_corrected(*, item_id: int) -> None:
    """Record that a clerk corrected an item (or what is under it); refresh its search vector
    and add its words to the vocabulary.

    `meeting_import` keeps such items instead of the new reading (unless told otherwise).
    """
    Item.objects.filter(pk=item_id).update(corrected_at=Now())
    Meeting.objects.filter(items__pk=item_id).update(corrected_at=Now())
    update_search_vectors([item_id])
    vocabulary_add([item_id])


def meeting_mark_corrected(*, meeting_id: int, fields: Iterable[str]) -> None:
    """Record that a clerk corrected these fields of a meeting ("attendances" for its
    attendance list), so a replacing import keeps them."""
    names = set(fields)
    if not names:
        return
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().only("corrected_fields").get(pk=meeting_id)
        corrected = sorted(names.union(meeting.corrected_fields))
        Meeting.objects.filter(pk=meeting_id).update(corrected_fields=corrected, corrected_at=Now())


def history_baseline(*, objects: Iterable[Model]) -> None:
    """Snapshot each stored row that has no history yet (an import writes its rows in bulk,
    unrecorded), as it is in the database, so a clerk's first change has a "before"."""
    for obj in objects:
        model = type(obj)
        if obj.pk is None or not hasattr(model, "history"):
            continue
        if model.history.filter(**{model._meta.pk.attname: obj.pk}).exists():
            continue
        stored = model._default_manager.filter(pk=obj.pk).first()
        if stored is not None:
            model.history.bulk_history_create(
                [stored], default_change_reason=_("Inläst från protokollet.")
            )
