"""Site search at /soeg/: Wagtail's database search backend over live pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20


def clean_query(raw):
    """Trim, collapse whitespace and cap the length; a query of only symbols counts as empty."""
    query = " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
    return query if any(ch.isalnum() for ch in query) else ""


def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    results = None
    if query:
        pages = Page.objects.live().public().specific().search(query, operator="and")
        paginator = Paginator(pages, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return render(
        request,
        "intranet/search.html",
        {
            "query": query,
            "raw_query": raw_query[:MAX_QUERY_LENGTH],
            "results": results,
            "notice": _("Søgningen blev forkortet til %(n)s tegn.") % {"n": MAX_QUERY_LENGTH}
            if len(raw_query) > MAX_QUERY_LENGTH
            else "",
        },
    )
