"""Who keeps a project: the lead's rights follow the ``lead`` field, with no group juggling by hand.

Wagtail grants page permissions to groups (https://docs.wagtail.org/en/stable/topics/permissions.html),
and a permission on a page covers the pages below it. Each project therefore gets its own group
holding "edit" and "publish" on the project page, and the current lead is its only member.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from people import roles

from .models import ProjectLeadAccess, ProjectPage

# Edit and publish the project page and everything under it (e.g. workshop outcomes).
LEAD_PAGE_PERMISSIONS = ["change_page", "publish_page"]
GROUP_NAME_MAX = 150


def lead_group_name(project):
    """A readable, unique group name, e.g. "Projektleder: Aktivt medborgerskab (#12)"."""
    suffix = f" (#{project.pk})"
    # Group names are data, not interface text: the same name whichever language is active.
    prefix = "Projektleder: "
    return f"{prefix}{project.title}"[: GROUP_NAME_MAX - len(suffix)] + suffix


@transaction.atomic
def sync_lead_access(project):
    """Make the project's group hold exactly the current lead, creating the group on first use."""
    access = ProjectLeadAccess.objects.select_related("group").filter(project_id=project.pk).first()
    name = lead_group_name(project)
    if access is None:
        group, _created = Group.objects.get_or_create(name=name)
        access = ProjectLeadAccess.objects.create(project_id=project.pk, group=group)
        for codename in LEAD_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=project.pk,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    group = access.group
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])

    wanted = {project.lead_id} - {None}
    current = set(group.user_set.values_list("pk", flat=True))
    if current == wanted:
        return
    leads_group, _created = Group.objects.get_or_create(name=roles.PROJECT_LEADS)
    if wanted - current:
        group.user_set.add(*(wanted - current))
        # The role group opens the Wagtail admin; the project group decides what can be done there.
        leads_group.user_set.add(*(wanted - current))
    for former in current - wanted:
        group.user_set.remove(former)
        if not ProjectPage.objects.filter(lead_id=former).exclude(pk=project.pk).exists():
            leads_group.user_set.remove(former)


def is_project_lead(user):
    """True while the user leads a project (is in one of the projects' lead groups).

    Single sign-on asks this so that it never takes the Projektledere role from a current lead:
    lead rights come from the project page alone.
    """
    from .models import ProjectLeadAccess

    return ProjectLeadAccess.objects.filter(group__user=user).exists()
