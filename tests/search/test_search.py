"""/soeg/: what the site search finds, what it never shows, odd queries, paging and its query count."""

import re
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from people import roles
from people.models import Department
from workshops.models import Idea, WorkshopOutcomePage

from ..factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
    UserFactory,
    WorkshopOutcomePageFactory,
)

pytestmark = pytest.mark.django_db

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture
def people(make_user, role_groups):
    return {
        "reader": make_user("medarbejder", roles.EMPLOYEES, first_name="Mads", last_name="Bundgaard"),
        "lead": make_user("projektleder", roles.EMPLOYEES, first_name="Pernille", last_name="Lykkegaard"),
        "agent": make_user("forandringsagent", roles.EMPLOYEES, roles.CHANGE_AGENTS, first_name="Frida"),
    }


@pytest.fixture
def tree(home_page, people):
    news = NewsIndexPageFactory(parent=home_page)
    projects = ProjectIndexPageFactory(parent=home_page)
    project = ProjectPageFactory(parent=projects, title="Aktivt medborgerskab", slug="aktivt-medborgerskab")
    project.lead = people["lead"]
    project.save_revision().publish()
    project.refresh_from_db()
    return {"news": news, "projects": projects, "project": project}


@pytest.fixture
def reader_client(client, people):
    client.force_login(people["reader"])
    return client


