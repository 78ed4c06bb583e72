from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .admin_views import StatusView


@hooks.register("register_admin_urls")
def register_status_url():
    return [path("driftsstatus/", StatusView.as_view(), name="operations_status")]


@hooks.register("register_settings_menu_item")
def register_status_menu_item():
    return AdminOnlyMenuItem(_("Driftsstatus"), reverse("operations_status"), icon_name="cogs", order=1000)
