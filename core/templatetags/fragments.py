"""``{% cachedfragment key %}…{% endcachedfragment %}``: a piece of a page kept in the cache.

``key`` comes from ``core.fragments.fragment_key`` and holds every version the piece depends on,
so a kept piece is never stale; a false key (a preview, a form that failed) renders it afresh.
The piece is rendered with a placeholder for the CSRF token, replaced by the reader's own token
on the way out: a fragment shared between readers never carries another person's token.
"""

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from core.versions import DEFAULT_TIMEOUT

register = template.Library()

CSRF_PLACEHOLDER = "csrfplaceholder0fragment0cache"


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
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
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% cachedfragment key %} takes one argument, the cache key")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]))
