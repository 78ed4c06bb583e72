from django import template

from core.names import display_name as name_of

register = template.Library()


@register.filter
def display_name(user):
    """``{{ comment.author|display_name }}``: see :func:`core.names.display_name`."""
    return name_of(user)
