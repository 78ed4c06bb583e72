from django import template
from django.utils.translation import gettext_lazy as _

from workshops.services import can_see_report

register = template.Library()

# The main navigation of the contract in DESIGN.md: fixed, top-level addresses.
MAIN_NAVIGATION = [
    ("/", _("Forside")),
    ("/nyheder/", _("Nyheder")),
    ("/projekter/", _("Projekter")),
    ("/forandringsagenter/", _("Forandringsagenter")),
]
# Shown only to those who may open it (``workshops.services.can_see_report``).
REPORT_ITEM = ("/rapport/", _("Rapport"))


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The main menu with the current section marked, for ``aria-current``."""
    request = context.get("request")
    path = request.path if request else "/"
    items = []
    navigation = list(MAIN_NAVIGATION)
    user = context.get("user") or getattr(request, "user", None)
    if user is not None and user.is_authenticated and can_see_report(user):
        navigation.append(REPORT_ITEM)
    for href, label in navigation:
        current = path == href
        active = current or (href != "/" and path.startswith(href))
        items.append({"href": href, "label": label, "current": current, "active": active})
    return items


@register.filter
def add_class(field, css_class):
    """Render a form field's widget with an extra CSS class (DKFDS ``form-input`` etc.)."""
    existing = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{existing} {css_class}".strip()})


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """DKFDS breadcrumbs from the front page to where the reader is.

    On a Wagtail page (no arguments) the trail is the page's ancestors below the site root.
    Elsewhere the template names it: ``{% breadcrumbs label url ... current_label %}``, label/url
    pairs for the steps above, then the current page's label.
    """
    crumbs = [{"label": _("Forside"), "url": "/"}]
    current = None
    page = context.get("page")
    if trail:
        *steps, current = trail
        crumbs += [{"label": label, "url": url} for label, url in zip(steps[::2], steps[1::2], strict=True)]
    elif page is not None and getattr(page, "depth", 0) > 2:
        request = context.get("request")
        ancestors = page.get_ancestors().filter(depth__gt=2)
        crumbs += [{"label": item.title, "url": item.get_url(request)} for item in ancestors]
        current = page.title
    if current is None:
        return {"crumbs": []}
    return {"crumbs": crumbs, "current": current}
