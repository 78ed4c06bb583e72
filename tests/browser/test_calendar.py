"""The workshop calendar and news that must be read, as people click through them (with axe-core)."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventPage, Registration
from news.models import ReadConfirmation
from people import demo as people_demo
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)

from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def users(home_page, role_groups):
    return people_demo.seed("demo", lambda message: None)


def logout(page):
    page.goto("/")
    page.locator(".portal-user").get_by_role("button", name="Log af").click()
    page.wait_for_url("**/login/")


def test_a_change_agent_plans_a_workshop_and_colleagues_sign_up_and_wait(page, home_page, users):
    calendar = EventIndexPageFactory(parent=home_page, show_in_menus=True)
    EventPageFactory(parent=calendar, title="Tidligere planlagt workshop", facilitators=[users["forandringsagent"]])

    login(page, "forandringsagent", "demo")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Kalender").click()
    page.wait_for_url("**/kalender/")
    assert_accessible(page)
    page.get_by_role("link", name="Opret en workshop eller begivenhed").click()
    start = timezone.localtime() + datetime.timedelta(days=5)
    page.get_by_label("Titel").fill("Idéworkshop om ensomhed")
    page.get_by_label("Starter").fill(start.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Slutter").fill(start.strftime("%Y-%m-%dT12:00"))
    page.get_by_label("Sted").fill("Brande Rådhus")
    page.get_by_label("Frida Agerskov").check()
    page.get_by_label("Antal pladser").fill("1")
    page.get_by_label("Beskrivelse").fill("Vi bruger brainwriting.")
    assert_accessible(page)
    page.get_by_role("button", name="Opret begivenhed").click()
    page.wait_for_url("**/kalender/ideworkshop-om-ensomhed/")
    event = EventPage.objects.get(title="Idéworkshop om ensomhed")
    assert_accessible(page)
    logout(page)

    login(page, "medarbejder", "demo")
    page.goto(event.url)
    page.get_by_role("button", name="Tilmeld", exact=True).click()
    page.get_by_text("Du er tilmeldt", exact=True).first.wait_for()
    assert_accessible(page)
    logout(page)

    login(page, "moderator", "demo")
    page.goto(event.url)
    page.get_by_role("button", name="Tilmeld mig ventelisten").click()
    page.get_by_text("Du er nr. 1 på ventelisten").wait_for()
    assert Registration.objects.get(event=event, user=users["moderator"]).seat is None

    page.goto("/kalender/?visning=maaned&maaned=" + start.strftime("%Y-%m"))
    page.get_by_role("link", name="Idéworkshop om ensomhed").wait_for()
    assert_accessible(page)
    logout(page)

    # The change agent calls it off; the colleague with a seat hears of it and sees it marked.
    login(page, "forandringsagent", "demo")
    page.goto(event.url)
    page.get_by_role("link", name="Aflys begivenheden").click()
    page.wait_for_url("**/aflys/")
    page.get_by_text("2 kolleger er tilmeldt eller står på venteliste").wait_for()
    assert_accessible(page)
    page.get_by_label("Besked til de tilmeldte").fill("Jeg er syg. Vi finder en ny dato.")
    page.get_by_role("button", name="Ja, aflys begivenheden").click()
    page.wait_for_url("**/kalender/ideworkshop-om-ensomhed/")
    page.get_by_text("2 tilmeldte har fået besked").wait_for()
    assert_accessible(page)
    logout(page)

    login(page, "medarbejder", "demo")
    page.goto("/notifikationer/")
    page.get_by_text("“Idéworkshop om ensomhed” er aflyst").first.wait_for()
    page.goto(event.url)
    page.get_by_text("Jeg er syg. Vi finder en ny dato.").wait_for()
    assert page.get_by_role("button", name="Afmeld").count() == 0
    assert_accessible(page)


def test_an_employee_confirms_an_important_article_and_kommunikation_sees_it(page, home_page, users):
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(
        parent=index, title="Ny procedure ved brandalarm", slug="brandalarm", requires_confirmation=True
    )

    login(page, "medarbejder", "demo")
    page.get_by_role("heading", name="Vigtigt – læs og bekræft").wait_for()
    page.locator(".dashboard-must-read").get_by_role("link", name="Ny procedure ved brandalarm").click()
    assert_accessible(page)
    page.get_by_role("button", name="Jeg har læst det").click()
    page.get_by_text("Tak, du har bekræftet").wait_for()
    assert ReadConfirmation.objects.filter(article=article, user=users["medarbejder"]).exists()
    page.goto("/")
    assert page.get_by_role("heading", name="Vigtigt – læs og bekræft").count() == 0
    logout(page)

    login(page, "kommunikation", "demo")
    page.goto(article.url)
    page.get_by_role("link", name="Se hvem der har bekræftet").click()
    page.wait_for_url("**/bekraeftelser/")
    page.get_by_role("heading", name="Læsebekræftelser: Ny procedure ved brandalarm").wait_for()
    assert "Mads Bundgaard" in page.locator(".confirmed-list").first.inner_text()
    assert_accessible(page)
