from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ProjectStatus, Theme


class ProjectFilterForm(forms.Form):
    """The project index's filters (GET, works without JS)."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle statusser")), *ProjectStatus.choices], required=False
    )
    tema = forms.ModelChoiceField(
        label=_("Tema"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle temaer"),
    )
