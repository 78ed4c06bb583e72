"""A searchable person chooser for the admin: name and department, for 3,000 employees.

Built on Wagtail's ``ChooserViewSet`` (https://docs.wagtail.org/en/stable/extending/generic_views.html#chooserviewset):
a modal that searches by name, user name or department and lists name and department, instead of
a drop-down of every account. Other apps use ``person_chooser_viewset.widget_class`` on their
user fields (project lead and team, news author).
"""

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from core.names import display_name

MAX_SEARCH_WORDS = 5


def person_label(user):
    """Full name, and the department when the profile has one."""
    name = display_name(user)
    department = getattr(getattr(getattr(user, "profile", None), "department", None), "name", "")
    return f"{name} ({department})" if department else name


class PersonSearchForm(BaseFilterForm):
    """Every word must match the first name, last name, user name or department."""

    q = forms.CharField(
        label=_("Søg efter navn eller afdeling"),
        widget=forms.TextInput(attrs={"placeholder": _("Navn eller afdeling")}),
        required=False,
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            for word in query.split()[:MAX_SEARCH_WORDS]:
                objects = objects.filter(
                    Q(first_name__icontains=word)
                    | Q(last_name__icontains=word)
                    | Q(username__icontains=word)
                    | Q(profile__department__name__icontains=word)
                )
            self.is_searching = True
            self.search_query = query
        return objects


class PersonListingMixin:
    filter_form_class = PersonSearchForm
    ordering = ("first_name", "last_name", "username")
    per_page = 20

    def get_object_list(self):
        return get_user_model().objects.filter(is_active=True).select_related("profile__department")

    @property
    def columns(self):
        name = TitleColumn(
            "name",
            label=_("Navn"),
            accessor=display_name,
            get_url=(
                None
                if self.is_multiple_choice
                else lambda user: self.append_preserved_url_parameters(
                    reverse(self.chosen_url_name, args=(quote(user.pk),))
                )
            ),
            link_attrs={} if self.is_multiple_choice else {"data-chooser-modal-choice": True},
            label_prefix="chooser-modal-select" if self.is_multiple_choice else None,
        )
        department = Column(
            "department",
            label=_("Afdeling"),
            accessor=lambda user: getattr(getattr(getattr(user, "profile", None), "department", None), "name", ""),
        )
        return [self.checkbox_column, name, department] if self.is_multiple_choice else [name, department]


class PersonChooseView(PersonListingMixin, chooser_views.ChooseView):
    pass


class PersonChooseResultsView(PersonListingMixin, chooser_views.ChooseResultsView):
    pass


class PersonChosenView(chooser_views.ChosenView):
    def get_display_title(self, instance):
        return person_label(instance)


class PersonChooserWidget(BaseChooser):
    def get_display_title(self, instance):
        return person_label(instance)


class PersonChooserViewSet(ChooserViewSet):
    icon = "user"
    choose_one_text = _("Vælg en person")
    choose_another_text = _("Vælg en anden")
    edit_item_text = None
    page_title = _("Vælg en person")
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    chosen_view_class = PersonChosenView
    base_widget_class = PersonChooserWidget


person_chooser_viewset = PersonChooserViewSet(
    "person_chooser", model=settings.AUTH_USER_MODEL, url_prefix="personvaelger"
)
PersonChooser = person_chooser_viewset.widget_class


class FilteredPersonCheckboxes(forms.CheckboxSelectMultiple):
    """Several people at once in the admin: each labelled with name and department, with a search field.

    For a many-to-many field to people that a chooser cannot hold (Wagtail's choosers pick one
    object; ``MultipleChooserPanel`` needs an inline model): the field's queryset limits the list
    (the facilitators' is the change agents), and ``static/js/checkbox-filter.js`` narrows it as one
    types a name or department, as the front end's submission form does. Without JavaScript the
    whole list is there.
    """

    template_name = "people/widgets/filtered_checkboxes.html"
    filter_label = _("Find en person (navn eller afdeling)")

    class Media:
        js = ["js/checkbox-filter.js"]

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        instance = getattr(value, "instance", None)
        if instance is not None:
            label = person_label(instance)
        return super().create_option(name, value, label, selected, index, subindex, attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_label"] = self.filter_label
        return context

    def render(self, name, value, attrs=None, renderer=None):
        """Drawn from the project's templates (Django's form renderer reads only the apps' folders)."""
        return render_to_string(self.template_name, self.get_context(name, value, attrs))
