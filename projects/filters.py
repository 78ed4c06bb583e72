"""The project index's filter form; the page passes in the themes to choose from."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ProjectStatus


class ProjectFilterForm(forms.Form):
    """The project index's filters (GET, works without JS)."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle statusser")), *ProjectStatus.choices], required=False
    )
    tema = forms.ModelChoiceField(
        label=_("Tema"), queryset=None, to_field_name="slug", required=False, empty_label=_("Alle temaer")
    )

    def __init__(self, data=None, *, themes, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["tema"].queryset = themes
