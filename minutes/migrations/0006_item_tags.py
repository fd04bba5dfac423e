"""Filter tags on each item (decision kinds, reservations, acting parties and persons) with a
GIN index: the filters were EXISTS and unions over reservations, yrkanden and decisions
joined back to their items (docs/performance.md).
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

# The tags as the archive defined them when this migration was written, for existing items:
# the SQL is the migration's own, so later changes to the app do not change it.
BACKFILL = """UPDATE minutes_item AS item SET tags = ARRAY(
    SELECT 'reserved' FROM minutes_reservation AS reservation
    WHERE reservation.item_id = item.id
    UNION
    SELECT tag FROM minutes_reservation AS reservation,
        LATERAL (VALUES ('person:' || reservation.person_id),
                        ('party:' || reservation.party_id),
                        ('reserved-by:' || reservation.party_id)) AS tags(tag)
    WHERE reservation.item_id = item.id AND tag IS NOT NULL
    UNION
    SELECT tag FROM minutes_yrkandeperson AS mover
    JOIN minutes_yrkande AS yrkande ON yrkande.id = mover.yrkande_id,
        LATERAL (VALUES ('person:' || mover.person_id),
                        ('party:' || mover.party_id)) AS tags(tag)
    WHERE yrkande.item_id = item.id AND tag IS NOT NULL
    UNION
    SELECT 'person:' || named.person_id FROM minutes_note_persons AS named
    JOIN minutes_note AS note ON note.id = named.note_id
    WHERE note.item_id = item.id
    UNION
    SELECT 'kind:' || decision.kind FROM minutes_decision AS decision
    WHERE decision.item_id = item.id
    ORDER BY 1)"""


class Migration(migrations.Migration):
    dependencies = [("minutes", "0005_item_phrase_vector")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="tags",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.TextField(), blank=True, default=list, editable=False, size=None
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="item",
            index=django.contrib.postgres.indexes.GinIndex(fields=["tags"], name="item_tags_gin"),
        ),
    ]
