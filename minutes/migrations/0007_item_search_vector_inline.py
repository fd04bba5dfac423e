"""Keep each item's search vector in the item's own row (STORAGE MAIN), not in TOAST.

Testing a row against a query and ranking it read the vector; stored out of line, every
such read was a TOAST index lookup and one or two more pages (docs/performance.md). The
table's size does not change (the § text and sections move out of line instead). The
vectors written before this migration keep their place until rewritten:
`manage.py rebuild_search` rewrites them all.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("minutes", "0006_item_tags")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE minutes_item ALTER COLUMN search_vector SET STORAGE MAIN",
            "ALTER TABLE minutes_item ALTER COLUMN search_vector SET STORAGE EXTENDED",
        ),
    ]
