"""Items carry their meeting's committee too; the newest-first index covers the filters.

The organ and huvudman filters joined every candidate item to its meeting and committee
(`huvudman=…`). The committee is now copied like the
date and the publication (migration 0004), by the same triggers. The newest-first index
includes the id, the tags and the committee, so a list of filters alone is walked in the
index without reading rows (`parti=SD`; docs/performance.md has the figures).
"""

import django.db.models.deletion
from django.db import migrations, models

COPY_WITH_COMMITTEE = """
CREATE OR REPLACE FUNCTION minutes_item_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, m.is_published, m.committee_id
    INTO NEW.meeting_date, NEW.is_published, NEW.committee_id
    FROM minutes_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION minutes_meeting_copy_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE minutes_item
    SET meeting_date = NEW.date, is_published = NEW.is_published, committee_id = NEW.committee_id
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER meeting_copy_to_items ON minutes_meeting;
CREATE TRIGGER meeting_copy_to_items
    AFTER UPDATE OF date, is_published, committee_id ON minutes_meeting
    FOR EACH ROW
    WHEN (OLD.date IS DISTINCT FROM NEW.date OR OLD.is_published IS DISTINCT FROM NEW.is_published
          OR OLD.committee_id IS DISTINCT FROM NEW.committee_id)
    EXECUTE FUNCTION minutes_meeting_copy_to_items();

-- The backfill queues a deferred foreign-key check per row; checked now, the column can
-- then be made NOT NULL in this transaction.
SET CONSTRAINTS ALL IMMEDIATE;
UPDATE minutes_item i SET committee_id = m.committee_id
FROM minutes_meeting m WHERE m.id = i.meeting_id;
"""

COPY_WITHOUT_COMMITTEE = """
CREATE OR REPLACE FUNCTION minutes_item_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, m.is_published INTO NEW.meeting_date, NEW.is_published
    FROM minutes_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION minutes_meeting_copy_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE minutes_item SET meeting_date = NEW.date, is_published = NEW.is_published
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER meeting_copy_to_items ON minutes_meeting;
CREATE TRIGGER meeting_copy_to_items AFTER UPDATE OF date, is_published ON minutes_meeting
    FOR EACH ROW
    WHEN (OLD.date IS DISTINCT FROM NEW.date OR OLD.is_published IS DISTINCT FROM NEW.is_published)
    EXECUTE FUNCTION minutes_meeting_copy_to_items();
"""


class Migration(migrations.Migration):
    dependencies = [("minutes", "0007_item_search_vector_inline")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="committee",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="minutes.committee",
                verbose_name="organ",
            ),
        ),
        migrations.RunSQL(COPY_WITH_COMMITTEE, COPY_WITHOUT_COMMITTEE),
        migrations.AlterField(
            model_name="item",
            name="committee",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="minutes.committee",
                verbose_name="organ",
            ),
        ),
        migrations.RemoveIndex(model_name="item", name="item_published_newest_idx"),
        migrations.AddIndex(
            model_name="item",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["-meeting_date", "meeting", "number"],
                include=("id", "tags", "committee"),
                name="item_newest_covering_idx",
            ),
        ),
    ]
