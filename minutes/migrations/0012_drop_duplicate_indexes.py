"""Three indexes that repeated the ones Django makes for a foreign key (same column, same
kind): every imported attendance, reservation and yrkande mover was written into both."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0011_list_order_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="attendance",
            name="attendance_party_idx",
        ),
        migrations.RemoveIndex(
            model_name="reservation",
            name="reservation_person_idx",
        ),
        migrations.RemoveIndex(
            model_name="yrkandeperson",
            name="yrkandeperson_party_idx",
        ),
    ]
