"""The words' GIN index also holds the tags: a word and a tag filter (`parti`, `typ`,
`person`, `reservation=ja`) are intersected while the index is read, instead of each
building a bitmap of all its items first. It serves words alone as the old index did."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("minutes", "0009_word_pairs_without_distinct")]

    operations = [
        migrations.AddIndex(
            model_name="item",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector", "tags"], name="item_vector_tags_gin"
            ),
        ),
        migrations.RemoveIndex(model_name="item", name="item_search_vector_gin"),
    ]
