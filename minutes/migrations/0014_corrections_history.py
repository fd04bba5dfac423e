"""Corrections kept and shown: the history of clerks' changes, depublished §§, markers.

- django-simple-history's tables (`minutes_historical*`) hold each tracked row's snapshots
  with who, when and the clerk's reason.
- A depublished § (`depublished_at`) is unpublished by the same trigger that copies its
  meeting's publication (migrations 0004 and 0008): every public read of items filters
  `is_published`, so it leaves them all at once.
- The import log is append-only: the clerks' group loses the right to change or delete it.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

COPY_WITH_DEPUBLISHED = """
CREATE OR REPLACE FUNCTION minutes_item_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, m.is_published AND NEW.depublished_at IS NULL, m.committee_id
    INTO NEW.meeting_date, NEW.is_published, NEW.committee_id
    FROM minutes_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END $$;
DROP TRIGGER item_copy_meeting ON minutes_item;
CREATE TRIGGER item_copy_meeting BEFORE INSERT OR UPDATE OF meeting_id, depublished_at
    ON minutes_item FOR EACH ROW EXECUTE FUNCTION minutes_item_copy_meeting();

CREATE OR REPLACE FUNCTION minutes_meeting_copy_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE minutes_item
    SET meeting_date = NEW.date, is_published = NEW.is_published AND depublished_at IS NULL,
        committee_id = NEW.committee_id
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END $$;
"""

COPY_WITHOUT_DEPUBLISHED = """
CREATE OR REPLACE FUNCTION minutes_item_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT m.date, m.is_published, m.committee_id
    INTO NEW.meeting_date, NEW.is_published, NEW.committee_id
    FROM minutes_meeting m WHERE m.id = NEW.meeting_id;
    RETURN NEW;
END $$;
DROP TRIGGER item_copy_meeting ON minutes_item;
CREATE TRIGGER item_copy_meeting BEFORE INSERT OR UPDATE OF meeting_id ON minutes_item
    FOR EACH ROW EXECUTE FUNCTION minutes_item_copy_meeting();

CREATE OR REPLACE FUNCTION minutes_meeting_copy_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE minutes_item
    SET meeting_date = NEW.date, is_published = NEW.is_published, committee_id = NEW.committee_id
    WHERE meeting_id = NEW.id;
    RETURN NULL;
END $$;
"""

# The group's name as migration 0002 made it.
IMPORT_LOG_APPEND_ONLY = """
DELETE FROM auth_group_permissions gp
USING auth_group g, auth_permission p, django_content_type c
WHERE gp.group_id = g.id AND gp.permission_id = p.id AND p.content_type_id = c.id
  AND g.name = 'Protokollförare' AND c.app_label = 'minutes' AND c.model = 'importrecord'
  AND p.codename IN ('add_importrecord', 'change_importrecord', 'delete_importrecord');
