"""The admin's views of our own: the operator's status page (superusers only), and the page create
view every page type of the intranet uses."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry

from .forms import BasePageForm
from .models import BasePage
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


class PageCreateView(CreateView):
    """Wagtail's create view, safe for two saves of one new page at the same moment.

    An editor's click and an autosave still on its way can both reach the add address. The second
    then finds the address taken by the page the first has just made (after its form was checked).
    That comes back as the form's error on the address, naming and linking the page, as any taken
    address does, instead of a server error; and each save is made whole or not at all.
    """

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            if "slug" not in getattr(error, "error_dict", {}):
                raise
            holder = self.parent_page.get_children().filter(slug=self.page.slug).first()
            form.add_error(
                "slug", BasePageForm.taken_error(self.page.slug, holder) if holder else error.error_dict["slug"]
            )
            return self.form_invalid(form)


class IntranetPageViewSet(PageViewSet):
    """The admin's views of every page type of the intranet: Wagtail's, with the create view above.

    Its views work on Wagtail's ``Page``, as the default viewset's do; it answers for ``BasePage``,
    and so for every page type of ours (Wagtail finds a type's viewset along its inheritance).
    """

    name = "intranet_pages"
    add_view_class = PageCreateView

    def on_register(self):
        super(PageViewSet, self).on_register()  # what every viewset does on registering, but ...
        page_viewset_registry.register(BasePage, self, parent_models=self.parent_models)  # ... for our pages
