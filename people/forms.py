import re

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from core.names import display_name

from .models import Profile
from .photos import profile_photo_collection

HTML_PATTERN = re.compile(r"<\s*[a-zA-Z/!?]")
MAX_COMPETENCIES = 15
MAX_COMPETENCE_LENGTH = 60


def reject_html(value):
    if value and HTML_PATTERN.search(value):
        raise forms.ValidationError(_("Feltet må ikke indeholde HTML eller kode. Skriv almindelig tekst."))
    return value


class ProfileForm(forms.ModelForm):
    """The personal fields a person keeps on their own profile at ``/min-profil/``.

    The form never takes a user from the request data: the view binds it to ``request.user``'s
    profile, so nobody can edit someone else's profile through it.
    """

    new_photo = WagtailImageField(label=_("Nyt foto"), required=False)
    remove_photo = forms.BooleanField(label=_("Fjern mit foto"), required=False)

    class Meta:
        model = Profile
        fields = ["job_title", "department", "phone", "competencies", "methods", "photo_alt_text"]
        widgets = {"methods": forms.Textarea(attrs={"rows": 4})}

    field_order = [
        "job_title",
        "department",
        "phone",
        "competencies",
        "methods",
        "new_photo",
        "photo_alt_text",
    ]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.old_photo_id = self.instance.photo_id
        self.fields["department"].empty_label = _("Vælg afdeling")
        self.fields["new_photo"].help_text = _("JPG, PNG, WEBP eller GIF, højst %(size)s.") % {
            "size": self.fields["new_photo"].max_upload_size_text
        }
        if not self.instance.photo_id:
            del self.fields["remove_photo"]

    def clean_job_title(self):
        return reject_html(self.cleaned_data["job_title"].strip())

    def clean_methods(self):
        return reject_html(self.cleaned_data["methods"].strip())

    def clean_photo_alt_text(self):
        return reject_html(self.cleaned_data["photo_alt_text"].strip())

    def clean_competencies(self):
        names = []
        for name in self.cleaned_data["competencies"]:  # written twice in another case: kept once
            if name.casefold() not in {kept.casefold() for kept in names}:
                names.append(name)
        for name in names:
            reject_html(name)
            if len(name) > MAX_COMPETENCE_LENGTH:
                raise forms.ValidationError(
                    _("Hver kompetence må højst være %(max)s tegn.") % {"max": MAX_COMPETENCE_LENGTH}
                )
        if len(names) > MAX_COMPETENCIES:
            raise forms.ValidationError(_("Skriv højst %(max)s kompetencer.") % {"max": MAX_COMPETENCIES})
        return names

    def clean(self):
        cleaned = super().clean()
        keeps_photo = bool(self.instance.photo_id) and not cleaned.get("remove_photo")
        if (cleaned.get("new_photo") or keeps_photo) and not cleaned.get("photo_alt_text"):
            self.add_error("photo_alt_text", _("Beskriv fotoet, så det også giver mening for skærmlæsere."))
        elif cleaned.get("remove_photo") and not cleaned.get("new_photo"):
            # Before the model's own validation runs, which asks for alt text whenever there is a photo.
            self.instance.photo = None
            cleaned["photo_alt_text"] = ""
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        assert commit, "the profile form always saves"
        profile = super().save(commit=False)
        if self.cleaned_data.get("new_photo"):
            profile.photo = self._store_photo(self.cleaned_data["new_photo"])
        profile.save()
        self.save_m2m()
        if self.old_photo_id and self.old_photo_id != profile.photo_id:
            # A replaced portrait the person uploaded is personal data nobody needs any more.
            get_image_model().objects.filter(pk=self.old_photo_id, uploaded_by_user=self.user).delete()
        return profile

    def _store_photo(self, upload):
        image = get_image_model()(
            title=_("Profilfoto: %(name)s") % {"name": display_name(self.user)},
            file=upload,
            uploaded_by_user=self.user,
            collection=profile_photo_collection(),
        )
        image._set_image_file_metadata()
        image.save()
        return image
