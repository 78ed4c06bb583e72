from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import versions
from core.invalidation import PAGES
from core.names import display_name
from core.routing import site_for
from home.models import SiteSettings
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
    site = site_for(request) if request else None
    if site is None:
        return []
    path = request.path
    home_href, *links = versions.cached(("main_navigation", site.pk), [PAGES], lambda: _menu_links(site, request))
    items = [{"href": home_href, "label": _("Forside")}]
    items += [{"href": href, "label": label} for href, label in links]
    user = context.get("user") or getattr(request, "user", None)
    if user is not None and user.is_authenticated and can_see_report(user):
        items.append({"href": reverse("workshops:report"), "label": _("Rapport")})
    for item in items:
        item["current"] = path == item["href"]
        item["active"] = item["current"] or (item["href"] != items[0]["href"] and path.startswith(item["href"]))
    return items


def _menu_links(site, request):
    """The front page's address, then (address, title) of each page in the menu: the cached part, no translations."""
    root = site.root_page
    return [
        root.get_url(request),
        *((page.get_url(request), page.title) for page in root.get_children().live().in_menu()),
    ]


@register.simple_tag(takes_context=True)
def header_key(context, nav_items):
    """The key the logged-in reader's page header is kept under (``{% cachedfragment %}``, base.html).

    The key is made of everything the header shows, so it can never be stale and needs no version:
    the language, the reader's name, the menu as drawn for this page (addresses, titles and which
    item is current), the unread count, whether the editing link is shown, the search box's words.
    Readers whose header would be the same share it; the logout form gets each reader's own CSRF
    token when served. No key (no header kept) for anyone not logged in.
    """
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    menu = tuple((item["href"], str(item["label"]), item["active"], item["current"]) for item in nav_items)
    parts = (
        get_language(),
        display_name(user),
        menu,
        str(context.get("unread_notifications", 0)),  # a lazy count: str() reads it
        user.has_perm("wagtailadmin.access_admin"),
        context.get("query") or "",
    )
    return versions.key_for(("header", *parts), [])


@register.simple_tag(takes_context=True)
def footer_key(context, links):
    """The key the page footer is kept under: everything it shows (the language, the footer's links,
    the address the language form returns to). The form gets each reader's own CSRF token when served."""
    request = context.get("request")
    if request is None:
        return ""
    parts = (get_language(), links["statement_url"] or "", links["contact_email"], request.get_full_path())
    return versions.key_for(("footer", *parts), [])


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The site settings' links for the footer (the accessibility statement's address, the contact
    e-mail), kept under the ``pages`` version, which any page or setting save moves on."""
    request = context.get("request")
    site = site_for(request) if request else None
    if site is None:
        return {"statement_url": None, "contact_email": ""}

    def compute():
        # Read, never created here (``for_site`` would create the row and so move ``pages`` on).
        site_settings = SiteSettings.objects.filter(site=site).select_related("accessibility_statement").first()
        statement = site_settings.accessibility_statement if site_settings else None
        return {
            "statement_url": statement.get_url(request) if statement is not None and statement.live else None,
            "contact_email": site_settings.contact_email if site_settings else "",
        }

    return versions.cached(("footer_links", site.pk), [PAGES], compute)


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
    elif page is not None and getattr(page, "depth", 0) > 2 and getattr(page, "pk", None):
        request = context.get("request")

        def compute():
            ancestors = page.get_ancestors().filter(depth__gt=2)
            return [{"label": item.title, "url": item.get_url(request)} for item in ancestors]

        # The trail above the page changes only with the tree: kept under ``pages`` (core/invalidation.py).
        site = site_for(request) if request else None
        crumbs += versions.cached(("breadcrumbs", page.pk, getattr(site, "pk", None)), [PAGES], compute)
        current = page.title
    if current is None:
        return {"crumbs": []}
    return {"crumbs": crumbs, "current": current}
