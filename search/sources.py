"""The kinds of result, as the content apps register them, plus every other page type.

Each content app contributes its sources through the ``register_search_source`` Wagtail hook
(``core.search``). Pages of any type that no app claims (standard pages, the change-agent
directory, section pages and page types added later) are found through :func:`page_source`,
so nothing a reader may open is missing from search.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, get_page_models

from core.search import SEARCH_SOURCE_HOOK, SearchSource, result, stream_text


def page_texts(page):
    """The readable texts of any page: its introduction, description and the text of its StreamFields."""
    texts = [getattr(page, "introduction", ""), page.search_description]
    for field in page._meta.get_fields():
        value = getattr(page, field.name, None) if field.concrete else None
        if hasattr(value, "raw_data"):
            texts += stream_text(value)
    return texts


def page_source(claimed_models):
    """Every page type not claimed by another source: standard pages, the directory, later types."""
    claimed = tuple(claimed_models)
    models = [model for model in get_page_models() if model is not Page and not issubclass(model, claimed)]

    def queryset(visibility):
        return visibility.pages(Page).filter(depth__gt=1).type(*models) if models else Page.objects.none()

    def to_result(page, request):
        return result(page.title, page.get_url(request), [], page_texts(page))

    def prepare(pages):
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
        for index, page in enumerate(pages):
            pages[index] = specific.get(page.pk, page)

    return SearchSource(
        "sider", _("Sider"), Page, queryset, to_result, date_field="last_published_at", prepare=prepare, order=60
    )


def content_type_ids(source, claimed_models=()):
    """The content types whose index entries belong to ``source``."""
    if source.model is Page:
        claimed = tuple(claimed_models)
        models = [model for model in get_page_models() if model is not Page and not issubclass(model, claimed)]
    else:
        models = [source.model, *(model for model in _all_subclasses(source.model) if not model._meta.abstract)]
    return sorted(ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values())


def _all_subclasses(model):
    for subclass in model.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)


def get_sources():
    """All sources in page order: those the apps register, then every other page type."""
    registered = sorted((hook() for hook in hooks.get_hooks(SEARCH_SOURCE_HOOK)), key=lambda source: source.order)
    return [*registered, page_source([source.model for source in registered])]


def sources_by_slug(sources):
    found = {}
    for source in sources:
        found[source.slug] = source
        for alias in source.aliases:
            found[alias] = source
    return found
