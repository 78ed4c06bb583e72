from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with Danish wording that does not reveal which half was wrong."""

    error_messages = {
        "invalid_login": _("Forkert brugernavn eller adgangskode. Prøv igen."),
        "inactive": _("Denne konto er deaktiveret."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Brugernavn")
        self.fields["password"].label = _("Adgangskode")
        self.fields["username"].widget = forms.TextInput(
            attrs={"autocomplete": "username", "autofocus": True, "class": "form-input", "autocapitalize": "none"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "form-input"}
        )
