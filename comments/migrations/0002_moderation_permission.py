"""Give Kommunikation and Moderatorer the moderation permission (code checks the permission, not the groups)."""

from django.db import migrations

MODERATOR_GROUPS = ["Kommunikation", "Moderatorer"]


def grant_moderation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="comments", model="comment")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="moderate_comment",
        defaults={"name": "Kan moderere kommentarer (skjule og vise igen)"},
    )
    for name in MODERATOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke_moderation(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="comments", codename="moderate_comment").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("people", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant_moderation, revoke_moderation)]