def search(client, query="", **params):
    response = client.get("/soeg/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def main_of(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def result_titles(html):
    """The titles of the results shown, in order."""
    return re.findall(r'<li class="search-result">\s*<h3 class="h4"><a href="[^"]*">([^<]*)</a>', html)


def type_counts(html):
    return dict(re.findall(r"<li>(?:<a [^>]*>|<span>)([^<(]+) \((\d+)\)", html))


def published_outcome(project, **fields):
    """An outcome published the way an approval publishes it, so its ideas become records."""
    outcome = WorkshopOutcomePageFactory(parent=project, **fields)
    outcome.save_revision().publish()
    return WorkshopOutcomePage.objects.get(pk=outcome.pk)


def submit_outcome(client, project, agent, *, title, summary, idea_title):
    """Submit through the front-end form, as an employee does: a draft awaiting the lead's review."""
    data = {
        "title": title,
        "workshop_date": "2012-01-24",
        "facilitators": [str(agent.pk)],
        "employee_participants": "12",
        "citizen_participants": "7",
        "method": "Brainwriting.",
        "summary": summary,
        "next_steps": "",
        "token": str(uuid.uuid4()),
        "ideas-TOTAL_FORMS": "1",
        "ideas-INITIAL_FORMS": "0",
        "ideas-MIN_NUM_FORMS": "1",
        "ideas-MAX_NUM_FORMS": "30",
        "ideas-0-title": idea_title,
        "ideas-0-description": "En beskrivelse.",
    }
    response = client.post(project.url + "indsend/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkshopOutcomePage.objects.get(title=title)


# --- What is found ---------------------------------------------------------------------------------------
def test_finds_every_type_with_counts_and_filters_by_type(reader_client, tree, people):
    NewsArticlePageFactory(
        parent=tree["news"], title="Cykelsmed i Brande", body=[("paragraph", "<p>Vores nye cykelsmed.</p>")]
    )
    ProjectPageFactory(parent=tree["projects"], title="Cykelprojekt", purpose="En cykelsmed for unge.")
    outcome = published_outcome(
        tree["project"],
        title="Workshop om cykler",
        summary="Vi talte om en cykelsmed.",
        ideas=[("idea", {"title": "Frivillig cykelsmed", "description": "En værksted hver tirsdag."})],
    )
    idea = Idea.objects.get(outcome=outcome)
    smith = UserFactory(username="cykler", first_name="Bo", last_name="Cykelsmed")
    StandardPageFactory(parent=tree["news"].get_parent(), title="Cykelværkstedet", introduction="Spørg cykelsmeden.")

    html = search(reader_client, "cykelsmed")
    assert "6 resultater" in html
    assert type_counts(html) == {
        "Alle": "6",
        "Nyheder": "1",
        "Projekter": "1",
        "Workshopresultater": "1",
        "Idéer": "1",
        "Personer": "1",
        "Sider": "1",
    }
    assert result_titles(html) == [
        "Cykelsmed i Brande",
        "Cykelprojekt",
        "Workshop om cykler",
        "Frivillig cykelsmed",
        "Bo Cykelsmed",
        "Cykelværkstedet",
    ]
    for heading in ("Nyheder", "Projekter", "Workshopresultater", "Idéer", "Personer", "Sider"):
        assert re.search(rf'<h2 class="h3" id="resultater-[a-z]+">{heading}</h2>', html)
    assert f'href="{outcome.url}#ide-{idea.pk}"' in html
    assert f'href="/personer/{smith.username}/"' in html

    only_ideas = search(reader_client, "cykelsmed", type="ideer")
    assert result_titles(only_ideas) == ["Frivillig cykelsmed"]
    assert '<a href="?q=cykelsmed&amp;type=ideer" aria-current="page">Idéer (1)</a>' in only_ideas
    assert result_titles(search(reader_client, "cykelsmed", type="idéer")) == ["Frivillig cykelsmed"]
    assert result_titles(search(reader_client, "cykelsmed", type="personer")) == ["Bo Cykelsmed"]


def test_every_word_must_match(reader_client, tree):
    NewsArticlePageFactory(parent=tree["news"], title="Frivillige i Ikast", introduction="Frivillige hjælper.")
    NewsArticlePageFactory(parent=tree["news"], title="Frivillige i Brande", introduction="Frivillige hjælper.")
    assert result_titles(search(reader_client, "frivillige ikast")) == ["Frivillige i Ikast"]


def test_excerpt_marks_the_words_and_escapes_what_people_wrote(reader_client, tree):
    NewsArticlePageFactory(
        parent=tree["news"],
        title="Om fællesskaber",
        introduction='<script>alert("x")</script> & fællesskabet i <b>Ikast</b>',
    )
    html = search(reader_client, "fællesskabet")
    assert (
        '<p class="search-result-excerpt">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; '
        "<mark>fællesskabet</mark> i &lt;b&gt;Ikast&lt;/b&gt;</p>"
    ) in html
    assert "<script>alert" not in html


def test_excerpt_comes_from_the_body_around_the_match(reader_client, tree):
    filler = " ".join(["Indledende tekst uden ordet."] * 30)
    NewsArticlePageFactory(
        parent=tree["news"],
        title="Lang artikel",
        introduction="En manchet.",
        body=[("paragraph", f"<p>{filler} Her nævnes borgerbudgettet midt i det hele. {filler}</p>")],
    )
    html = search(reader_client, "borgerbudgettet")
    excerpt = re.search(r'<p class="search-result-excerpt">(.*?)</p>', html).group(1)
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>borgerbudgettet</mark>" in excerpt
    assert len(excerpt) < 300


def test_people_are_found_by_competence_department_and_new_name(reader_client, people):
    person = UserFactory(username="lthorsager", first_name="Lone", last_name="Thorsager")
    profile = person.profile
    profile.department = Department.objects.create(name="Ældreområdet")
    profile.job_title = "Udviklingskonsulent"
    profile.save()
    profile.competencies.set(["Velfærdsteknologi"])
    assert result_titles(search(reader_client, "velfærdsteknologi", type="personer")) == ["Lone Thorsager"]
    assert result_titles(search(reader_client, "ældreområdet", type="personer")) == ["Lone Thorsager"]

    person.last_name = "Kragelund"
    person.save()
    assert result_titles(search(reader_client, "kragelund", type="personer")) == ["Lone Kragelund"]
    assert result_titles(search(reader_client, "thorsager", type="personer")) == []


def test_danish_stemming_finds_other_forms_of_a_word(reader_client, tree):
    NewsArticlePageFactory(
        parent=tree["news"], title="Mental Frikommune", introduction="Et nyt blik på medborgerskab i kommunen."
    )
    html = search(reader_client, "medborgerskabet")
    # The article, and the project "Aktivt medborgerskab" of the tree.
    assert result_titles(html) == ["Mental Frikommune", "Aktivt medborgerskab"]
    assert "Et nyt blik på <mark>medborgerskab</mark> i kommunen." in html
    assert result_titles(search(reader_client, "kommunens")) == ["Mental Frikommune"]


# --- What is never shown ----------------------------------------------------------------------------------
def test_drafts_and_unpublished_changes_are_never_found(reader_client, tree, people):
    draft = NewsArticlePageFactory(parent=tree["news"], title="Kladde", introduction="Om snebolde.", live=False)
    draft.save_revision()
    article = NewsArticlePageFactory(parent=tree["news"], title="Udgivet", introduction="Om sommerfugle.")
    article.introduction = "Om sommerfugle og hemmelige snefnug."
    article.save_revision()
    assert search(reader_client, "snebolde").count('class="search-result"') == 0
    assert result_titles(search(reader_client, "snefnug")) == []
    assert result_titles(search(reader_client, "sommerfugle")) == ["Udgivet"]


def test_outcomes_awaiting_review_or_sent_back_and_their_ideas_are_never_found(client, tree, people):
    client.force_login(people["reader"])
    waiting = submit_outcome(
        client,
        tree["project"],
        people["agent"],
        title="Ventende workshop",
        summary="Om xylofonkoret.",
        idea_title="Xylofonkor for seniorer",
    )
    sent_back = submit_outcome(
        client,
        tree["project"],
        people["agent"],
        title="Returneret workshop",
        summary="Om zebrastriber.",
        idea_title="Zebrastriber ved skolen",
    )
    task_state = sent_back.current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["lead"], "reject", comment="Skriv mere.")
    assert not WorkshopOutcomePage.objects.get(pk=waiting.pk).live
    assert not WorkshopOutcomePage.objects.get(pk=sent_back.pk).live

    for user in (people["reader"], people["lead"]):
        client.force_login(user)
        for word in ("xylofonkoret", "xylofonkor", "zebrastriber"):
            html = search(client, word)
            assert result_titles(html) == [], (user, word)
            assert "0 resultater" in html


def test_ideas_of_an_unpublished_outcome_disappear(reader_client, tree):
    outcome = published_outcome(
        tree["project"], ideas=[("idea", {"title": "Kvadratmeterbank", "description": "Del lokaler."})]
    )
    assert result_titles(search(reader_client, "kvadratmeterbank", type="ideer")) == ["Kvadratmeterbank"]
    outcome.unpublish()
    assert result_titles(search(reader_client, "kvadratmeterbank")) == []


def test_inactive_people_are_not_found(reader_client):
    UserFactory(username="gammel", first_name="Gudrun", last_name="Fratrådt", is_active=False)
    UserFactory(username="aktiv", first_name="Gunnar", last_name="Fratrådt")
    assert result_titles(search(reader_client, "fratrådt")) == ["Gunnar Fratrådt"]


def test_pages_restricted_to_a_group_show_only_to_its_members(client, tree, people, role_groups):
    restricted = NewsArticlePageFactory(parent=tree["news"], title="Ledernyt", introduction="Om lønforhandling.")
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([role_groups[roles.MODERATORS]])
    client.force_login(people["reader"])
    assert result_titles(search(client, "lønforhandling")) == []
    client.force_login(UserFactory(username="moderator", groups=[roles.MODERATORS]))
    assert result_titles(search(client, "lønforhandling")) == ["Ledernyt"]


# --- Odd queries ------------------------------------------------------------------------------------------
def test_the_empty_search_shows_only_the_form(reader_client):
    html = main_of(search(reader_client, ""))
    assert 'name="q"' in html and "Søg i nyheder, projekter, workshopresultater, idéer, personer og sider." in html
    assert 'role="status"' not in html and "resultat" not in html.split("</form>", 1)[1]
    assert reader_client.get("/soeg/").status_code == 200


@pytest.mark.parametrize("query", ["!!!", "   ", "?*\"'()", "___", "-- ; DROP TABLE", "<script>", "”«»"])
def test_queries_without_words_answer_in_danish(reader_client, tree, query):
    html = main_of(search(reader_client, query))
    if query.strip() and not re.search(r"[^\W_]", query):
        assert "Skriv mindst ét ord med bogstaver eller tal." in html
    elif query.strip():
        assert "0 resultater" in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"frivillig',
        "frivillig*",
        "frivillig OR NOT",
        "NEAR(frivillig)",
        "frivillig AND",
        "frivillig:titel",
        "^frivillig",
        "frivillig's & c++",
        "ø" * 1000,
    ],
)
def test_search_syntax_characters_are_plain_text(reader_client, tree, query):
    NewsArticlePageFactory(parent=tree["news"], title="Frivillige", introduction="Om frivillig indsats.")
    html = search(reader_client, query)
    assert "resultat" in html


