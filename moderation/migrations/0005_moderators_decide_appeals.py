"""Moderators read and decide appeals (a different moderator from the one
who made the decision: that rule lives in moderation.services.appeal_decide)."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ("view_appeal", "change_appeal")


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    app_config = apps.get_app_config("moderation")
    app_config.models_module = True  # see 0003: state apps have no models module
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(db).get(name="Moderators")
    group.permissions.add(
        *Permission.objects.using(db).filter(content_type__app_label="moderation", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    group = Group.objects.using(db).filter(name="Moderators").first()
    if group:
        group.permissions.remove(*Permission.objects.using(db).filter(codename__in=PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_appeals_and_more")]
    operations = [migrations.RunPython(grant, revoke)]
