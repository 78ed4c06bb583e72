from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from workshops.report import can_see_report

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The main menu from the page tree: the front page, then its published children that editors
    marked "Vis i menuer" (Wagtail's ``show_in_menus``), in the tree's order, and the report for
    those who may open it (``workshops.report.can_see_report``); the current section is marked
    for ``aria-current``.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    path = request.path
    items = [{"href": root.get_url(request), "label": _("Forside")}]
    items += [{"href": page.get_url(request), "label": page.title} for page in root.get_children().live().in_menu()]
    user = context.get("user") or getattr(request, "user", None)
    if user is not None and user.is_authenticated and can_see_report(user):
        items.append({"href": reverse("workshops:report"), "label": _("Rapport")})
    for item in items:
        item["current"] = path == item["href"]
        item["active"] = item["current"] or (item["href"] != items[0]["href"] and path.startswith(item["href"]))
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
