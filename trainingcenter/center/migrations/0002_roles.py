"""Create the staff role groups (centre admin, program organiser, check-in staff).

The permission sets are defined in ``trainingcenter.center.roles``;
``manage.py sync_roles`` re-applies them when models are added later.
"""
from django.db import migrations


def create_roles(apps, schema_editor):
    from trainingcenter.center.roles import sync_role_permissions

    sync_role_permissions(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("center", "0001_initial"),
        ("programs", "0001_initial"),
        ("meetings", "0001_initial"),
        ("registrations", "0001_initial"),
        ("mailer", "0001_initial"),
    ]

    # Reversing keeps the groups: deleting them would silently strip staff of their roles.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop, elidable=False)]