def test_a_1000_character_query_is_shortened_with_a_notice(reader_client, tree):
    NewsArticlePageFactory(parent=tree["news"], title="Frivillige", introduction="Om frivillig indsats.")
    html = search(reader_client, "frivillig " + "x" * 990)
    assert "Søgningen var for lang: der søges kun på de første 10 ord inden for 200 tegn." in html
    assert 'maxlength="200"' in html
    assert "0 resultater" in html


def test_an_unknown_type_shows_every_type_with_a_warning(reader_client, tree):
    NewsArticlePageFactory(parent=tree["news"], title="Frivillige", introduction="Om frivillig indsats.")
    html = search(reader_client, "frivillig", type="<b>bogstaver</b>")
    assert 'Der findes ingen resultattype, der hedder "&lt;b&gt;bogstaver&lt;/b&gt;"' in html
    assert result_titles(html) == ["Frivillige"]


def test_a_type_without_results_says_so(reader_client, tree):
    NewsArticlePageFactory(parent=tree["news"], title="Frivillige", introduction="Om frivillig indsats.")
    html = search(reader_client, "frivillig", type="personer")
    assert "Ingen resultater af typen Personer." in html
    assert "<span>Personer (0)</span>" in html


# --- Paging and cost --------------------------------------------------------------------------------------
def test_pages_run_through_the_types_in_order(reader_client, tree):
    for number in range(18):
        NewsArticlePageFactory(parent=tree["news"], title=f"Nyhed om trivsel {number}", introduction="Trivsel.")
    for number in range(5):
        ProjectPageFactory(parent=tree["projects"], title=f"Projekt om trivsel {number}", purpose="Trivsel.")
    first = search(reader_client, "trivsel")
    assert "23 resultater" in first
    assert len(result_titles(first)) == 20
    assert [title.split(" om ")[0] for title in result_titles(first)] == ["Nyhed"] * 18 + ["Projekt"] * 2
    assert "Side 1 af 2" in first and "page=2" in first
    second = search(reader_client, "trivsel", page="2")
    assert [title.split(" om ")[0] for title in result_titles(second)] == ["Projekt"] * 3
    assert ">Projekter</h2>" in second and ">Nyheder</h2>" not in second
    shown = set(result_titles(first)) | set(result_titles(second))
    assert len(shown) == 23
    assert result_titles(search(reader_client, "trivsel", page="99")) == result_titles(second)
    assert result_titles(search(reader_client, "trivsel", page="x")) == result_titles(first)
    projects_only = search(reader_client, "trivsel", type="projekter")
    assert len(result_titles(projects_only)) == 5 and "Side 1 af" not in projects_only


