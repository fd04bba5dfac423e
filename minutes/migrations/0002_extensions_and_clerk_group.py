"""pg_trgm for fuzzy name and compound-word lookups, and the clerks' group with its rights."""

from django.contrib.auth.management import create_permissions
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CLERK_GROUP = "Protokollförare"  # must equal minutes.roles.CLERK_GROUP


def create_clerk_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group
    # can be given them in the same migrate run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CLERK_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="minutes"))


def remove_clerk_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CLERK_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_clerk_group, remove_clerk_group),
    ]
