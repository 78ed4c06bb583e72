"""Secret addresses: a per-person token in a URL, for feed readers and calendar programs that cannot log in.

The news feed (``news.FeedToken``) and the workshop calendar (``events.CalendarToken``) each keep
one token per person. Both are this abstract model: one set of rules (a long random token,
unique; regenerating replaces it so a leaked address stops working at once; only an active
person's token opens anything), two tables. Two tables rather than one with a ``kind`` field
because the addresses are separate secrets: regenerating or leaking one must not touch the other,
each app deletes its own on departure without knowing the other, and the apps sit on different
layers (``news`` below ``events``), neither importing the other.
"""

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class SecretAddressToken(models.Model):
    """A person's secret token. Subclasses add ``user``: a ``OneToOneField`` with their own ``related_name``."""

    token = models.CharField(_("nøgle"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("oprettet"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]

    @classmethod
    def of_active_person(cls, token):
        """The token row behind an address, or None when unknown, regenerated or its person has left."""
        return cls.objects.filter(token=token, user__is_active=True).select_related("user").first()

    def regenerate(self):
        self.token = new_token()
        self.save(update_fields=["token", "created_at"])
        return self.token


def own_address_section(request, person, token_model, template, feed_url_name, regenerate_url_name):
    """A ``people_profile_sections`` entry showing the secret address, on the viewer's own profile only."""
    if not request.user.is_authenticated or person.pk != request.user.pk:
        return None
    token = token_model.for_user(request.user).token
    return {
        "template": template,
        "context": {
            "feed_url": request.build_absolute_uri(reverse(feed_url_name, kwargs={"token": token})),
            "regenerate_url": reverse(regenerate_url_name),
        },
    }
