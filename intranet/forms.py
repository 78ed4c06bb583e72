from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import login_brake


class LoginForm(AuthenticationForm):
    """Django's login form with Danish wording that does not reveal which half was wrong."""

    error_messages = {
        "invalid_login": _("Forkert brugernavn eller adgangskode. Prøv igen."),
        "inactive": _("Denne konto er deaktiveret."),
        "braked": _(
            "Der har været mange forkerte forsøg på at logge ind som denne bruger. Log ind fra en browser, "
            "du har brugt før, eller prøv igen om en time."
        ),
    }
    braked = False

    def __init__(self, request=None, *args, superusers_only=False, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.superusers_only = superusers_only
        self.fields["username"].label = _("Brugernavn")
        self.fields["password"].label = _("Adgangskode")
        self.fields["username"].widget = forms.TextInput(
            attrs={"autocomplete": "username", "autofocus": True, "class": "form-input", "autocapitalize": "none"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "form-input"}
        )

    def clean(self):
        username = self.cleaned_data.get("username")
        if login_brake.is_braked(self.request, username):
            self.braked = True
            raise forms.ValidationError(self.error_messages["braked"], code="braked")
        return super().clean()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if self.superusers_only and not user.is_superuser:
            # OIDC_ONLY: everyone else signs in through the municipality's accounts. The answer is the
            # same as for a wrong password, so the form tells nobody that a password was right.
            raise self.get_invalid_login_error()
