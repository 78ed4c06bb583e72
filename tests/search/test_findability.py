"""What /soeg/ finds on every database: Danish word forms, every page type, typos, search as you type."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from people import roles
from search.cache import generation

from ..factories import (
    ChangeAgentDirectoryPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
)
from .test_search import published_outcome, result_titles, search, type_counts

pytestmark = pytest.mark.django_db

# One table of Danish word forms, run as it is on SQLite (Snowball stemmer in Python) and on
# PostgreSQL (its "danish" configuration): every form finds the text written with any other form.
DANISH_FORMS = [
    ["forandringsagent", "forandringsagenter", "forandringsagenterne"],
    ["plejehjem", "plejehjemmet", "plejehjemmenes"],
    ["vagtplan", "vagtplanerne"],
]
QUERIES = [(form, group) for group in DANISH_FORMS for form in group]


@pytest.fixture
def reader_client(client, make_user, role_groups):
    client.force_login(make_user("medarbejder", roles.EMPLOYEES, first_name="Mads", last_name="Bundgaard"))
    return client


@pytest.fixture
def news(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.mark.parametrize(("query", "group"), QUERIES, ids=[query for query, _group in QUERIES])
def test_every_danish_form_finds_every_other(reader_client, news, query, group):
    for forms in DANISH_FORMS:
        for form in forms:
            NewsArticlePageFactory(parent=news, title=f"Artikel {form}", introduction=f"Her står ordet {form}.")
    assert sorted(result_titles(search(reader_client, query))) == sorted(f"Artikel {form}" for form in group)


def test_standard_pages_the_directory_and_section_pages_are_found(reader_client, home_page, news):
    about = StandardPageFactory(
        parent=home_page,
        title="Om Mental Frikommune",
        introduction="Strategien bag.",
        body=[("paragraph", "<p>Vi prøver hjemmearbejde på nye måder.</p>")],
    )
    StandardPageFactory(parent=about, title="Tilgængelighedserklæring", introduction="Om tilgængelighed.")
    ChangeAgentDirectoryPageFactory(parent=home_page, introduction="De 20 kolleger, der leder workshops.")
    ProjectIndexPageFactory(parent=home_page, title="Projekter", introduction="Temaprojekterne i strategien.")

    html = search(reader_client, "hjemmearbejde")
    assert result_titles(html) == ["Om Mental Frikommune"]
    assert type_counts(html)["Sider"] == "1"
    assert "<mark>hjemmearbejde</mark>" in html
    assert result_titles(search(reader_client, "forandringsagent")) == ["Forandringsagenter"]
    assert result_titles(search(reader_client, "tilgængelighedserklæringen")) == ["Tilgængelighedserklæring"]
    assert result_titles(search(reader_client, "temaprojekterne")) == ["Projekter"]


def test_drafts_and_restricted_pages_of_any_type_stay_hidden(reader_client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Kladde om løntrin", live=False)
    draft.save_revision()
    secret = StandardPageFactory(parent=home_page, title="Ledelse", introduction="Om løntrin.")
    StandardPageFactory(parent=secret, title="Underside", introduction="Flere løntrin.")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    StandardPageFactory(parent=home_page, title="Åben side", introduction="Om løntrin for alle.")
    assert result_titles(search(reader_client, "løntrin")) == ["Åben side"]


def test_an_outcome_is_found_by_its_project_and_its_facilitators(reader_client, home_page, make_user):
    projects = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(parent=projects, title="Aktivt medborgerskab")
    agent = make_user("agent", roles.EMPLOYEES, roles.CHANGE_AGENTS, first_name="Frida", last_name="Østergaard")
    outcome = published_outcome(project, title="Workshop i Bording", summary="Om bænke.")
    outcome.facilitators.set([agent])
    outcome.save_revision().publish()

    assert "Workshop i Bording" in result_titles(search(reader_client, "medborgerskab", type="workshopresultater"))
    assert result_titles(search(reader_client, "østergaard", type="workshopresultater")) == ["Workshop i Bording"]


@pytest.mark.parametrize(("typed", "meant"), [("vagtplamer", "vagtplaner"), ("forandrinsagent", "forandringsagent")])
def test_a_typo_gets_a_did_you_mean_link_from_the_indexed_words(reader_client, news, typed, meant):
    NewsArticlePageFactory(parent=news, title="Nye vagtplaner", introduction="Alle vagtplaner er klar.")
    NewsArticlePageFactory(parent=news, title="Ny forandringsagent", introduction="En forandringsagent mere.")
    html = search(reader_client, typed)
    assert "0 resultater" in html
    assert f'Mente du: <a href="/soeg/?q={meant}">{meant}</a>' in html
    assert result_titles(search(reader_client, meant))


def test_known_words_get_no_suggestion_and_an_empty_result_page_suggests_what_to_try(reader_client, news):
    NewsArticlePageFactory(parent=news, title="Nye vagtplaner", introduction="Alle vagtplaner er klar.")
    assert "Mente du" not in search(reader_client, "vagtplaner")
    html = search(reader_client, "qqqzzzxxx")
    assert "Mente du" not in html
    assert "Forslag til en ny søgning" in html and "Tjek stavningen" in html


# --- Search as you type ------------------------------------------------------------------------------
def quick(client, query):
    response = client.get("/soeg/forslag/", {"q": query})
    assert response.status_code == 200
    return response.json()


def test_search_as_you_type_gives_the_top_hits_per_type_for_a_started_word(reader_client, home_page, news):
    for number in range(5):
        NewsArticlePageFactory(parent=news, title=f"Plejehjemmet nr. {number}", introduction="Nyt.")
    StandardPageFactory(parent=home_page, title="Plejehjem i kommunen", introduction="Oversigt.")
    answer = quick(reader_client, "plejehj")
    assert [group["label"] for group in answer["groups"]] == ["Nyheder", "Sider"]
    assert len(answer["groups"][0]["results"]) == 3
    assert answer["groups"][1]["results"][0]["title"] == "Plejehjem i kommunen"
    assert answer["all_url"] == "/soeg/?q=plejehj"
    assert quick(reader_client, "p")["groups"] == []


def test_search_as_you_type_escapes_nothing_itself_and_hides_what_search_hides(reader_client, news):
    NewsArticlePageFactory(parent=news, title="<b>Kantinen</b> åbner", introduction="Kantinen.")
    draft = NewsArticlePageFactory(parent=news, title="Kantinen lukker", live=False)
    draft.save_revision()
    answer = quick(reader_client, "kantin")
    # JSON carries the text as it is; the script puts it in the page as text, never as markup.
    assert [result["title"] for group in answer["groups"] for result in group["results"]] == ["<b>Kantinen</b> åbner"]


def test_search_as_you_type_costs_the_same_queries_for_few_and_many_hits(reader_client, news):
    for number in range(2):
        NewsArticlePageFactory(parent=news, title=f"Sjælden nyhed {number}", introduction="Sjældent.")
    for number in range(30):
        NewsArticlePageFactory(parent=news, title=f"Hyppig nyhed {number}", introduction="Hyppigt.")

    def count(query):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            quick(reader_client, query)
        return len(queries)

    assert count("sjæld") == count("hyppig")


# --- The cache ----------------------------------------------------------------------------------------
def test_only_saves_of_searchable_content_empty_the_result_cache(home_page, make_user):
    from comments.models import Comment

    user = make_user("skribent")
    page = StandardPageFactory(parent=home_page, title="En side")
    before = generation()
    Comment.objects.create(page=page, author=user, body="En kommentar.")
    assert generation() == before
    page.title = "Ny titel"
    page.save_revision().publish()
    assert generation() != before


def test_search_page_links_the_script_and_the_header_field_is_a_combobox(reader_client):
    html = search(reader_client, "")
    assert re.search(r'<script src="/static/js/search-autocomplete[^"]*\.js" defer></script>', html)
    assert 'role="combobox"' not in html  # the script adds the combobox roles; without it a plain field
    assert 'data-suggest-url="/soeg/forslag/"' in html


def test_a_search_matches_the_index_once_for_all_counts_and_once_per_type_shown(reader_client, news):
    """Wagtail's own relevance ordering re-ran the match for every hit (41.8 s at 10,000 articles)."""
    for number in range(30):
        NewsArticlePageFactory(parent=news, title=f"Kantinenyt {number}", introduction="Om kantinen.")
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = search(reader_client, "kantinen")
    assert "30 resultater" in html
    index_queries = [query["sql"] for query in queries.captured_queries if "wagtailsearch_indexentry" in query["sql"]]
    # One query counts every type over one match; one ranks the page of news, the only type shown.
    assert len(index_queries) == 2
    assert all("MATERIALIZED" in sql for sql in index_queries)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="Wagtail's PostgreSQL backend ranks without the subquery")
def test_the_admin_search_ranks_by_relevance_without_a_query_per_hit(news):
    """Wagtail's own search API (the admin uses it) ranks through the same single match on SQLite."""
    from wagtail.search.backends import get_search_backend

    from news.models import NewsArticlePage

    NewsArticlePageFactory(parent=news, title="Kort nyt", introduction="Lidt om kantinen.")
    NewsArticlePageFactory(parent=news, title="Kantinen åbner", introduction="Nyt.")
    NewsArticlePageFactory(parent=news, title="Andet", introduction="Kantinen, kantinen og kantinens mad.")
    with CaptureQueriesContext(connection) as queries:
        found = list(get_search_backend().search("kantinen", NewsArticlePage.objects.live()))
    assert [page.title for page in found] == ["Kantinen åbner", "Andet", "Kort nyt"]
    index_queries = [query["sql"] for query in queries.captured_queries if "wagtailsearch_indexentry" in query["sql"]]
    assert len(index_queries) == 2 and all("MATERIALIZED" in sql for sql in index_queries)  # count, page
    assert get_search_backend().search("kantinen", NewsArticlePage.objects.live()).count() == 3
