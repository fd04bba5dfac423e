"""The parties acting on each item (reservations, yrkanden), stored on the item with a GIN
index: the party filter was a union of reservations and yrkanden joined back to their
items, 74 ms with a word at 400,000 items (docs/performance.md)."""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

BACKFILL = """
UPDATE minutes_item AS item SET parties = ARRAY(
    SELECT reservation.party_id FROM minutes_reservation AS reservation
    WHERE reservation.item_id = item.id AND reservation.party_id IS NOT NULL
    UNION
    SELECT mover.party_id FROM minutes_yrkandeperson AS mover
    JOIN minutes_yrkande AS yrkande ON yrkande.id = mover.yrkande_id
    WHERE yrkande.item_id = item.id AND mover.party_id IS NOT NULL
    ORDER BY 1)
WHERE EXISTS (SELECT 1 FROM minutes_reservation r WHERE r.item_id = item.id)
   OR EXISTS (SELECT 1 FROM minutes_yrkande y WHERE y.item_id = item.id)
"""


class Migration(migrations.Migration):
    dependencies = [("minutes", "0005_item_phrase_vector")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="parties",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.BigIntegerField(),
                blank=True,
                default=list,
                editable=False,
                size=None,
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="item",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["parties"], name="item_parties_gin"
            ),
        ),
    ]
