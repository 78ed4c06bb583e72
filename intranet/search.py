"""Site search at /soeg/: news, projects, workshop outcomes, ideas and people in one place.

Searching goes through Wagtail's search (the database backend: PostgreSQL full-text search with
the ``danish`` configuration, SQLite's FTS5 elsewhere; see
https://docs.wagtail.org/en/stable/topics/search/backends.html). Each kind of result is a
:class:`SearchSource`: the queryset of what the user may see, searched with ``.search()``, and how
one hit becomes a result on the page. The view counts every source for the type filter and pages
through the sources one after another, so results come grouped by type; ``?type=`` shows one.
"""

import hashlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from news.models import NewsArticlePage
from people.models import Profile
from projects.models import ProjectPage
from workshops.models import Idea, WorkshopOutcomePage

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
RESULTS_PER_PAGE = 20
EXCERPT_LENGTH = 220

# Words are runs of letters and digits; everything else (quotes, operators, underscores) only separates
# them, as it does in the search index, so no character of the query reaches the search syntax.
WORD = re.compile(r"[^\W_]+")

# The endings of Danish words (after the Snowball stemmer's first step), longest first. Used to mark
# "medborgerskab" in a text when someone searched for "medborgerskabet"; the database does the finding.
ENDINGS_TEXT = (
    "hedernes hedens hederne heden heder endes ende erendes erende ernes erens erets ered enes ens ene "
    "ere ers ets erne ede er et es en e s"
)
DANISH_ENDINGS = sorted(ENDINGS_TEXT.split(), key=len, reverse=True)
MIN_STEM_LENGTH = 3


# --- The query and the highlighted context -----------------------------------------------------------
def clean_query(raw):
    """The words of the query, at most ``MAX_TERMS`` of them from its first ``MAX_QUERY_LENGTH`` characters.

    A query of only symbols has no words and comes back empty.
    """
    return " ".join(WORD.findall((raw or "")[:MAX_QUERY_LENGTH])[:MAX_TERMS])


def word_stem(word):
    word = word.lower()
    for ending in DANISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


def highlight_pattern(query):
    """A pattern matching the words of a text that begin like a word of the query (ignoring case)."""
    stems = sorted({word_stem(word) for word in query.split()}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"(?<!\w)(?:{})\w*".format("|".join(re.escape(stem) for stem in stems)), re.IGNORECASE)


def highlight(text, pattern):
    """``text`` escaped, with the words ``pattern`` matches in ``<mark>``.

    Each piece of the user's text is escaped before it is joined with the marks, so the only markup
    in the result is ours.
    """
    text = str(text or "")
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped or format_html


