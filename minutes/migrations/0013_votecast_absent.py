"""A printed voting list may mark a member `frånvarande` (DESIGN.md: the roll's fourth vote);
the longer word needs a longer column (a length change PostgreSQL makes without a rewrite)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0012_drop_duplicate_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="votecast",
            name="choice",
            field=models.CharField(
                choices=[
                    ("ja", "ja"),
                    ("nej", "nej"),
                    ("avstår", "avstår"),
                    ("frånvarande", "frånvarande"),
                ],
                max_length=16,
                verbose_name="röst",
            ),
        ),
    ]
