from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import all_kinds


class PreferencesForm(forms.Form):
    """Two check boxes per registered kind: show it here, and also send it by e-mail."""

    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = list(all_kinds().values())
        self.rows = []
        for kind in self.kinds:
            enabled, email = preferences.get(kind.key, (True, kind.email_default))
            self.fields[f"{kind.key}__enabled"] = forms.BooleanField(label=_("Vis"), required=False, initial=enabled)
            if kind.email_optional:
                self.fields[f"{kind.key}__email"] = forms.BooleanField(
                    label=_("Send også som e-mail"), required=False, initial=email
                )
        for kind in self.kinds:
            email_field = self[f"{kind.key}__email"] if kind.email_optional else None
            self.rows.append((kind, self[f"{kind.key}__enabled"], email_field))

    def choices(self):
        return {
            kind.key: (self.cleaned_data[f"{kind.key}__enabled"], self.cleaned_data.get(f"{kind.key}__email", False))
            for kind in self.kinds
        }


class FollowForm(forms.Form):
    type = forms.CharField(max_length=100)
    id = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[("follow", "follow"), ("unfollow", "unfollow")])
