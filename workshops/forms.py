"""The front-end outcome form: works without JavaScript, refuses bad input next to the field."""

import datetime
from pathlib import Path

from django import forms
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import roles
from people.choosers import person_label

from .blocks import IDEA_DESCRIPTION_MAX_LENGTH, IDEA_TITLE_MAX_LENGTH
from .choices import IdeaStatus
from .models import MAX_PARTICIPANTS, TEXT_MAX_LENGTH

MAX_ATTACHMENT_SIZE = 20 * 1024 * 1024
# Per outcome, counting the files it already has (minus those ticked for removal) and the new ones.
MAX_ATTACHMENTS = 10
MAX_ATTACHMENTS_TOTAL_SIZE = 50 * 1024 * 1024
MAX_IDEAS = 30
# The first bytes each allowed file type starts with: a renamed .exe is refused.
ALLOWED_ATTACHMENTS = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
ACCEPT = ".pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png"


def change_agents():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.CHANGE_AGENTS)
        .select_related("profile__department")
        .order_by("first_name", "last_name", "username")
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input; each is checked for type, content and size."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        errors = []
        for upload in files:
            name = Path(upload.name).name
            extension = Path(name).suffix.lower().lstrip(".")
            if extension not in ALLOWED_ATTACHMENTS:
                errors.append(
                    forms.ValidationError(
                        _("%(name)s: filtypen er ikke tilladt. Brug pdf, docx, xlsx, pptx, jpg eller png."),
                        params={"name": name},
                        code="file_type",
                    )
                )
                continue
            if upload.size > MAX_ATTACHMENT_SIZE:
                errors.append(
                    forms.ValidationError(
                        _("%(name)s er for stor (%(size)s). Hver fil må højst fylde 20 MB."),
                        params={"name": name, "size": filesizeformat(upload.size)},
                        code="file_size",
                    )
                )
                continue
            head = upload.read(8)
            upload.seek(0)
            if not head.startswith(ALLOWED_ATTACHMENTS[extension]):
                errors.append(
                    forms.ValidationError(
                        _("%(name)s ser ikke ud til at være en %(ext)s-fil."),
                        params={"name": name, "ext": extension},
                        code="file_content",
                    )
                )
        if errors:
            raise forms.ValidationError(errors)
        return files


class OutcomeForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    workshop_date = forms.DateField(
        label=_("Dato for workshoppen"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Fx 2012-01-24."),
    )
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitatorer"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vælg de forandringsagenter, der ledte workshoppen."),
        error_messages={"required": _("Vælg mindst én forandringsagent.")},
    )
    employee_participants = forms.IntegerField(
        label=_("Antal deltagende medarbejdere"), min_value=0, max_value=MAX_PARTICIPANTS
    )
    citizen_participants = forms.IntegerField(
        label=_("Antal deltagende borgere"),
        min_value=0,
        max_value=MAX_PARTICIPANTS,
        help_text=_("Kun antallet. Skriv aldrig borgernes navne eller andre oplysninger om dem."),
    )
    method = forms.CharField(
        label=_("Metode og øvelser"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hvilke kreative metoder og øvelser brugte I?"),
    )
    summary = forms.CharField(
        label=_("Opsummering"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6})
    )
    next_steps = forms.CharField(
        label=_("Næste skridt"), max_length=TEXT_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    attachments = AttachmentsField(
        label=_("Vedhæftede filer"),
        help_text=_(
            "Dokumenter og fotos: pdf, docx, xlsx, pptx, jpg eller png, højst 20 MB pr. fil, "
            "højst 10 filer og 50 MB i alt. "
            "Vælg filerne til sidst: hvis formularen vises igen, skal de vælges på ny."
        ),
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Fjern vedhæftede filer"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    token = forms.UUIDField(widget=forms.HiddenInput)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, outcome=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome = outcome
        self.fields["facilitators"].queryset = change_agents()
        self.fields["facilitators"].label_from_instance = person_label
        self.fields["facilitators"].widget.attrs["class"] = "form-checkbox"
        if "remove_attachments" in self.fields:
            self.fields["remove_attachments"].widget.attrs["class"] = "form-checkbox"
            self.fields["remove_attachments"].label_from_instance = lambda item: item.original_name
        if outcome is not None and outcome.attachments.exists():
            self.fields["remove_attachments"].queryset = outcome.attachments.order_by("pk")
        else:
            del self.fields["remove_attachments"]

    def clean_workshop_date(self):
        date = self.cleaned_data["workshop_date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Workshoppen kan ikke ligge i fremtiden."), code="future")
        if date < datetime.date(2000, 1, 1):
            raise forms.ValidationError(_("Datoen ser forkert ud. Skriv den som år-måned-dag."), code="too_old")
        return date

    def clean(self):
        cleaned = super().clean()
        self._check_attachment_limits(cleaned)
        return cleaned

    def _check_attachment_limits(self, cleaned):
        """At most ``MAX_ATTACHMENTS`` files and ``MAX_ATTACHMENTS_TOTAL_SIZE`` bytes per outcome."""
        new = cleaned.get("attachments") or []
        if not new:
            return
        kept = []
        if self.outcome is not None:
            removed = {item.pk for item in cleaned.get("remove_attachments") or ()}
            kept = [item for item in self.outcome.attachments.all() if item.pk not in removed]
        count = len(kept) + len(new)
        if count > MAX_ATTACHMENTS:
            self.add_error(
                "attachments",
                forms.ValidationError(
                    _("Et workshopresultat kan højst have %(max)s vedhæftede filer (her ville der være %(count)s)."),
                    params={"max": MAX_ATTACHMENTS, "count": count},
                    code="too_many_files",
                ),
            )
            return
        total = sum(item.size for item in kept) + sum(upload.size for upload in new)
        if total > MAX_ATTACHMENTS_TOTAL_SIZE:
            self.add_error(
                "attachments",
                forms.ValidationError(
                    _("Filerne fylder %(size)s i alt. Et workshopresultat må højst have 50 MB vedhæftet."),
                    params={"size": filesizeformat(total)},
                    code="too_large_in_all",
                ),
            )

    def clean_revision(self):
        """A stale edit (a second tab, or changes after someone else's) would overwrite newer text."""
        revision = self.cleaned_data.get("revision")
        if self.outcome is not None and revision != self.outcome.latest_revision_id:
            raise forms.ValidationError(
                _("Resultatet er ændret, siden du åbnede formularen. Åbn det igen og skriv dine ændringer ind på ny."),
                code="stale",
            )
        return revision


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Idéens titel"), max_length=IDEA_TITLE_MAX_LENGTH)
    description = forms.CharField(
        label=_("Beskrivelse af idéen"),
        max_length=IDEA_DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    block_id = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class BaseIdeaFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "ideas")
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Fjern denne idé")

    default_error_messages = {
        "too_few_forms": _("Skriv mindst én idé."),
        "too_many_forms": _("Højst %(num)d idéer pr. workshop.") % {"num": MAX_IDEAS},
        "missing_management_form": _("Formularen er ufuldstændig. Genindlæs siden og prøv igen."),
    }

    @property
    def ideas(self):
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data.get("title") and not self._should_delete_form(form)
        ]


IdeaFormSet = forms.formset_factory(
    IdeaForm,
    formset=BaseIdeaFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_IDEAS,
    validate_max=True,
    can_delete=True,
)


def unbound_copy(form_class, formset_class, data, *, outcome=None, extra_idea=False):
    """Re-render what was typed, without errors: used by the "add another idea" button."""
    form = form_class(outcome=outcome, initial=_initial_from(form_class(outcome=outcome), data))
    formset = formset_class(data)
    count = 0
    initial = []
    if formset.management_form.is_valid():
        count = formset.management_form.cleaned_data["TOTAL_FORMS"]
    for index in range(min(count, MAX_IDEAS)):
        prefix = f"ideas-{index}-"
        if data.get(prefix + "DELETE"):
            continue
        initial.append({name: data.get(prefix + name, "") for name in ("title", "description", "block_id")})
    if extra_idea and len(initial) < MAX_IDEAS:
        initial.append({})
    formset = formset_class(initial=initial or [{}])
    if extra_idea:
        # The new, empty idea gets the focus: the button that was pressed is gone with the reload.
        formset.forms[-1].fields["title"].widget.attrs["autofocus"] = True
    return form, formset


def _initial_from(form, data):
    initial = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    return initial


class IdeaMoveForm(forms.Form):
    """The lead's status move on the outcome page; ``from_status`` detects a move made meanwhile."""

    from_status = forms.ChoiceField(choices=IdeaStatus.choices, widget=forms.HiddenInput)
    to_status = forms.ChoiceField(label=_("Ny status"), choices=IdeaStatus.choices)


class ReviewDecisionForm(forms.Form):
    """The reviewer's screen: one comment field and two buttons (``action`` = approve / reject).

    Approving may carry a comment; requesting changes must say what to change.
    """

    ACTIONS = ("approve", "reject")

    action = forms.ChoiceField(choices=[(name, name) for name in ACTIONS], widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Kommentar til indsenderen"),
        help_text=_(
            "Skal udfyldes, når du anmoder om ændringer. Kommentaren sendes til den, der indsendte resultatet."
        ),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "reject" and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", _("Skriv, hvad der skal ændres."))
        return cleaned