def excerpt(texts, pattern, length=EXCERPT_LENGTH):
    """A short passage around the first matching word of ``texts`` (in order), else the start of the first."""
    texts = [" ".join(str(text).split()) for text in texts if text and str(text).strip()]
    if not texts:
        return ""
    for text in texts:
        match = pattern.search(text) if pattern else None
        if match:
            start = max(0, match.start() - length // 3)
            if start:
                space = text.find(" ", start, match.start())
                start = space + 1 if space != -1 else match.start()
            return clip(text, start, length)
    return clip(texts[0], 0, length)


def clip(text, start, length):
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    before = "… " if start else ""
    after = " …" if end < len(text) else ""
    return f"{before}{text[start:end].strip()}{after}"


# Keys of StreamField data that hold no readable text (ids, block types, chosen objects, link targets).
NON_TEXT_KEYS = {"id", "type", "size", "url", "page", "image", "document"}


def stream_text(stream_value):
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

    for block in stream_value.raw_data:
        walk(block.get("value"))
    return texts


# --- What the user may see ----------------------------------------------------------------------------
class Visibility:
    """Live pages outside the view restrictions this request does not pass (groups, password).

    Drafts, outcomes awaiting review and outcomes sent back are not live and never show.
    """

    def __init__(self, request):
        self.request = request
        self.hidden_paths = [
            restriction.page.path
            for restriction in PageViewRestriction.objects.select_related("page")
            if not restriction.accept_request(request)
        ]

    def pages(self, model):
        pages = model.objects.live()
        for path in self.hidden_paths:
            pages = pages.exclude(path__startswith=path)
        return pages


# --- The sources ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchSource:
    """One kind of result: ``queryset`` is what may be found, ``to_result`` turns a hit into a result.

    ``prepare`` (optional) fetches what a page of hits needs in one go, so the cost stays the same
    however many results there are.
    """

    slug: str
    label: str
    queryset: Callable[[Visibility], object]
    to_result: Callable[[object, HttpRequest, object], dict]
    prepare: Callable[[list], None] | None = None
    # Newest first instead of by relevance. Wagtail's database backend scores every matching row
    # to rank them, which took 40 s for a common word among 10,000 articles on SQLite (see the
    # README's benchmark); the big collections are therefore listed newest first (FilterFields).
    newest_first: tuple[str, ...] = ()

    def search(self, backend, query, visibility):
        queryset = self.queryset(visibility)
        if self.newest_first:
            return backend.search(
                query, queryset.order_by(*self.newest_first), operator="and", order_by_relevance=False
            )
        return backend.search(query, queryset, operator="and")


def result(title, url, meta, texts, pattern):
    return {"title": title, "url": url, "meta": [item for item in meta if item], "excerpt": excerpt(texts, pattern)}


def news_queryset(visibility):
    return visibility.pages(NewsArticlePage).prefetch_related("categories")


def news_result(page, request, pattern):
    categories = ", ".join(sorted(category.name for category in page.categories.all()))
    return result(
        page.title,
        page.get_url(request),
        [date_format(page.date, "j. F Y"), categories],
        [page.introduction, *stream_text(page.body)],
        pattern,
    )


def project_queryset(visibility):
    return visibility.pages(ProjectPage).select_related("theme")


def project_result(page, request, pattern):
    return result(
        page.title,
        page.get_url(request),
        [page.theme.name if page.theme else "", page.get_status_display()],
        [page.introduction, page.purpose, *stream_text(page.body)],
        pattern,
    )


def outcome_queryset(visibility):
    return visibility.pages(WorkshopOutcomePage)


def attach_projects(outcomes):
    """Each outcome's project (its parent page), for all outcomes on the page in one query."""
    parent_paths = {outcome.path[: -outcome.steplen] for outcome in outcomes}
    projects = {project.path: project for project in ProjectPage.objects.filter(path__in=parent_paths)}
    for outcome in outcomes:
        outcome.search_project = projects.get(outcome.path[: -outcome.steplen])


def outcome_result(page, request, pattern):
    project = page.search_project
    return result(
        page.title,
        page.get_url(request),
        [project.title if project else "", date_format(page.workshop_date, "j. F Y")],
        [page.introduction, page.summary, page.method, *stream_text(page.ideas), page.next_steps],
        pattern,
    )


def idea_queryset(visibility):
    return Idea.objects.filter(outcome__in=visibility.pages(WorkshopOutcomePage)).select_related("outcome", "project")


def idea_result(idea, request, pattern):
    return result(
        idea.title,
        f"{idea.outcome.get_url(request)}#ide-{idea.pk}",
        [idea.get_status_display(), idea.outcome.title],
        [idea.description],
        pattern,
    )


def person_queryset(visibility):
    return (
        Profile.objects.filter(user__is_active=True)
        .select_related("user", "department")
        .prefetch_related("competencies")
    )


def person_result(profile, request, pattern):
    user = profile.user
    competences = ", ".join(sorted(competence.name for competence in profile.competencies.all()))
    return result(
        user.get_full_name() or user.get_username(),
        reverse("people:profile", args=[user.get_username()]),
        [profile.job_title, profile.department.name if profile.department else ""],
        [competences, profile.methods],
        pattern,
    )


SOURCES = [
    SearchSource("nyheder", _("Nyheder"), news_queryset, news_result, newest_first=("-date", "-id")),
    SearchSource("projekter", _("Projekter"), project_queryset, project_result),
    SearchSource(
        "workshopresultater",
        _("Workshopresultater"),
        outcome_queryset,
        outcome_result,
        attach_projects,
        newest_first=("-workshop_date", "-id"),
    ),
    SearchSource("ideer", _("Idéer"), idea_queryset, idea_result, newest_first=("-created_at", "-id")),
    SearchSource("personer", _("Personer"), person_queryset, person_result),
]
SOURCES_BY_SLUG = {source.slug: source for source in SOURCES}
SOURCES_BY_SLUG["idéer"] = SOURCES_BY_SLUG["ideer"]


class GroupedResults:
    """The hits of several sources one after another, for Django's paginator.

    A page slices only the sources it overlaps, so showing a page costs one query per source on it.
    """

    def __init__(self, parts):
        self.parts = parts  # [(source, search results, count)]

    def count(self):
        return sum(count for _source, _results, count in self.parts)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("GroupedResults only supports slicing")
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        hits = []
        offset = 0
        for source, results, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                hits.extend((source, hit) for hit in results[low:high])
            offset += count
        return hits


def result_groups(hits, request, pattern):
    """The hits of one page as ``[{slug, label, results}]``, one group per source in order."""
    groups = []
    for source, hit in hits:
        if not groups or groups[-1]["source"] is not source:
            groups.append({"source": source, "slug": source.slug, "label": source.label, "hits": []})
        groups[-1]["hits"].append(hit)
    for group in groups:
        source = group.pop("source")
        if source.prepare:
            source.prepare(group["hits"])
        group["results"] = [source.to_result(hit, request, pattern) for hit in group.pop("hits")]
    return groups


# --- Caching ----------------------------------------------------------------------------------------------
# Counting the hits of every type is the expensive part of a search (a common word at 10,000 articles
# took seconds on SQLite). A page of results is kept for a short while, keyed on a generation number
# that every save or delete of searchable content moves on (intranet/apps.py), so nothing stale is
# served from a shared cache (Redis via REDIS_URL); with the per-process default cache another
# gunicorn worker may show a result up to RESULTS_CACHE_SECONDS old.
RESULTS_CACHE_SECONDS = 60
GENERATION_KEY = "search:generation"


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, None)


