"""Remove Wagtail's default groups "Editors" and "Moderators".

Wagtail's own migrations create them with add/edit/publish rights on the whole page tree and
on every collection. Nobody here is meant to be in them (the roles are the five Danish groups
of 0001_roles), so they are only a way to give someone far too much by one click. Deleting a
group deletes its page, collection and model permissions with it.

Depends on the latest migration of each Wagtail app that grants these groups something, so
none of them runs afterwards and finds the groups gone half-way.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_profile_comment_emails"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
