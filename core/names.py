"""How a person is named wherever the intranet shows them: lists, pages, e-mails, the admin."""


def display_name(user):
    """The person's full name, or their username when no name is recorded; "" for no one."""
    if not user:
        return ""
    return user.get_full_name() or user.get_username()
