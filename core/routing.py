"""Routing a request to its page in two queries, whatever the depth, with Wagtail's semantics.

Wagtail's ``Page.route`` walks the path one slug at a time: at each level one query for the child
and one for its specific page. ``route_along_path`` (called from the site root's ``route()``, which
Wagtail lets a page override: https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html)
finds every page along the path in one query (``url_path`` is Wagtail's own denormalised address,
kept under the ``pages`` version so a repeated visit skips it), then fetches only the page that
answers, as its specific class, in one query.

What stays as Wagtail does it: each page on the way whose class routes by itself is asked (a
routable page when its own routes match what is left of the path, e.g. a project's ``indsend/``, an
article's confirmation routes; any other ``route()`` override always); a missing page or a page that
is not live answers 404 (by the page's own ``route()``); view restrictions, aliases, redirects and
trailing slashes are handled after routing, by Wagtail's serve view and middleware, as before.

Two more lookups Wagtail makes on each request are kept too, so a repeated visit reads neither
from the database: the site answering the request's host with its (specific) root page
(``site_for``, which fills Wagtail's own per-request ``request._wagtail_site``, called for every
view by ``SiteMiddleware``), and the page that answers, as its specific class. They are kept
under ``pages`` (a site saved, a live page saved, published, unpublished, moved or deleted) and
``drafts`` (any page saved: a draft below a page changes the page's ``numchild``), both moved in
core/invalidation.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from . import versions
from .invalidation import DRAFTS, PAGES


def _steps(root, components):
    """(pk, content type id, live) of each page along ``components`` below ``root``, until one is missing."""
    addresses, address = [], root.url_path
    for component in components:
        address = f"{address}{component}/"
        addresses.append(address)
    found = {
        url_path: (pk, content_type_id, live)
        for url_path, pk, content_type_id, live in Page.objects.filter(
            path__startswith=root.path,
            depth__gt=root.depth,
            slug__in=set(components),
            url_path__in=addresses,
        ).values_list("url_path", "pk", "content_type_id", "live")
    }
    steps = []
    for address in addresses:
        if address not in found:
            break
        steps.append(found[address])
    return steps


def _routes_itself(model, live, remaining):
    """Would this page's own ``route()`` answer for ``remaining`` instead of handing on to a child?"""
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
        return True
    return True  # some other route(): let it decide


# A kept page object carries its tree fields too, and a draft added below a page changes its
# ``numchild`` (which treebeard's ``get_children`` trusts) without moving ``pages``: kept objects
# follow ``drafts`` as well, which every page save moves.
TREE_OBJECT_VERSIONS = [PAGES, DRAFTS]


def _find_site(hostname, port):
    """Wagtail's answer for this host and port, with the root page fetched as its specific class."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page = site.root_page.specific
    return site


def site_for(request):
    """``Site.find_for_request(request)``, kept under ``pages`` and ``drafts``, remembered as Wagtail does."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = versions.cached(
            ("site", hostname, port), TREE_OBJECT_VERSIONS, lambda: _find_site(hostname, port)
        )
    return request._wagtail_site


def site_independent(view):
    """Mark a view that never needs the site (the health check): :class:`SiteMiddleware` leaves it be."""
    view.site_independent = True
    return view


class SiteMiddleware:
    """Finds each request's site through :func:`site_for` before the view runs, so Wagtail's serve
    view and every other view (search results' page addresses, the menu) read it from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "site_independent", False):
            site_for(request)


def _fetch(model, pk):
    try:
        return model._default_manager.get(pk=pk)
    except model.DoesNotExist:
        return None


def _specific(model, pk):
    page = versions.cached(("page", model._meta.label, pk), TREE_OBJECT_VERSIONS, lambda: _fetch(model, pk))
    if page is None:
        raise Http404
    return page


def route_along_path(root, request, path_components):
    """``root.route(request, path_components)`` as Wagtail answers it, in (at most) two queries."""
    if not path_components:
        return Page.route(root, request, path_components)
    steps = versions.cached(
        ("route", root.pk, root.url_path, *path_components), [PAGES], lambda: _steps(root, path_components)
    )
    for index, (pk, content_type_id, live) in enumerate(steps):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        remaining = path_components[index + 1 :]
        if not remaining or _routes_itself(model, live, remaining):
            return _specific(model, pk).route(request, remaining)
    raise Http404  # a page on the way has no child of that slug
