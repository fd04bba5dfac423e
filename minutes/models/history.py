"""The history of the clerks' changes to published data (django-simple-history).

Each tracked model gets a `history` of snapshots: who changed it, when, and the reason the
clerk gave (`history_change_reason`, free text, hence a text column).
"""

from django.db import models
from simple_history.models import HistoricalRecords


def change_history(*, excluded_fields: tuple[str, ...] = ()) -> HistoricalRecords:
    """A `history` for one model, leaving out what is derived from other columns."""
    return HistoricalRecords(
        excluded_fields=list(excluded_fields),
        history_change_reason_field=models.TextField(null=True),
        cascade_delete_history=False,
    )
