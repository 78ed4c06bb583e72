"""Moderation actions in the Wagtail admin (wagtail-modeladmin views for one comment)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail_modeladmin.views import InstanceSpecificView

from . import services
from .forms import HideForm


class ModerateView(InstanceSpecificView):
    """GET shows a confirmation (with a reason field when hiding); POST acts and returns to the list."""

    template_name = "comments/admin/moderate.html"
    action = None  # "hide", "unhide" or "dismiss"
    titles = {
        "hide": gettext_lazy("Skjul kommentar"),
        "unhide": gettext_lazy("Vis kommentar igen"),
        "dismiss": gettext_lazy("Afvis anmeldelser"),
    }

    def __init__(self, model_admin, instance_pk, action):
        self.action = action
        super().__init__(model_admin, instance_pk)

    def check_action_permitted(self, user):
        return services.can_moderate(user)

    def get_page_title(self):
        return self.titles[self.action]

    def get_form(self):
        if self.action != "hide":
            return None
        return HideForm(self.request.POST or None, auto_id="hide-%s")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        try:
            if self.action == "hide":
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form), status=400)
                services.hide_comment(self.instance, request.user, form.cleaned_data["reason"])
                messages.success(request, _("Kommentaren er skjult."))
            elif self.action == "unhide":
                services.unhide_comment(self.instance, request.user)
                messages.success(request, _("Kommentaren vises igen."))
            else:
                services.dismiss_reports(self.instance, request.user)
                messages.success(request, _("Anmeldelserne er afvist. Kommentaren vises fortsat."))
        except ValidationError as error:
            if form is not None:
                form.add_error("reason", error)
                return self.render_to_response(self.get_context_data(form=form), status=400)
            messages.error(request, " ".join(error.messages))
        return redirect(self.next_url() or self.url_helper.index_url)

    def next_url(self):
        """Where the moderator came from (the queue at /moderering/), when it is on this site."""
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return ""

    def get_context_data(self, **kwargs):
        reports = self.instance.reports.filter(resolved_at__isnull=True).select_related("reporter")
        return super().get_context_data(
            action=self.action, open_reports=reports.order_by("created_at"), next_url=self.next_url(), **kwargs
        )
