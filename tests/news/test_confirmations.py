"""News that must be read, targeted news and pinned news (issue 14, items 4 and 5)."""

import csv
import datetime
import io

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import confirmations
from news.listings import unconfirmed_for
from news.models import NewsArticlePage, ReadConfirmation
from people import roles
from tests.factories import DepartmentFactory, NewsArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def in_department(user, department):
    user.profile.department = department
    user.profile.save()
    return user


@pytest.fixture
def departments(db):
    return {"job": DepartmentFactory(name="Jobcenter"), "teknik": DepartmentFactory(name="Teknik og Miljø")}


@pytest.fixture
def staff(make_user, role_groups, departments):
    return {
        "medarbejder": in_department(make_user("medarbejder", roles.EMPLOYEES, first_name="Mads"), departments["job"]),
        "tekniker": in_department(make_user("tekniker", roles.EMPLOYEES, first_name="Tove"), departments["teknik"]),
        "kommunikation": make_user("kommunikation", roles.EMPLOYEES, roles.COMMUNICATIONS, first_name="Kasper"),
        "moderator": make_user("moderator", roles.EMPLOYEES, roles.MODERATORS),
        "admin": make_user("admin", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def important(news_index, staff):
    return NewsArticlePageFactory(
        parent=news_index, title="Ny procedure for brandalarm", slug="brandalarm", requires_confirmation=True
    )


def test_the_editor_has_the_fields_with_their_danish_labels():
    form_class = NewsArticlePage.get_edit_handler().get_form_class()
    fields = form_class.base_fields
    assert fields["requires_confirmation"].label == "Vigtig – kræver bekræftelse"
    assert {"target_departments", "pinned_until"} <= set(fields)


def test_one_confirmation_per_person_and_article_is_a_database_rule(important, staff):
    ReadConfirmation.objects.create(article=important, user=staff["medarbejder"])
    with pytest.raises(IntegrityError), transaction.atomic():
        ReadConfirmation.objects.create(article=important, user=staff["medarbejder"])


def test_the_reader_confirms_with_a_plain_form_and_a_double_submit_counts_once(client, important, staff):
    client.force_login(staff["medarbejder"])
    content = client.get(important.url).content.decode()
    assert "Vigtig nyhed – kræver bekræftelse" in content
    assert f'action="{important.url}laest/"' in content and "Jeg har læst det" in content
    for _attempt in range(2):
        response = client.post(important.url + "laest/")
        assert response.status_code == 302 and response["Location"] == important.url
    assert ReadConfirmation.objects.filter(article=important, user=staff["medarbejder"]).count() == 1
    content = client.get(important.url).content.decode()
    assert "Jeg har læst det" not in content and "Du bekræftede, at du har læst nyheden" in content


def test_confirming_needs_post_and_csrf(important, staff):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff["medarbejder"])
    assert client.get(important.url + "laest/").status_code == 405
    assert client.post(important.url + "laest/").status_code == 403
    assert not ReadConfirmation.objects.exists()


def test_an_ordinary_article_has_no_button_and_no_confirmation_address(client, news_index, staff):
    article = NewsArticlePageFactory(parent=news_index, title="Almindelig nyhed")
    client.force_login(staff["medarbejder"])
    assert "Jeg har læst det" not in client.get(article.url).content.decode()
    assert client.post(article.url + "laest/").status_code == 404
    client.force_login(staff["kommunikation"])
    assert client.get(article.url + "bekraeftelser/").status_code == 404


def test_the_unconfirmed_article_is_pinned_on_the_dashboard_until_confirmed(client, important, staff):
    client.force_login(staff["medarbejder"])
    content = client.get("/").content.decode()
    assert 'id="must-read-heading"' in content and important.title in content
    client.post(important.url + "laest/")
    content = client.get("/").content.decode()
    assert 'id="must-read-heading"' not in content


def test_confirmation_for_chosen_departments_only(client, news_index, staff, departments):
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Kun for jobcentret",
        requires_confirmation=True,
        target_departments=[departments["job"]],
    )
    assert list(unconfirmed_for(staff["medarbejder"])) == [article]
    assert list(unconfirmed_for(staff["tekniker"])) == []
    client.force_login(staff["tekniker"])
    assert "Jeg har læst det" not in client.get(article.url).content.decode()
    client.post(article.url + "laest/")
    assert not ReadConfirmation.objects.exists()
    assert set(confirmations.audience(article)) == {staff["medarbejder"]}


