"""Admin actions for a person who leaves: export their data as JSON, anonymise the account (superusers)."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.names import display_name

from .departure import anonymise_person, export_person


def _require_superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def export_view(request, user_id):
    _require_superuser(request)
    person = get_object_or_404(get_user_model(), pk=user_id)
    data = export_person(person, by=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="persondata-{person.pk}.json"'
    return response


class AnonymiseView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; POST anonymises and returns to the user list."""

    template_name = "people/admin/anonymise.html"
    page_title = gettext_lazy("Anonymisér tidligere medarbejder")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        _require_superuser(request)
        self.person = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "person": self.person}

    def post(self, request, *args, **kwargs):
        name = display_name(self.person)
        anonymise_person(self.person, by=request.user)
        messages.success(request, _("%(name)s er anonymiseret, og kontoen er lukket.") % {"name": name})
        return redirect("wagtailusers_users:index")
