"""The admin's edit form for project pages (kept apart from ``forms`` so models can import it)."""

from django.utils.translation import gettext as _

from core.forms import BasePageForm
from core.names import display_name


def person_label(user):
    """The name and, to tell namesakes apart in the chooser, the username."""
    name = display_name(user)
    return name if name == user.get_username() else f"{name} ({user.get_username()})"


class ProjectPageForm(BasePageForm):
    """Shows people by name in the lead and team choosers and refuses the same person twice in the team."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "lead" in self.fields:
            self.fields["lead"].label_from_instance = person_label
            self.fields["lead"].queryset = (
                self.fields["lead"].queryset.filter(is_active=True).order_by("first_name", "last_name")
            )
        team = self.formsets.get("team_members")
        if team is not None:
            for form in [*team.forms, team.empty_form]:
                form.fields["user"].label_from_instance = person_label

    def clean(self):
        cleaned_data = super().clean()
        team = self.formsets.get("team_members")
        if team is None:
            return cleaned_data
        seen = set()
        for form in team.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            user = form.cleaned_data.get("user")
            if user is None:
                continue
            if user.pk in seen:
                form.add_error("user", _("Personen står allerede i projektgruppen."))
            seen.add(user.pk)
        return cleaned_data
