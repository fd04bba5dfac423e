"""An upload keeps the parser's reading (the protocol JSON) it was checked with, so that
the review page and publishing do not parse the file again (issue 16)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0014_corrections_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="upload",
            name="reading",
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name="tolkning"),
        ),
    ]