"""


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0013_votecast_absent"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="importrecord",
            name="changes",
            field=models.JSONField(
                blank=True, db_default={}, default=dict, verbose_name="ändringar"
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="reason",
            field=models.TextField(blank=True, db_default="", default="", verbose_name="skäl"),
        ),
        migrations.AddField(
            model_name="item",
            name="depublished_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="avpublicerad"
            ),
        ),
        migrations.AddField(
            model_name="item",
            name="depublished_reason",
            field=models.TextField(
                blank=True, db_default="", default="", verbose_name="skäl till avpubliceringen"
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="corrected_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="rättad"
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="corrected_fields",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=40),
                blank=True,
                db_default=[],
                default=list,
                editable=False,
                size=None,
                verbose_name="rättade uppgifter",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalAttendance",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("ordförande", "ordförande"),
                            ("vice ordförande", "vice ordförande"),
                            ("ledamot", "ledamot"),
                            ("tjänstgörande ersättare", "tjänstgörande ersättare"),
                            ("ersättare", "ersättare"),
                            ("tjänsteperson", "tjänsteperson"),
                            ("sekreterare", "sekreterare"),
                            ("justerare", "justerare"),
                            ("övrig närvarande", "övrig närvarande"),
                        ],
                        default="ledamot",
                        max_length=40,
                        verbose_name="roll",
                    ),
                ),
                (
                    "municipality",
                    models.CharField(blank=True, max_length=200, verbose_name="företräder"),
                ),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="anteckning")),
                ("position", models.PositiveIntegerField(default=0, verbose_name="ordning")),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.meeting",
                        verbose_name="sammanträde",
                    ),
                ),
                (
                    "party",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.party",
                        verbose_name="parti",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "substitute_for",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.person",
                        verbose_name="ersättare för",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical närvaro",
                "verbose_name_plural": "historical närvaro",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalClause",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                ("text", models.TextField(verbose_name="text")),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.decision",
                        verbose_name="beslut",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical att-sats",
                "verbose_name_plural": "historical att-satser",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDecision",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="ordning")),
                (
                    "decided_by",
                    models.CharField(blank=True, max_length=200, verbose_name="beslutande organ"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("beslutar", "beslutar"),
                            ("föreslår", "föreslår"),
                            ("överlämnar utan eget förslag", "överlämnar utan eget förslag"),
                            ("informationen noteras", "informationen noteras"),
                        ],
                        default="beslutar",
                        max_length=40,
                        verbose_name="typ",
                    ),
                ),
                (
                    "proposed_to",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=200),
                        blank=True,
                        default=list,
                        size=None,
                        verbose_name="förslag till",
                    ),
                ),
                (
                    "immediately_adjusted",
                    models.BooleanField(default=False, verbose_name="omedelbart justerad"),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.item",
                        verbose_name="paragraf",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical beslut",
                "verbose_name_plural": "historical beslut",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalItem",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveIntegerField(verbose_name="paragraf")),
                ("title", models.TextField(verbose_name="rubrik")),
                (
                    "dnr",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=100),
                        blank=True,
                        default=list,
                        size=None,
                        verbose_name="diarienummer",
                    ),
                ),
                (
                    "responsible",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=200),
                        blank=True,
                        default=list,
                        size=None,
                        verbose_name="ärendeansvarig",
                    ),
                ),
                (
                    "handlers",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=200),
                        blank=True,
                        default=list,
                        size=None,
                        verbose_name="handläggare",
                    ),
                ),
                ("withdrawn", models.BooleanField(default=False, verbose_name="utgår")),
                ("tabled", models.BooleanField(default=False, verbose_name="bordlagt")),
                ("sections", models.JSONField(blank=True, default=list, verbose_name="avsnitt")),
                ("text", models.TextField(blank=True, verbose_name="paragrafens text")),
                (
                    "depublished_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="avpublicerad"
                    ),
                ),
                (
                    "depublished_reason",
                    models.TextField(
                        blank=True,
                        db_default="",
                        default="",
                        verbose_name="skäl till avpubliceringen",
                    ),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.meeting",
                        verbose_name="sammanträde",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical paragraf",
                "verbose_name_plural": "historical paragrafer",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMeeting",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(verbose_name="datum")),
                ("start_time", models.TimeField(blank=True, null=True, verbose_name="starttid")),
                ("end_time", models.TimeField(blank=True, null=True, verbose_name="sluttid")),
                ("place", models.CharField(blank=True, max_length=300, verbose_name="plats")),
                (
                    "protocol_dnr",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="protokollets diarienummer"
                    ),
                ),
                ("chair", models.CharField(blank=True, max_length=200, verbose_name="ordförande")),
                (
                    "secretary",
                    models.CharField(blank=True, max_length=200, verbose_name="sekreterare"),
                ),
                (
                    "adjusters",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=200),
                        blank=True,
                        default=list,
                        size=None,
                        verbose_name="justerare",
                    ),
                ),
                ("adjusted_on", models.DateField(blank=True, null=True, verbose_name="justerat")),
                (
                    "notice_posted_on",
                    models.DateField(blank=True, null=True, verbose_name="anslaget uppsatt"),
                ),
                (
                    "notice_removed_on",
                    models.DateField(blank=True, null=True, verbose_name="anslaget nedtaget"),
                ),
                (
                    "source_file",
                    models.TextField(blank=True, max_length=100, verbose_name="originalfil"),
                ),
                (
                    "source_filename",
                    models.CharField(blank=True, max_length=255, verbose_name="filnamn"),
                ),
                ("sha256", models.CharField(db_index=True, max_length=64, verbose_name="sha256")),
                (
                    "page_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="sidor"),
                ),
                (
                    "imported_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="importerat"),
                ),
                (
                    "is_published",
                    models.BooleanField(db_index=True, default=True, verbose_name="publicerat"),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "committee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.committee",
                        verbose_name="organ",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical sammanträde",
                "verbose_name_plural": "historical sammanträden",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalNote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("protokollsanteckning", "protokollsanteckning"),
                            ("noteras", "noteras till protokollet"),
                            ("deltar ej", "deltar ej i beslutet"),
                            ("jäv", "jäv"),
                        ],
                        max_length=30,
                        verbose_name="typ",
                    ),
                ),
                ("text", models.TextField(verbose_name="text")),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.item",
                        verbose_name="paragraf",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical anteckning",
                "verbose_name_plural": "historical anteckningar",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReservation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField(blank=True, verbose_name="motivering")),
                ("written", models.BooleanField(default=False, verbose_name="skriftlig")),
                ("text", models.TextField(blank=True, verbose_name="reservationens text")),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.item",
                        verbose_name="paragraf",
                    ),
                ),
                (
                    "party",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.party",
                        verbose_name="parti",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.person",
                        verbose_name="person",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical reservation",
                "verbose_name_plural": "historical reservationer",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalVote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="ordning")),
                ("text", models.TextField(blank=True, verbose_name="vad som ställdes mot vad")),
                ("yes", models.PositiveIntegerField(blank=True, null=True, verbose_name="ja")),
                ("no", models.PositiveIntegerField(blank=True, null=True, verbose_name="nej")),
                (
                    "abstain",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="avstår"),
                ),
                (
                    "chair_decided",
                    models.BooleanField(default=False, verbose_name="ordförandens utslagsröst"),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.item",
                        verbose_name="paragraf",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical votering",
                "verbose_name_plural": "historical voteringar",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalYrkande",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="ordning")),
                ("text", models.TextField(verbose_name="yrkande")),
                ("won", models.BooleanField(blank=True, null=True, verbose_name="bifallet")),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="minutes.item",
                        verbose_name="paragraf",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical yrkande",
                "verbose_name_plural": "historical yrkanden",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunSQL(COPY_WITH_DEPUBLISHED, COPY_WITHOUT_DEPUBLISHED),
        migrations.RunSQL(IMPORT_LOG_APPEND_ONLY, migrations.RunSQL.noop),
    ]
