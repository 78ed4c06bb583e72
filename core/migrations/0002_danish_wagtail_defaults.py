"""Give the records Wagtail's own migrations create Danish names, since editors see them.

Wagtail creates a root page titled "Root" (shown in page choosers and the explorer) and a
default workflow with its task, both named "Moderators approval" (offered to editors as
"Send til …"). Only records that still carry Wagtail's English default are renamed.
"""

from django.db import migrations

NAMES = {"Moderators approval": "Godkendelse ved moderator"}


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Rod", draft_title="Rod")
    for model in ("Workflow", "Task"):
        for english, danish in NAMES.items():
            apps.get_model("wagtailcore", model).objects.filter(name=english).update(name=danish)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_worker_heartbeat"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
