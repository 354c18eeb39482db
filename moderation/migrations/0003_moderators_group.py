"""The "Moderators" group: exactly what working the queue needs.

View and change on the queue (change = may run the approve/remove/restore
actions; the queue's change page itself is read-only), and view on the
comments, posts, reports and decisions a moderator reads. Nothing that adds
or deletes. Members also need ``is_staff`` to reach the admin at all.

Permissions are normally created after ``migrate`` finishes (post_migrate),
too late for this migration on a fresh database, so they are created first.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
PERMISSIONS = (
    ("moderation", "view_queueitem"),
    ("moderation", "change_queueitem"),
    ("comments", "view_comment"),
    ("blogsite", "view_post"),
    ("moderation", "view_report"),
    ("moderation", "view_decision"),
)


def create_group(apps, schema_editor):
    db = schema_editor.connection.alias
    for label in {app_label for app_label, _ in PERMISSIONS}:
        app_config = apps.get_app_config(label)
        # Migration state apps have no models module; create_permissions
        # skips such apps unless told otherwise.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=db)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(db).get_or_create(name=GROUP)
    permissions = [
        Permission.objects.using(db).get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in PERMISSIONS
    ]
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("blogsite", "0001_initial"),
        ("comments", "0002_comment_author_token_hash_comment_edited_and_more"),
        ("moderation", "0002_queueitem"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