def queries_for_search(client, query, **params):
    with CaptureQueriesContext(connection) as queries:
        html = search(client, query, **params)
    return len(queries), html


def make_matching_content(tree, count, word):
    for number in range(count):
        NewsArticlePageFactory(parent=tree["news"], title=f"{word} nyhed {number}", introduction=f"Om {word}.")
    published_outcome(
        tree["project"],
        title=f"{word} workshop",
        ideas=[("idea", {"title": f"{word} idé {n}", "description": "Idé."}) for n in range(count)],
    )
    for number in range(count):
        user = UserFactory(username=f"{word}{number}", last_name=word.capitalize())
        user.profile.competencies.set([word])


def test_query_count_does_not_grow_with_the_results(reader_client, tree):
    make_matching_content(tree, 5, "sparsomt")
    make_matching_content(tree, 60, "talrigt")
    few, few_html = queries_for_search(reader_client, "sparsomt")
    many, many_html = queries_for_search(reader_client, "talrigt")
    assert "16 resultater" in few_html and "181 resultater" in many_html
    assert len(result_titles(few_html)) == 16 and len(result_titles(many_html)) == 20
    # The first page of many results holds fewer types than the page of few, so it costs no more.
    assert many <= few

    for type_slug in ("nyheder", "ideer", "personer"):
        few, few_html = queries_for_search(reader_client, "sparsomt", type=type_slug)
        many, many_html = queries_for_search(reader_client, "talrigt", type=type_slug)
        assert len(result_titles(few_html)) == 5 and len(result_titles(many_html)) == 20
        assert many == few, type_slug


