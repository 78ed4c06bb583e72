from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.components import Component

from .admin_views import IntranetPageViewSet, StatusView
from .status import collect


@hooks.register("register_admin_urls")
def register_status_url():
    return [path("driftsstatus/", StatusView.as_view(), name="operations_status")]


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return IntranetPageViewSet()


@hooks.register("register_settings_menu_item")
def register_status_menu_item():
    return AdminOnlyMenuItem(_("Driftsstatus"), reverse("operations_status"), icon_name="cogs", order=1000)


@hooks.register("before_bulk_action")
def bulk_delete_only_for_superusers(request, action_type, objects, action_class_instance):
    """Deleting pages in bulk is for superusers only.

    Wagtail's bulk actions check each page with a plain ``PagePermissionTester`` and skip the
    ``before_delete_page`` hooks the single delete view runs, so edit rights on a section would
    let its editor delete everything in it (others' pending submissions, then the section
    itself) from the page listing. The single delete view keeps its own rules.
    """
    from wagtail.models import Page

    if action_type != "delete" or not issubclass(action_class_instance.model, Page) or request.user.is_superuser:
        return None
    messages.error(request, _("Kun administratorer kan slette flere sider på én gang. Intet blev slettet."))
    return redirect(action_class_instance.next_url)


class WorkerDownPanel(Component):
    """On the admin dashboard, for superusers, only when something is wrong: the worker is not working."""

    name = "worker_down"
    template_name = "core/admin/worker_down_panel.html"
    order = 10

    def __init__(self, status):
        self.status = status

    def get_context_data(self, parent_context):
        return {"status": self.status, "status_url": reverse("operations_status")}


@hooks.register("construct_homepage_panels")
def add_worker_down_panel(request, panels):
    if request.user.is_superuser:
        status = collect(failures=0)
        if not status.healthy:
            panels.append(WorkerDownPanel(status))


class SchedulePublishingMenuItem(PublishMenuItem):
    """ "Planlæg udgivelse" next to "Udgiv", where editors look for it.

    Opens Wagtail's own scheduling dialog (the one the status side panel opens), so go-live and
    expiry are set exactly as there; shown to whoever may publish the page (``PublishMenuItem``).
    """

    label = _("Planlæg udgivelse")
    name = "action-schedule"
    template_name = "core/admin/schedule_menu_item.html"
    icon_name = "calendar"


@hooks.register("register_page_action_menu_item")
def schedule_publishing_menu_item():
    return SchedulePublishingMenuItem(order=5)
