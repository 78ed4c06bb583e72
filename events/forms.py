"""The front-end form change agents and project leads plan an event with (works without JavaScript)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.names import display_name
from people import roles
from projects.models import ProjectPage

from .models import CANCELLATION_NOTE_MAX, MAX_CAPACITY

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class EventForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    start = forms.DateTimeField(label=_("Starter"), widget=DateTimeInput(), help_text=_("Dato og klokkeslæt."))
    end = forms.DateTimeField(label=_("Slutter"), widget=DateTimeInput(), help_text=_("Dato og klokkeslæt."))
    location = forms.CharField(label=_("Sted"), max_length=200, help_text=_("Fx “Rådhuset, mødelokale 2”."))
    project = forms.ModelChoiceField(
        label=_("Projekt"),
        queryset=ProjectPage.objects.none(),
        required=False,
        empty_label=_("Intet projekt"),
        help_text=_("Workshoppens resultat indsendes under projektet bagefter."),
    )
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitatorer"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De forandringsagenter, der leder workshoppen."),
    )
    capacity = forms.IntegerField(label=_("Antal pladser"), min_value=1, max_value=MAX_CAPACITY)
    description = forms.CharField(
        label=_("Beskrivelse"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, event=None, seats_taken=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.seats_taken = seats_taken
        self.fields["project"].queryset = ProjectPage.objects.live().defer_streamfields().order_by("title")
        self.fields["facilitators"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=roles.CHANGE_AGENTS)
            .order_by("first_name", "last_name", "username")
        )
        self.fields["facilitators"].label_from_instance = display_name
        self.fields["facilitators"].widget.attrs["class"] = "form-checkbox"

    def clean_start(self):
        start = self.cleaned_data["start"]
        unchanged = self.event is not None and self.event.start == start
        if start <= timezone.now() and not unchanged:
            raise forms.ValidationError(_("Starttidspunktet skal ligge i fremtiden."), code="past")
        return start

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < self.seats_taken:
            raise self.capacity_error(self.seats_taken)
        return capacity

    @staticmethod
    def capacity_error(seats_taken):
        return forms.ValidationError(
            _("%(count)s har allerede en plads. Vælg mindst %(count)s pladser.") % {"count": seats_taken},
            code="below_taken",
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error(
                "end", forms.ValidationError(_("Sluttidspunktet skal ligge efter starttidspunktet."), code="order")
            )
        return cleaned


class CancelEventForm(forms.Form):
    """``<event>/aflys/``: calling the event off, with a few words to those who signed up."""

    note = forms.CharField(
        label=_("Besked til de tilmeldte"),
        max_length=CANCELLATION_NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Fx hvorfor den er aflyst, og om der kommer en ny dato. Beskeden står også på begivenhedens side."),
    )