def test_equally_relevant_news_are_listed_newest_first(reader_client, tree):
    from datetime import date

    for title, day in [("Gammel cykelnyhed", date(2012, 1, 5)), ("Ny cykelnyhed", date(2026, 11, 1)),
                       ("Mellem cykelnyhed", date(2019, 6, 1))]:  # fmt: skip
        NewsArticlePageFactory(parent=tree["news"], title=title, date=day, introduction="Om cykelstier.")
    html = search(reader_client, "cykelstier", type="nyheder")
    assert result_titles(html) == ["Ny cykelnyhed", "Mellem cykelnyhed", "Gammel cykelnyhed"]


def test_a_title_match_comes_first_then_relevance_then_the_newer(reader_client, tree):
    from datetime import date

    filler = "<p>" + " ".join(["Nyt fra kommunen om hverdagen."] * 20) + "</p>"
    NewsArticlePageFactory(
        parent=tree["news"], title="Nyt om uddannelse", date=date(2026, 11, 20), introduction="Forandringsagenter.",
        body=[("paragraph", "<p>Forandringsagenterne i Mental Frikommune er i gang. Mental frikommune.</p>")],
    )  # fmt: skip
    NewsArticlePageFactory(
        parent=tree["news"], title="20 forandringsagenter skal udvikle Mental Frikommune", date=date(2012, 1, 10),
        introduction="Diplommodulet begynder.", body=[("paragraph", filler)],
    )  # fmt: skip
    NewsArticlePageFactory(
        parent=tree["news"], title="Kort nyt", date=date(2026, 11, 25),
        introduction="En forandringsagent fortalte om Mental Frikommune.", body=[("paragraph", filler)],
    )  # fmt: skip
    titles = result_titles(search(reader_client, "forandringsagenter mental frikommune", type="nyheder"))
    # The title match first though it is the oldest; then the text that says it most, before the newest.
    assert titles == ["20 forandringsagenter skal udvikle Mental Frikommune", "Nyt om uddannelse", "Kort nyt"]


def test_cached_results_never_hide_newly_published_content(reader_client, tree):
    """Result pages are cached briefly; publishing something searchable makes them stale at once."""
    NewsArticlePageFactory(parent=tree["news"], title="Første havenyhed", introduction="Om kolonihaver.")
    assert result_titles(search(reader_client, "kolonihaver")) == ["Første havenyhed"]
    NewsArticlePageFactory(parent=tree["news"], title="Anden havenyhed", introduction="Om kolonihaver.")
    assert sorted(result_titles(search(reader_client, "kolonihaver"))) == ["Anden havenyhed", "Første havenyhed"]


def test_a_repeated_search_is_answered_from_the_cache(reader_client, tree):
    NewsArticlePageFactory(parent=tree["news"], title="Cachet nyhed", introduction="Om vandrestier.")
    search(reader_client, "vandrestier")
    # Only the session, the user, view restrictions and the settings remain; no search query runs.
    with CaptureQueriesContext(connection) as queries:
        html = search(reader_client, "vandrestier")
    assert "Cachet nyhed" in html
    assert not [query for query in queries.captured_queries if "wagtailsearch" in query["sql"]]


def test_a_login_does_not_empty_the_search_cache(client, people):

    from search.cache import generation

    before = generation()
    response = client.post("/login/", {"username": "medarbejder", "password": "korrekt-hest-batteri"})
    assert response.status_code == 302
    assert generation() == before
