"""Who moves the shell's versions on (core/versions.py): Wagtail's and Django's signals.

- ``pages``: the page tree as every page's frame shows it (the menu, titles and addresses, the site
  settings, which pages are private). Moved by any save or deletion of a page (publishing,
  unpublishing, drafts, scheduled publishing in the worker), a move, a change of view restrictions,
  of a site or of a site setting.
  https://docs.wagtail.org/en/stable/reference/signals.html
- ``access`` and ``access:<user id>``: who a person is and what she may do (her account row,
  Django permissions, group names). ``access:<id>`` moves when her account is saved or deleted or
  her groups or own permissions change; ``access`` when any
  group, a group's permissions or a group's rights on pages and collections change, which concerns
  everyone in it.
- ``workflows``: any workflow started, moved on, approved, sent back or cancelled (a workflow or task
  state written): review queues, submissions, and who may edit a page under review.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Site,
    TaskState,
    WorkflowState,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import versions

PAGES = "pages"
ACCESS = "access"
WORKFLOWS = "workflows"


def user_access(user_id):
    """The version of one person's groups and own permissions."""
    return f"{ACCESS}:{user_id}"


def _pages_changed(**kwargs):
    versions.bump(PAGES)


def _saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site | BaseSiteSetting):
        versions.bump(PAGES)


def _membership_changed(instance, action, reverse, pk_set, **kwargs):
    """User.groups and User.user_permissions, from either side."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        versions.bump(user_access(instance.pk))
    elif pk_set:
        versions.bump(*(user_access(pk) for pk in pk_set))
    else:
        versions.bump(ACCESS)  # a group or permission cleared of all its members


def _account_changed(instance, **kwargs):
    versions.bump(user_access(instance.pk))


def _group_permissions_changed(action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        versions.bump(ACCESS)


def _group_changed(**kwargs):
    versions.bump(ACCESS)


def _workflow_written(**kwargs):
    versions.bump(WORKFLOWS)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_pages_changed, dispatch_uid=f"versions_pages_{id(signal)}")
    # Any model: a page's save arrives with its specific class as sender; the test is one isinstance.
    post_save.connect(_saved_or_deleted, dispatch_uid="versions_pages_save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="versions_pages_delete")
    m2m_changed.connect(
        _pages_changed, sender=PageViewRestriction.groups.through, dispatch_uid="versions_restriction_groups"
    )
    user_model = get_user_model()
    m2m_changed.connect(_membership_changed, sender=user_model.groups.through, dispatch_uid="versions_user_groups")
    m2m_changed.connect(
        _membership_changed, sender=user_model.user_permissions.through, dispatch_uid="versions_user_perms"
    )
    post_save.connect(_account_changed, sender=user_model, dispatch_uid="versions_account_save")
    post_delete.connect(_account_changed, sender=user_model, dispatch_uid="versions_account_delete")
    m2m_changed.connect(_group_permissions_changed, sender=Group.permissions.through, dispatch_uid="versions_groups")
    for model in (Group, Permission, GroupPagePermission, GroupCollectionPermission):
        post_save.connect(_group_changed, sender=model, dispatch_uid=f"versions_access_save_{model.__name__}")
        post_delete.connect(_group_changed, sender=model, dispatch_uid=f"versions_access_delete_{model.__name__}")
    for model in (WorkflowState, TaskState):
        post_save.connect(_workflow_written, sender=model, dispatch_uid=f"versions_workflows_save_{model.__name__}")
        post_delete.connect(_workflow_written, sender=model, dispatch_uid=f"versions_workflows_delete_{model.__name__}")
