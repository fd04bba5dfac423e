"""The case key's prefix index in byte order ("C"), so it also gives prefix lookups their
order whatever the database's collation (minutes.search.dnr.cases_by_dnr_prefix)."""

from django.db import migrations, models
from django.db.models.functions import Collate


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0017_case_keys_by_parts"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="case",
            name="case_key_prefix_idx",
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(Collate("key", "C"), name="case_key_prefix_idx"),
        ),
    ]
