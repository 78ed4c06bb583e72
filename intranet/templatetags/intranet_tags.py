from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The main navigation of the contract in DESIGN.md: fixed, top-level addresses.
MAIN_NAVIGATION = [
    ("/", _("Forside")),
    ("/nyheder/", _("Nyheder")),
    ("/projekter/", _("Projekter")),
    ("/forandringsagenter/", _("Forandringsagenter")),
]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The main menu with the current section marked, for ``aria-current``."""
    request = context.get("request")
    path = request.path if request else "/"
    items = []
    for href, label in MAIN_NAVIGATION:
        current = path == href
        active = current or (href != "/" and path.startswith(href))
        items.append({"href": href, "label": label, "current": current, "active": active})
    return items


@register.filter
def add_class(field, css_class):
    """Render a form field's widget with an extra CSS class (DKFDS ``form-input`` etc.)."""
    existing = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{existing} {css_class}".strip()})
