from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import MAX_LENGTH


class CommentBodyField(forms.CharField):
    """Plain text; browsers send line breaks as CRLF, which must count as one character."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class CommentForm(forms.Form):
    body = CommentBodyField(
        label=_("Din kommentar"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Skriv en kommentar, før du sender den."),
            "max_length": _("Kommentaren må højst være på %(limit_value)d tegn. Den er nu på %(show_value)d tegn."),
        },
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor skal kommentaren ses af en moderator?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Begrundelsen må højst være på %(limit_value)d tegn.")},
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse (vises i stedet for kommentaren)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Skriv en begrundelse for at skjule kommentaren."),
            "max_length": _("Begrundelsen må højst være på %(limit_value)d tegn."),
        },
    )
