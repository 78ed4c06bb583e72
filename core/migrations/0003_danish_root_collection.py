"""Wagtail's root collection is named "Root"; editors see it in image and document screens."""

from django.db import migrations


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(name="Rod")


class Migration(migrations.Migration):
    dependencies = [("core", "0002_danish_wagtail_defaults"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