def content_changed(update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # every login saves the user; nothing searchable changed
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def results_cache_key(query, chosen, page, visibility, language):
    parts = [str(generation()), language, query, chosen.slug if chosen else "", str(page or 1)]
    parts += visibility.hidden_paths
    return "search:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def find(query, chosen, request, visibility):
    """One page of hits for ``query``, as plain data that can be cached."""
    backend = get_search_backend()
    parts = []
    for source in SOURCES:
        results = source.search(backend, query, visibility)
        parts.append((source, results, results.count()))
    shown = [part for part in parts if chosen is None or part[0] is chosen]
    page_obj = Paginator(GroupedResults(shown), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "total": sum(count for _source, _results, count in parts),
        "types": [{"slug": source.slug, "label": str(source.label), "count": count} for source, _r, count in parts],
        "groups": result_groups(page_obj.object_list, request, highlight_pattern(query)),
        "shown": page_obj.paginator.count,
        "number": page_obj.number,
    }


# --- The view ---------------------------------------------------------------------------------------------
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    type_slug = request.GET.get("type", "")
    chosen = SOURCES_BY_SLUG.get(type_slug)
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
        key = results_cache_key(query, chosen, request.GET.get("page"), visibility, request.LANGUAGE_CODE)
        found = cache.get(key)
        if found is None:
            found = find(query, chosen, request, visibility)
            cache.set(key, found, RESULTS_CACHE_SECONDS)
        page_obj = Paginator(range(found["shown"]), RESULTS_PER_PAGE).get_page(found["number"])
        context.update({**found, "page_obj": page_obj, "pattern": highlight_pattern(query)})
    return render(request, "intranet/search.html", context)
