"""Filter tags on each item (decision kinds, reservations, acting parties and persons) with a
GIN index: the filters were EXISTS and unions over reservations, yrkanden and decisions
joined back to their items; with a word, 74–255 ms at 400,000 items (docs/performance.md).
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

# The tags as the archive defines them (minutes.search_index), written for existing items.
from minutes.search_index import TAGS_SQL

BACKFILL = f"UPDATE minutes_item AS item SET tags = {TAGS_SQL}"


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