@pytest.mark.parametrize("name", ["medarbejder", "moderator"])
def test_others_may_not_see_the_report(client, important, staff, name):
    client.force_login(staff[name])
    assert client.get(important.url + "bekraeftelser/").status_code == 403
    assert client.get(important.url + "bekraeftelser/csv/").status_code == 403
    assert "Se hvem der har bekræftet" not in client.get(important.url).content.decode()


@pytest.mark.parametrize("name", ["kommunikation", "admin"])
def test_kommunikation_and_superusers_see_who_has_confirmed_by_department(client, important, staff, name):
    confirmations.confirm(important, staff["medarbejder"])
    client.force_login(staff[name])
    assert f'href="{important.url}bekraeftelser/"' in client.get(important.url).content.decode()
    response = client.get(important.url + "bekraeftelser/")
    assert response.status_code == 200
    rows = {row.name: row for row in response.context["rows"]}
    assert [person for person, _when in rows["Jobcenter"].confirmed] == [staff["medarbejder"]]
    assert rows["Teknik og Miljø"].missing == [staff["tekniker"]]
    assert staff["kommunikation"] in rows["Uden afdeling"].missing
    assert list(rows)[-1] == "Uden afdeling"


def test_the_csv_neutralises_formulas(client, important, staff, departments):
    UserFactory(username="lumsk", first_name='=HYPERLINK("http://ond.example")', last_name="X")
    client.force_login(staff["kommunikation"])
    response = client.get(important.url + "bekraeftelser/csv/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Afdeling", "Navn", "Brugernavn", "Bekræftet", "Tidspunkt"]
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://ond.example") X' in names
    assert not any(name.startswith("=") for name in names)


def test_the_report_costs_the_same_queries_for_few_and_many_people(client, important, staff, departments):
    client.force_login(staff["kommunikation"])

    def measure():
        client.get(important.url + "bekraeftelser/")
        with CaptureQueriesContext(connection) as context:
            response = client.get(important.url + "bekraeftelser/")
        assert response.status_code == 200
        return len(context.captured_queries)

    few = measure()
    for n in range(60):
        person = in_department(UserFactory(username=f"person{n}"), departments["job" if n % 2 else "teknik"])
        if n % 3:
            confirmations.confirm(important, person)
    assert measure() == few


# --- Targeted and pinned news (item 5) ------------------------------------------------------------
def test_targeted_news_reaches_only_its_departments_dashboard_but_everyone_finds_it(
    client, news_index, staff, departments
):
    targeted = NewsArticlePageFactory(
        parent=news_index, title="Nyt om ledighedsydelse", target_departments=[departments["job"]]
    )
    general = NewsArticlePageFactory(parent=news_index, title="Julefrokost for alle")
    client.force_login(staff["medarbejder"])
    assert set(client.get("/").context["dashboard"]["news"].items) == {targeted, general}
    client.force_login(staff["tekniker"])
    assert list(client.get("/").context["dashboard"]["news"].items) == [general]
    assert targeted in client.get("/nyheder/").context["articles"]
    assert client.get(targeted.url).status_code == 200


def test_a_pinned_article_stays_at_the_top_of_the_news_list_until_its_date(client, news_index, staff):
    today = timezone.localdate()
    pinned = NewsArticlePageFactory(
        parent=news_index,
        title="Fastgjort",
        date=today - datetime.timedelta(days=30),
        pinned_until=today,
    )
    expired = NewsArticlePageFactory(
        parent=news_index,
        title="Udløbet",
        date=today - datetime.timedelta(days=20),
        pinned_until=today - datetime.timedelta(days=1),
    )
    newest = NewsArticlePageFactory(parent=news_index, title="Nyeste", date=today)
    client.force_login(staff["medarbejder"])
    response = client.get("/nyheder/")
    assert list(response.context["articles"]) == [pinned, newest, expired]
    assert response.content.decode().count("Fastgjort</span>") == 1
