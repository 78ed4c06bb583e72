"""Who moves the shell's versions on (core/versions.py): Wagtail's and Django's signals.

- ``pages``: the page tree as readers see it (the menu, titles and addresses, the site settings,
  which pages are private, every list of published pages). Moved by a save of a live page,
  publishing and unpublishing (scheduled publishing in the worker too), a move, a deletion, a change
  of view restrictions, of a site or of a site setting. A save of a draft no reader can reach leaves
  it alone: a page that is not live, was not live before the save and has no page below it (a
  workshop outcome submitted, resubmitted or saved for review). Every outcome an employee submits
  is such a save; moving ``pages`` for it would empty every page's cached parts for everyone.
  https://docs.wagtail.org/en/stable/reference/signals.html
- ``drafts``: every save or deletion of a page, drafts included, for what shows pages that are not
  live (who leads a project that is not published yet, and so whose review queue it is).
- ``own-pages:<owner id>``: one person's own pages as she follows them (her drafts and their
  review): any save or deletion of a page she owns, and any workflow or task state written on it.
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
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
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
DRAFTS = "drafts"
ACCESS = "access"
WORKFLOWS = "workflows"
# Set on a page by ``_before_page_save`` when its save changes nothing a reader sees.
_UNSEEN = "_versions_unseen_save"


def user_access(user_id):
    """The version of one person's groups and own permissions."""
    return f"{ACCESS}:{user_id}"


def own_pages(owner_id):
    """The version of one person's own pages and their review."""
    return f"own-pages:{owner_id}"


def _pages_changed(**kwargs):
    versions.bump(PAGES)


def _unseen_by_readers(page):
    """Whether saving ``page`` changes nothing a reader is shown: it is not live and was not before
    (Wagtail's edit view writes a draft's fields to the page itself), and no page lies below it
    (whose address or breadcrumbs would follow its slug and title)."""
    if page.live:
        return False
    if page.pk is None:
        return True  # a new page has nothing below it yet
    stored = Page.objects.filter(pk=page.pk).values_list("live", "numchild").first()
    return stored is not None and not stored[0] and not stored[1]


def _before_page_save(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Page):
        setattr(instance, _UNSEEN, not raw and _unseen_by_readers(instance))


def seen_by_readers(page):
    """In a ``post_save`` receiver: whether this save of ``page`` can change what readers see (set
    before every page save, so never left over from an earlier one)."""
    return not getattr(page, _UNSEEN, False)


def _page_versions(page, seen=True):
    owner = own_pages(page.owner_id) if page.owner_id else None
    return [DRAFTS, owner, PAGES if seen else None]


def _saved(sender, instance, **kwargs):
    if isinstance(instance, Page):
        versions.bump(*_page_versions(instance, seen=seen_by_readers(instance)))
    elif isinstance(instance, PageViewRestriction | Site | BaseSiteSetting):
        versions.bump(PAGES)


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        versions.bump(*_page_versions(instance))
    elif isinstance(instance, PageViewRestriction | Site | BaseSiteSetting):
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


def _owner_under_review(state_or_task):
    """The owner of the page a workflow or task state is about; None for a snippet or a page gone
    (deleted with its page: the page's deletion moved the owner's version)."""
    try:
        state = state_or_task if isinstance(state_or_task, WorkflowState) else state_or_task.workflow_state
        return getattr(state.content_object, "owner_id", None)
    except ObjectDoesNotExist:
        return None


def _workflow_written(sender, instance, **kwargs):
    """Also the version of the submitter's own pages. Wagtail reads the page under review anyway
    (``Task.start``), so asking for its owner here adds no query to a submission."""
    owner_id = _owner_under_review(instance)
    versions.bump(WORKFLOWS, own_pages(owner_id) if owner_id else None)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_pages_changed, dispatch_uid=f"versions_pages_{id(signal)}")
    # Any model: a page's save arrives with its specific class as sender; the test is one isinstance.
    pre_save.connect(_before_page_save, dispatch_uid="versions_pages_before_save")
    post_save.connect(_saved, dispatch_uid="versions_pages_save")
    post_delete.connect(_deleted, dispatch_uid="versions_pages_delete")
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
