"""How a person is named wherever the intranet shows them: lists, pages, e-mails, the admin."""

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
