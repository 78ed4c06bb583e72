"""One search: every source's hits counted and ranked, one page of them turned into results.

The sources come one after another on the page (grouped by type, in their ``order``), each ranked
on its own (``search.ranking``); ``?type=`` shows one. Everything returned is plain data, so a
page of results can be cached (``search.cache``).
"""

from django.conf import settings
from django.core.paginator import Paginator
from wagtail.search.backends import get_search_backend

from .ranking import RankedHits, count_all, top_all
from .sources import content_type_ids, get_sources
from .suggest import suggestion
from .text import excerpt, highlight_pattern

RESULTS_PER_PAGE = 20
QUICK_HITS_PER_TYPE = 3


class GroupedResults:
    """The hits of several sources one after another, for Django's paginator.

    A page slices only the sources it overlaps, so showing a page costs one query per source on it.
    """

    def __init__(self, parts):
        self.parts = parts  # [(source, ranked hits, count)]

    def count(self):
        return sum(count for _source, _hits, count in self.parts)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("GroupedResults only supports slicing")
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        found = []
        offset = 0
        for source, hits, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                found.extend((source, hit) for hit in hits[low:high])
            offset += count
        return found


class BackendHits:
    """The hits of one source from an external search engine (``SEARCH_URL``), ranked by the engine."""

    def __init__(self, queryset, query, prefix=False):
        backend = get_search_backend()
        if prefix:
            self.results = backend.autocomplete(query, queryset)
        else:
            self.results = backend.search(query, queryset, operator="and")

    def count(self):
        return self.results.count()

    def __getitem__(self, key):
        return list(self.results[key])


def uses_database_index():
    """True when Wagtail's search index lives in the database (``search.backends``), as by default."""
    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends"


def ranked_hits(sources, query, visibility, prefix=False):
    if not uses_database_index():
        return [(source, BackendHits(source.queryset(visibility), query, prefix)) for source in sources]
    claimed = [source.model for source in sources if source.slug != "sider"]
    return [
        (
            source,
            RankedHits(
                source.queryset(visibility), content_type_ids(source, claimed), query, source.date_field, prefix
            ),
        )
        for source in sources
    ]


def result_groups(hits, request, pattern):
    """The hits of one page as ``[{slug, label, results}]``, one group per source in order."""
    groups = []
    for source, hit in hits:
        if not groups or groups[-1]["source"] is not source:
            groups.append({"source": source, "slug": source.slug, "label": str(source.label), "hits": []})
        groups[-1]["hits"].append(hit)
    for group in groups:
        source = group.pop("source")
        if source.prepare:
            source.prepare(group["hits"])
        results = []
        for hit in group.pop("hits"):
            found = source.to_result(hit, request)
            found["excerpt"] = excerpt(found.pop("texts"), pattern)
            results.append(found)
        group["results"] = results
    return groups


def find(query, type_slug, page_number, request, visibility):
    """One page of results for ``query``: counts per type, the groups shown, and a suggestion."""
    ranked = ranked_hits(get_sources(), query, visibility)
    count_all([hits for _source, hits in ranked if isinstance(hits, RankedHits)])
    parts = [(source, hits, hits.count()) for source, hits in ranked]
    shown = [part for part in parts if not type_slug or part[0].slug == type_slug]
    page_obj = Paginator(GroupedResults(shown), RESULTS_PER_PAGE).get_page(page_number)
    total = sum(count for _source, _hits, count in parts)
    return {
        "total": total,
        "types": [{"slug": source.slug, "label": str(source.label), "count": count} for source, _h, count in parts],
        "groups": result_groups(page_obj.object_list, request, highlight_pattern(query)),
        "shown": page_obj.paginator.count,
        "number": page_obj.number,
        "suggestion": suggestion(query),
    }


def quick_hits(query, request, visibility, per_type=QUICK_HITS_PER_TYPE):
    """The top hits of each type for search as you type, the last word taken as the start of a word."""
    groups = []
    ranked = ranked_hits(get_sources(), query, visibility, prefix=True)
    # One match of the database's index for every type's top hits (search.ranking.top_all).
    in_database = [hits for _source, hits in ranked if isinstance(hits, RankedHits)]
    tops = dict(zip(map(id, in_database), top_all(in_database, per_type), strict=True))
    for source, hits in ranked:
        found = tops[id(hits)] if id(hits) in tops else hits[0:per_type]
        if found:
            if source.prepare:
                source.prepare(found)
            results = []
            for hit in found:
                item = source.to_result(hit, request)
                results.append({"title": item["title"], "url": item["url"], "meta": item["meta"][:1]})
            groups.append({"slug": source.slug, "label": str(source.label), "results": results})
    return groups
