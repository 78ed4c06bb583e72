"""``{% cachedfragment key %}…{% endcachedfragment %}``: a piece of a page kept in the cache.

``key`` comes from ``core.fragments.fragment_key`` and holds every version the piece depends on (or,
with no versions, all it shows), so a kept piece is never stale; a false key (a preview,
a form that failed) renders it afresh. ``{% cachedfragment key found %}``: ``found`` is the piece when
it was already fetched (many at once, ``core.fragments.kept``), ``None`` when it must be looked up.
The piece is rendered with a placeholder for the CSRF token, replaced by the reader's own token
on the way out: a fragment shared between readers never carries another person's token.

``{% cached_userbar %}``: Wagtail's user bar for editors, kept under the versions it depends on.
"""

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

from core import versions
from core.invalidation import ACCESS, PAGES, WORKFLOWS, user_access
from core.versions import DEFAULT_TIMEOUT

register = template.Library()

CSRF_PLACEHOLDER = "csrfplaceholder0fragment0cache"


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, key, found=None):
        self.nodelist = nodelist
        self.key = key
        self.found = found

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        html = self.found.resolve(context) if self.found is not None else None
        if not html:
            html = cache.get(key)
        if html is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                html = str(self.nodelist.render(context))
            cache.set(key, html, DEFAULT_TIMEOUT)
        if CSRF_PLACEHOLDER in html:
            html = html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", "")))
        return mark_safe(html)  # noqa: S308 (rendered by our own templates, escaped there)


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError("{% cachedfragment key [found] %}: the cache key, and the piece if fetched")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    found = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]), found)


@register.simple_tag(takes_context=True)
def cached_userbar(context):
    """Wagtail's user bar (``{% wagtailuserbar %}``), kept per editor and page until something it shows changes.

    Its items follow the editor's rights on the page and its parent (``access``), the page tree and
    locks (``pages``) and a page's review (``workflows``); its addresses follow the host. A preview
    (a revision under review) is drawn afresh each time.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return ""
    if getattr(request, "is_preview", False) or hasattr(request, "revision_id"):
        return wagtailuserbar(context)
    page = get_page_instance(context)
    key_parts = ("userbar", user.pk, getattr(page, "pk", None), request.get_host(), get_language())
    names = [PAGES, WORKFLOWS, ACCESS, user_access(user.pk)]
    return mark_safe(versions.cached(key_parts, names, lambda: str(wagtailuserbar(context))))  # noqa: S308 (Wagtail's own markup)
