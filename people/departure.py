"""People who leave: everything the intranet holds about one person, and anonymising a departed employee.

people/ knows the account and the profile; what other apps keep about a person they add through
two Wagtail hooks, so people/ imports none of them:

- ``person_data_export``: a function taking the user and returning ``{section name: JSON-safe data}``
  (comments, submissions, reactions, ...), merged into :func:`export_person`.
- ``person_anonymise``: a function taking the user, removing what that app holds that names or
  reaches the person (news: the secret feed address). Contributions themselves stay: comments are
  shown as "Tidligere medarbejder", submissions and their history stay for the strategy report.

Both actions are written to Wagtail's audit log on the user account.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from notifications import services as notification_services

from .models import Profile, SingleSignOnIdentity

EXPORT_HOOK = "person_data_export"
ANONYMISE_HOOK = "person_anonymise"
EXPORTED = "people.person_exported"
ANONYMISED = "people.person_anonymised"


def _iso(moment):
    return moment.isoformat() if moment else None


def export_person(user, *, by=None):
    """A JSON-safe dict of everything held about ``user``; the export is logged."""
    profile = Profile.objects.filter(user=user).select_related("department", "photo").first()
    data = {
        "exported_at": _iso(timezone.now()),
        "account": {
            "id": user.pk,
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_active": user.is_active,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "single_sign_on": [
                {"issuer": identity.issuer, "subject": identity.subject, "first_login": _iso(identity.created_at)}
                for identity in SingleSignOnIdentity.objects.filter(user=user).order_by("pk")
            ],
        },
        "profile": None,
    }
    if profile is not None:
        data["profile"] = {
            "job_title": profile.job_title,
            "department": profile.department.name if profile.department else None,
            "phone": profile.phone,
            "methods": profile.methods,
            "competencies": sorted(profile.competencies.values_list("name", flat=True)),
            "photo": profile.photo.file.name if profile.photo else None,
            "photo_alt_text": profile.photo_alt_text,
        }
    data["notification_preferences"] = {
        kind: {"shown": enabled, "email": email}
        for kind, (enabled, email) in notification_services.preferences_of(user).items()
    }
    data["follows"] = [
        {"type": str(item["label"]), "title": str(item["target"])} for item in notification_services.followed_by(user)
    ]
    for contribute in hooks.get_hooks(EXPORT_HOOK):
        data.update(contribute(user))
    log(user, EXPORTED, user=by)
    return data


@transaction.atomic
def anonymise_person(user, *, by=None):
    """Deactivate the account and remove name, photo, contact data and the feed address.

    Comments, submissions and their history are kept. The username becomes ``tidligere-<id>``
    so the account can never be signed in to or found by name again.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.username = f"tidligere-{user.pk}"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    # A person who comes back through single sign-on starts afresh, not in the anonymised account.
    SingleSignOnIdentity.objects.filter(user=user).delete()
    profile = Profile.objects.filter(user=user).select_related("photo").first()
    if profile is not None:
        photo = profile.photo
        profile.photo = None
        profile.photo_alt_text = ""
        profile.job_title = ""
        profile.phone = ""
        profile.methods = ""
        profile.department = None
        profile.save()
        profile.competencies.clear()
        if photo is not None and not _used_elsewhere(photo, profile):
            photo.delete()
    # The admin's own avatar (Wagtail's account settings) is a photo too.
    for account_settings in UserProfile.objects.filter(user=user):
        if account_settings.avatar:
            account_settings.avatar.delete(save=False)
        account_settings.delete()
    notification_services.forget(user)
    for anonymise in hooks.get_hooks(ANONYMISE_HOOK):
        anonymise(user)
    log(user, ANONYMISED, user=by)
    return user


def _used_elsewhere(image, profile):
    return Profile.objects.filter(photo=image).exclude(pk=profile.pk).exists()
