"""The published items by meeting date: the newest slice's date range as a narrow bitmap
(minutes.search.slices)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0019_person_name_lexemes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="item",
            index=models.Index(
                condition=models.Q(is_published=True),
                fields=["meeting_date"],
                name="item_published_date_idx",
            ),
        ),
    ]
