"""The contract between the content apps and the site search (``search/``).

The search app sits above the content apps and must not know their models, so each content app
registers what it contributes through the Wagtail hook ``register_search_source``: a function
returning one :class:`SearchSource` (see ``news/wagtail_hooks.py``). The search app collects them
with ``wagtail.hooks.get_hooks`` and finds the hits in Wagtail's search index.
"""

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.html import strip_tags

SEARCH_SOURCE_HOOK = "register_search_source"


@dataclass(frozen=True)
class SearchSource:
    """One kind of result on /soeg/.

    - ``model``: the indexed model whose search-index entries are the hits (subclasses included).
    - ``queryset(visibility)``: what this reader may find. ``visibility.pages(PageModel)`` gives the
      live pages outside view restrictions the request does not pass; a non-page source filters itself.
    - ``to_result(obj, request)``: a dict with ``title``, ``url``, ``meta`` (short facts) and ``texts``
      (readable texts in order; the search app cuts the excerpt around the first match).
    - ``prepare(objs)``: optional, fetches what one page of hits needs in one go (constant queries).
    - ``date_field``: newer breaks ties between equally relevant hits.
    - ``invalidated_by``: the models whose saves and deletes change what this source finds (the
      search app empties its result cache on those only); ``model`` is always among them.
    - ``order``: position of the type on the result page.
    """

    slug: str
    label: str
    model: type
    queryset: Callable[[object], object]
    to_result: Callable[[object, object], dict]
    date_field: str = "pk"
    prepare: Callable[[list], None] | None = None
    invalidated_by: tuple = field(default=())
    order: int = 100
    aliases: tuple[str, ...] = ()


# Keys of StreamField data that hold no readable text (ids, block types, chosen objects, link targets).
NON_TEXT_KEYS = {"id", "type", "size", "url", "page", "image", "document"}


def stream_text(stream_value) -> list[str]:
    """The readable text of a StreamField, from its stored data.

    Reading the raw data (rather than the blocks) never loads the images, documents and pages
    the blocks point to, so a page of results costs no query per result.
    """
    texts = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in NON_TEXT_KEYS:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            texts.append(html.unescape(strip_tags(value)))

    for block in getattr(stream_value, "raw_data", None) or []:
        walk(block.get("value"))
    return texts


def result(title, url, meta: Iterable = (), texts: Iterable = ()) -> dict:
    """A result as the search page shows it; empty facts are left out."""
    return {"title": title, "url": url, "meta": [item for item in meta if item], "texts": list(texts)}
