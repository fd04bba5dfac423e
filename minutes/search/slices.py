"""The newest slice of the archive: the meeting date from which about a given share of the
items were held, read from PostgreSQL's own statistics of the column.

A word in some thousands of items has its newest matches found among the items of the
newest meetings only (minutes.search.query): the words' index and a date range of the
published items' date index (`item_published_date_idx`) are intersected before any row is
read. The slice is cut from the
planner's histogram of meeting dates, which ANALYZE keeps; items imported since are newer
than its last bound and only widen the slice.
"""

from __future__ import annotations

import datetime as dt
import math

from django.db import connection

from ..models import Item

# The histogram's bounds: each pair of neighbours holds about the same number of items.
_BOUNDS_SQL = """
SELECT histogram_bounds::text::date[] FROM pg_stats
WHERE schemaname = current_schema() AND tablename = %s AND attname = 'meeting_date'
"""


def newest_slice_start(share: float) -> dt.date | None:
    """The meeting date from which about the newest `share` (0–1) of the items were held,
    rounded to the earlier bound; None when that is every item or there are no statistics
    yet (a new archive, before its first ANALYZE)."""
    if share >= 1:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_BOUNDS_SQL, [Item._meta.db_table])
        row = cursor.fetchone()
    bounds = row[0] if row else None
    if not bounds:
        return None
    position = math.floor((1 - share) * (len(bounds) - 1))
    return bounds[position] if position > 0 else None
