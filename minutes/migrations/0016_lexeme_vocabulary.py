"""The vocabulary of the stored search vectors (minutes.models.vocabulary.Lexeme), filled
from the items already stored: search widens a word to the compounds and inflected forms
it lists (`skjuts` → skolskjuts, `bidrag` → statsbidrag). About 2 s per 100,000 items."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations, models

# ts_stat counts each lexeme's items in one pass over the vectors, in C.
FILL_SQL = """
INSERT INTO minutes_lexeme (word, items)
SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM minutes_item')
"""


class Migration(migrations.Migration):
    dependencies = [("minutes", "0015_upload_reading")]

    operations = [
        migrations.CreateModel(
            name="Lexeme",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
                ("items", models.IntegerField(default=0)),
            ],
            options={
                "db_table": "minutes_lexeme",
                "indexes": [
                    models.Index(
                        django.contrib.postgres.indexes.OpClass(
                            django.db.models.functions.text.Reverse("word"),
                            name="text_pattern_ops",
                        ),
                        name="lexeme_suffix_idx",
                    )
                ],
            },
        ),
        migrations.RunSQL(FILL_SQL, migrations.RunSQL.noop),
    ]
