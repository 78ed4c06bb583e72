"""The change-agent directory's search form.

Apart from ``forms`` (which builds on the models) so that the directory page can use it: the
page passes in the departments and competences to choose from.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class DirectorySearchForm(forms.Form):
    """The directory's search: free text plus department and competence filters (GET, works without JS)."""

    q = forms.CharField(
        label=_("Søg efter navn, afdeling eller kompetence"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    afdeling = forms.ModelChoiceField(
        label=_("Afdeling"), queryset=None, required=False, empty_label=_("Alle afdelinger")
    )
    kompetence = forms.ModelChoiceField(
        label=_("Kompetence"), queryset=None, to_field_name="slug", required=False, empty_label=_("Alle kompetencer")
    )

    def __init__(self, data=None, *, departments, competences, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["afdeling"].queryset = departments
        self.fields["kompetence"].queryset = competences

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
