"""/forandringsagenter/: the change agents, searchable by name, department and competence."""

import re

import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage
from people.models import ChangeAgentDirectoryPage, Competence

pytestmark = pytest.mark.django_db


@pytest.fixture
def agents(make_agent):
    return {
        "frida": make_agent(
            "forandringsagent",
            "Frida",
            "Agerskov",
            department="Børn og Unge",
            title="Pædagogisk konsulent",
            competencies=["Procesfacilitering", "Borgerinddragelse"],
        ),
        "henrik": make_agent(
            "hbrix",
            "Henrik",
            "Brix",
            department="Teknik og Miljø",
            title="Afdelingsleder",
            competencies=["Forandringsledelse"],
            methods="Fremtidsværksted",
        ),
        "lone": make_agent(
            "lthorsager",
            "Lone",
            "Thorsager",
            department="Ældreområdet",
            title="Sygeplejerske",
            competencies=["Borgerinddragelse", "Velfærdsteknologi"],
        ),
    }


@pytest.fixture
def reader(client, make_user):
    client.force_login(make_user("medarbejder", first_name="Mads", last_name="Bundgaard"))
    return client


def names(response):
    """The people listed in the page's main content (the header names the logged-in reader)."""
    html = response.content.decode().split('<main id="main-content"', 1)[1]
    return {name for name in ("Frida Agerskov", "Henrik Brix", "Lone Thorsager", "Mads Bundgaard") if name in html}


def test_the_directory_sits_once_under_the_front_page(home_page):
    assert ChangeAgentDirectoryPage.parent_page_types == ["home.HomePage"]
    assert ChangeAgentDirectoryPage in HomePage.allowed_subpage_models()
    assert ChangeAgentDirectoryPage not in StandardPage.allowed_subpage_models()
    assert ChangeAgentDirectoryPage.allowed_subpage_models() == []
    assert ChangeAgentDirectoryPage.can_create_at(home_page)
    home_page.add_child(instance=ChangeAgentDirectoryPage(title="Forandringsagenter", slug="forandringsagenter"))
    assert not ChangeAgentDirectoryPage.can_create_at(Page.objects.get(pk=home_page.pk))


def test_lists_only_active_change_agents(reader, directory, agents, make_user):
    make_user("tidligere", "Forandringsagenter", first_name="Tidligere", last_name="Agent", is_active=False)
    response = reader.get("/forandringsagenter/")
    assert response.status_code == 200
    assert names(response) == {"Frida Agerskov", "Henrik Brix", "Lone Thorsager"}
    html = response.content.decode()
    assert "Tidligere Agent" not in html
    assert 'href="/personer/forandringsagent/"' in html
    assert "Pædagogisk konsulent" in html and "Procesfacilitering" in html
    assert "3 forandringsagenter fundet" in html


def test_search_by_name(reader, directory, agents):
    assert names(reader.get("/forandringsagenter/?q=brix")) == {"Henrik Brix"}
    assert names(reader.get("/forandringsagenter/?q=Frida+Agerskov")) == {"Frida Agerskov"}


def test_search_by_department_in_text_and_as_filter(reader, directory, agents):
    assert names(reader.get("/forandringsagenter/?q=ældreområdet")) == {"Lone Thorsager"}
    department = agents["henrik"].profile.department
    assert names(reader.get(f"/forandringsagenter/?afdeling={department.pk}")) == {"Henrik Brix"}


def test_search_by_competence_in_text_and_as_filter(reader, directory, agents):
    assert names(reader.get("/forandringsagenter/?q=borgerinddragelse")) == {"Frida Agerskov", "Lone Thorsager"}
    assert names(reader.get("/forandringsagenter/?q=fremtidsværksted")) == {"Henrik Brix"}
    slug = Competence.objects.get(name="Velfærdsteknologi").slug
    assert names(reader.get(f"/forandringsagenter/?kompetence={slug}")) == {"Lone Thorsager"}


def test_the_competence_filter_offers_what_change_agents_have_once_each(reader, directory, agents, make_user):
    employee = make_user("mbundgaard", first_name="Mads", last_name="Bundgaard")
    employee.profile.competencies.add("Æblemost", "borgerinddragelse")  # not a change agent; one in other case
    agents["henrik"].profile.competencies.add("arbejdsglæde")
    html = reader.get("/forandringsagenter/").content.decode()
    select = html[html.index('name="kompetence"') : html.index("</select>", html.index('name="kompetence"'))]
    options = re.findall(r"<option value=\"[^\"]+\"[^>]*>([^<]+)</option>", select)
    assert options == [
        "arbejdsglæde",
        "Borgerinddragelse",
        "Forandringsledelse",
        "Procesfacilitering",
        "Velfærdsteknologi",
    ]
    # The employee's "borgerinddragelse" is the competence already known, not a second one.
    assert Competence.objects.filter(name__iexact="borgerinddragelse").count() == 1


def test_filters_combine(reader, directory, agents):
    department = agents["frida"].profile.department
    response = reader.get(f"/forandringsagenter/?q=borgerinddragelse&afdeling={department.pk}")
    assert names(response) == {"Frida Agerskov"}


def test_a_person_matching_twice_is_listed_once(reader, directory, agents):
    # "o" matches Frida's name, title, department and both competencies: she is still one card.
    response = reader.get("/forandringsagenter/?q=o")
    assert response.content.decode().count('href="/personer/forandringsagent/"') == 1


def test_no_match_says_so(reader, directory, agents):
    html = reader.get("/forandringsagenter/?q=astronaut").content.decode()
    assert "Ingen forandringsagenter passer til søgningen" in html
    assert "0 forandringsagenter fundet" in html


def test_an_unknown_filter_value_is_explained(reader, directory, agents):
    html = reader.get("/forandringsagenter/?afdeling=999999").content.decode()
    assert "form-error-message" in html


def test_search_text_is_escaped(reader, directory, agents):
    html = reader.get("/forandringsagenter/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)</script>" not in html
