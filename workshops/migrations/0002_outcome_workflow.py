"""Create the outcome workflow (one task: the project's lead approves) and let reviewers list ideas."""

from django.db import migrations

IDEA_LIST_ROLES = ["Projektledere", "Kommunikation", "Moderatorer"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    task_type, _ = ContentType.objects.get_or_create(app_label="workshops", model="projectleadapprovaltask")
    Task = apps.get_model("workshops", "ProjectLeadApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    task = Task.objects.filter(name="Projektleders godkendelse").first()
    if task is None:
        task = Task.objects.create(name="Projektleders godkendelse", active=True, content_type=task_type)
    workflow, _ = Workflow.objects.get_or_create(name="Workshopresultater", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    idea_type, _ = ContentType.objects.get_or_create(app_label="workshops", model="idea")
    view_idea, _ = Permission.objects.get_or_create(
        content_type=idea_type, codename="view_idea", defaults={"name": "Can view idé"}
    )
    for name in IDEA_LIST_ROLES:
        Group.objects.get_or_create(name=name)[0].permissions.add(view_idea)


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
        ("people", "0001_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
