"""How a person is named wherever the intranet shows them: lists, pages, e-mails, the admin."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _


def display_name(user):
    """The person's full name, or their username when no name is recorded; "" for no one.

    A closed account without a name (an anonymised former employee, people/departure.py) is
    "Tidligere medarbejder", never its placeholder username.
    """
    if not user:
        return ""
    full_name = user.get_full_name()
    if full_name:
        return full_name
    if not user.is_active:
        return _("Tidligere medarbejder")
    return user.get_username()


def name_card(person):
    """An unsaved copy of ``person`` with only what a name and a profile link need, to keep in a cache
    (no password hash, no e-mail address)."""
    return get_user_model()(
        pk=person.pk,
        username=person.username,
        first_name=person.first_name,
        last_name=person.last_name,
        is_active=person.is_active,
    )
