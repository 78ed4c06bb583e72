"""/soeg/ (the result page) and /soeg/forslag/ (the header's search-as-you-type hits, as JSON)."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from . import cache as result_cache
from .results import RESULTS_PER_PAGE, find, quick_hits
from .sources import get_sources, sources_by_slug
from .text import MAX_QUERY_LENGTH, MAX_TERMS, WORD, clean_query, highlight_pattern
from .visibility import Visibility

MIN_QUICK_LENGTH = 2


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    type_slug = request.GET.get("type", "")
    chosen = sources_by_slug(get_sources()).get(type_slug)
    context = {
        "query": query,
        "raw_query": raw_query[:MAX_QUERY_LENGTH],
        "shortened": len(raw_query) > MAX_QUERY_LENGTH or len(WORD.findall(raw_query)) > MAX_TERMS,
        "max_length": MAX_QUERY_LENGTH,
        "max_terms": MAX_TERMS,
        "no_words": bool(raw_query.strip()) and not query,
        "unknown_type": type_slug if type_slug and chosen is None else "",
        "chosen": chosen,
    }
    if query:
        visibility = Visibility(request)
        page_number = request.GET.get("page")
        key = result_cache.results_key(
            "page", request.LANGUAGE_CODE, query, chosen.slug if chosen else "", page_number or 1,
            *visibility.cache_key_parts(),
        )  # fmt: skip
        found = cache.get(key)
        if found is None:
            found = find(query, chosen.slug if chosen else "", page_number, request, visibility)
            cache.set(key, found, result_cache.RESULTS_CACHE_SECONDS)
        page_obj = Paginator(range(found["shown"]), RESULTS_PER_PAGE).get_page(found["number"])
        suggestion_url = ""
        if found["suggestion"]:
            suggestion_url = reverse("search") + "?" + urlencode({"q": found["suggestion"]})
        context.update(
            {**found, "page_obj": page_obj, "pattern": highlight_pattern(query), "suggestion_url": suggestion_url}
        )
    return render(request, "search/search.html", context)


@require_GET
def quick_search(request):
    """The top hits per type for what is typed so far in the header's search field."""
    query = clean_query(request.GET.get("q", ""))
    groups = []
    if len(query) >= MIN_QUICK_LENGTH:
        visibility = Visibility(request)
        key = result_cache.results_key("quick", request.LANGUAGE_CODE, query, *visibility.cache_key_parts())
        groups = cache.get(key)
        if groups is None:
            groups = quick_hits(query, request, visibility)
            cache.set(key, groups, result_cache.RESULTS_CACHE_SECONDS)
    return JsonResponse(
        {"query": query, "groups": groups, "all_url": reverse("search") + "?" + urlencode({"q": query})}
    )
