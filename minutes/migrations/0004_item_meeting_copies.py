"""Items carry their meeting's date and publication, kept by triggers.

Search and newest-first lists read them from the item table alone (one index, no join to
the meeting; docs/performance.md has the figures). Triggers, not application code, keep
the copies: every insert of an item (ORM, admin, COPY of the bulk load) and every change
of a meeting's date or publication (admin, services, raw SQL) goes through them.
"""

from django.db import migrations, models
from django.db.models import F, Q

COPY_ON_INSERT = """
CREATE FUNCTION minutes_item_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, m.is_published INTO NEW.meeting_date, NEW.is_published
    FROM minutes_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END $$;
CREATE TRIGGER item_copy_meeting BEFORE INSERT OR UPDATE OF meeting_id ON minutes_item
    FOR EACH ROW EXECUTE FUNCTION minutes_item_copy_meeting();

CREATE FUNCTION minutes_meeting_copy_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE minutes_item SET meeting_date = NEW.date, is_published = NEW.is_published
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER meeting_copy_to_items AFTER UPDATE OF date, is_published ON minutes_meeting
    FOR EACH ROW
    WHEN (OLD.date IS DISTINCT FROM NEW.date OR OLD.is_published IS DISTINCT FROM NEW.is_published)
    EXECUTE FUNCTION minutes_meeting_copy_to_items();
"""

DROP_COPY = """
DROP TRIGGER meeting_copy_to_items ON minutes_meeting;
DROP FUNCTION minutes_meeting_copy_to_items();
DROP TRIGGER item_copy_meeting ON minutes_item;
DROP FUNCTION minutes_item_copy_meeting();
"""

BACKFILL = """
UPDATE minutes_item i SET meeting_date = m.date, is_published = m.is_published
FROM minutes_meeting m WHERE m.id = i.meeting_id;
"""


class Migration(migrations.Migration):
    dependencies = [("minutes", "0003_upload_and_corrections")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="meeting_date",
            field=models.DateField(editable=False, null=True, verbose_name="sammanträdesdag"),
        ),
        migrations.AddField(
            model_name="item",
            name="is_published",
            field=models.BooleanField(default=False, editable=False, verbose_name="publicerad"),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="item",
            name="meeting_date",
            field=models.DateField(editable=False, verbose_name="sammanträdesdag"),
        ),
        migrations.RunSQL(COPY_ON_INSERT, DROP_COPY),
        migrations.AddIndex(
            model_name="item",
            index=models.Index(
                F("meeting_date").desc(),
                "meeting",
                "number",
                condition=Q(is_published=True),
                name="item_published_newest_idx",
            ),
        ),
    ]
