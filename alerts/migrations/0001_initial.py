"""The alerts' tables, and the trigger that records each publication of a meeting.

A meeting is published when it is inserted published (an import) or when it turns
published later (the admin); either way the trigger writes one `alerts_publication` row in
the publishing transaction, with that transaction's id, which `send_alerts` orders by.
"""

import django.db.models.deletion
from django.db import migrations, models

PUBLICATION_TRIGGERS = """
CREATE FUNCTION alerts_publication_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO alerts_publication (meeting_id, xid, published_at)
    VALUES (NEW.id, pg_current_xact_id()::text::bigint, now());
    RETURN NULL;
END
$$;
CREATE TRIGGER alerts_publication_on_insert AFTER INSERT ON minutes_meeting
    FOR EACH ROW WHEN (NEW.is_published)
    EXECUTE FUNCTION alerts_publication_record();
CREATE TRIGGER alerts_publication_on_publish AFTER UPDATE OF is_published ON minutes_meeting
    FOR EACH ROW WHEN (NEW.is_published AND NOT OLD.is_published)
    EXECUTE FUNCTION alerts_publication_record();
"""

DROP_PUBLICATION_TRIGGERS = """
DROP TRIGGER alerts_publication_on_publish ON minutes_meeting;
DROP TRIGGER alerts_publication_on_insert ON minutes_meeting;
DROP FUNCTION alerts_publication_record();
"""


class Migration(migrations.Migration):
    initial = True

    dependencies = [("minutes", "0013_votecast_absent")]

    operations = [
        migrations.CreateModel(
            name="Publication",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("meeting_id", models.BigIntegerField(verbose_name="sammanträde")),
                ("xid", models.BigIntegerField(db_index=True, verbose_name="transaktion")),
                ("published_at", models.DateTimeField(verbose_name="publicerat")),
            ],
            options={
                "verbose_name": "publicering",
                "verbose_name_plural": "publiceringar",
            },
        ),
        migrations.CreateModel(
            name="Subscriber",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "email",
                    models.EmailField(max_length=254, unique=True, verbose_name="e-postadress"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skapad")),
            ],
            options={
                "verbose_name": "prenumerant",
                "verbose_name_plural": "prenumeranter",
            },
        ),
        migrations.CreateModel(
            name="Subscription",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("query", models.TextField(verbose_name="sökning")),
                ("case_key", models.CharField(blank=True, max_length=100, verbose_name="ärende")),
                (
                    "frequency",
                    models.CharField(
                        choices=[
                            ("daily", "En gång om dagen"),
                            ("immediate", "Direkt efter varje publicering"),
                        ],
                        default="daily",
                        max_length=20,
                        verbose_name="hur ofta",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skapad")),
                (
                    "confirmed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="bekräftad"),
                ),
                ("mark", models.BigIntegerField(verbose_name="nytt från transaktion")),
                (
                    "checked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="senast kontrollerad"),
                ),
                (
                    "subscriber",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="subscriptions",
                        to="alerts.subscriber",
                        verbose_name="prenumerant",
                    ),
                ),
            ],
            options={
                "verbose_name": "bevakning",
                "verbose_name_plural": "bevakningar",
            },
        ),
        migrations.CreateModel(
            name="Delivery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("confirmation", "bekräftelse"), ("matches", "nya träffar")],
                        max_length=20,
                        verbose_name="slag",
                    ),
                ),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="skickat")),
                ("matches", models.PositiveIntegerField(default=0, verbose_name="träffar")),
                (
                    "mark_from",
                    models.BigIntegerField(blank=True, null=True, verbose_name="från transaktion"),
                ),
                (
                    "mark_to",
                    models.BigIntegerField(blank=True, null=True, verbose_name="till transaktion"),
                ),
                (
                    "subscription",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="deliveries",
                        to="alerts.subscription",
                        verbose_name="bevakning",
                    ),
                ),
            ],
            options={
                "verbose_name": "utskick",
                "verbose_name_plural": "utskick",
            },
        ),
        migrations.AddConstraint(
            model_name="subscription",
            constraint=models.UniqueConstraint(
                fields=("subscriber", "query"), name="alerts_subscription_unique_search"
            ),
        ),
        migrations.AddConstraint(
            model_name="subscription",
            constraint=models.CheckConstraint(
                condition=models.Q(("frequency__in", ["daily", "immediate"])),
                name="alerts_subscription_frequency_known",
            ),
        ),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(
                fields=["subscription", "kind", "sent_at"], name="alerts_delivery_idx"
            ),
        ),
        migrations.RunSQL(PUBLICATION_TRIGGERS, reverse_sql=DROP_PUBLICATION_TRIGGERS),
    ]
