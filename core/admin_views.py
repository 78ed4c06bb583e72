"""The operator's status page in the Wagtail admin (superusers only)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .status import collect


class StatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/status.html"
    page_title = _("Driftsstatus")
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "status": collect()}
