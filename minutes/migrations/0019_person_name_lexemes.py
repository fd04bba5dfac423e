"""The lexemes of people's names, indexed: search does not widen a word to a surname that
ends in it (minutes.search.expansion)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0018_case_key_in_byte_order"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="person",
            index=GinIndex(SearchVector("name", config="swedish"), name="person_name_lexemes_gin"),
        ),
    ]
