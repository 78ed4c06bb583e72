"""Wagtail's default workflow is offered to editors as "Send til godkendelse (<name>)": it is named for
who approves (the Moderatorer), not "Godkendelse ved moderator", which doubled the word."""

from django.db import migrations


def rename(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name="Godkendelse ved moderator").update(name="Moderatorer")


def restore(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name="Moderatorer").update(name="Godkendelse ved moderator")


class Migration(migrations.Migration):
    dependencies = [("core", "0003_danish_root_collection")]

    operations = [migrations.RunPython(rename, restore)]
