"""The profile's one e-mail choice grows into per-kind notification preferences (notifications app)."""

from django.db import migrations

# The kinds the old choice covered (comments/notifications.py registers them).
COMMENT_KINDS = ("comment_reply", "comment_on_mine")


def forwards(apps, schema_editor):
    Profile = apps.get_model("people", "Profile")
    Preference = apps.get_model("notifications", "NotificationPreference")
    for user_id in Profile.objects.filter(comment_emails=False).values_list("user_id", flat=True):
        for kind in COMMENT_KINDS:
            Preference.objects.update_or_create(user_id=user_id, kind=kind, defaults={"enabled": True, "email": False})


def backwards(apps, schema_editor):
    Profile = apps.get_model("people", "Profile")
    Preference = apps.get_model("notifications", "NotificationPreference")
    opted_out = Preference.objects.filter(kind__in=COMMENT_KINDS, email=False).values("user_id")
    Profile.objects.filter(user_id__in=opted_out).update(comment_emails=False)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0006_profile_photo_collection"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="profile", name="comment_emails"),
    ]
