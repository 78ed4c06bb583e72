"""The workshop-outcome workflow as people click through it, checked with axe-core on every screen."""

import datetime
import uuid

import pytest

from workshops import services
from workshops.models import Idea, WorkshopOutcomePage
from workshops.report import strategy_report

from ..factories import PASSWORD
from ..workshops.conftest import people, projects  # noqa: F401  (fixtures)
from .conftest import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n% referat\n"


def logout(page):
    page.context.clear_cookies()


def test_submit_in_the_form_and_approve_in_the_admin(page, projects, tmp_path):  # noqa: F811
    attachment = tmp_path / "referat.pdf"
    attachment.write_bytes(PDF)

    # The employee submits from the project page, without the admin.
    login(page, "medarbejder", PASSWORD)
    page.goto("/projekter/aktivt-medborgerskab/")
    page.get_by_role("link", name="Indsend workshopresultat").click()
    page.wait_for_url("**/indsend/")
    assert_accessible(page)

    page.get_by_label("Titel", exact=True).fill("Naboskab på tværs")
    page.get_by_label("Dato for workshoppen").fill("2012-01-24")
    page.get_by_label("Frida Agerskov").check()
    page.get_by_label("Antal deltagende medarbejdere").fill("11")
    page.get_by_label("Antal deltagende borgere").fill("5")
    page.get_by_label("Metode og øvelser").fill("Brainwriting")
    page.get_by_label("Opsummering").fill("<script>window.__pwned = true</script>Gode idéer om naboskab.")
    page.locator("#id_ideas-0-title").fill("Nabohjælp")
    page.locator("#id_ideas-0-description").fill("Naboer hjælper hinanden.")
    page.get_by_role("button", name="Tilføj endnu en idé").click()
    page.wait_for_load_state()
    # The new idea has the focus; what was typed is still there.
    assert page.evaluate("document.activeElement.name") == "ideas-1-title"
    assert page.get_by_label("Titel", exact=True).input_value() == "Naboskab på tværs"
    page.locator("#id_ideas-1-title").fill("Gårdfest")
    page.get_by_label("Vedhæftede filer").set_input_files(str(attachment))
    # Sent without the second idea's description: the summary lists it, takes the focus, and the
    # page asks for the file again (a browser never sends chosen files twice).
    page.get_by_role("button", name="Send til godkendelse").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Der er problemer med det indtastede")
    assert "Idé 2, Beskrivelse af idéen: Dette felt er påkrævet." in summary.inner_text()
    assert page.evaluate("document.activeElement.textContent").count("Idé 2, Beskrivelse af idéen") == 1
    assert "Vælg de vedhæftede filer igen" in page.content()
    assert page.locator("#id_ideas-0-title").input_value() == "Nabohjælp"
    assert_accessible(page)
    summary.get_by_role("link", name="Idé 2, Beskrivelse af idéen: Dette felt er påkrævet.").click()
    assert page.evaluate("document.activeElement.id") == "id_ideas-1-description"
    page.locator("#id_ideas-1-description").fill("En årlig fest i gården.")
    page.get_by_label("Vedhæftede filer").set_input_files(str(attachment))
    page.get_by_role("button", name="Send til godkendelse").click()
    page.wait_for_url("**/mine-indsendelser/**")  # the link above left "#id_ideas-1-description" on the address
    assert "Afventer godkendelse" in page.content()
    assert_accessible(page)

    outcome = WorkshopOutcomePage.objects.get()
    assert [block.value["title"] for block in outcome.ideas] == ["Nabohjælp", "Gårdfest"]
    assert outcome.attachments.get().original_name == "referat.pdf"

    # The project's lead finds it in the queue and approves it in Wagtail's own edit screen.
    logout(page)
    login(page, "projektleder", PASSWORD)
    page.goto("/moderering/")
    assert_accessible(page)
    page.get_by_role("link", name="Gennemse “Naboskab på tværs”").click()
    page.wait_for_url(f"**/moderering/workshopresultater/{outcome.pk}/")
    # The reviewer's screen links to Wagtail's edit view for those who prefer it.
    page.get_by_role("link", name="Åbn i administrationen").click()
    page.wait_for_url(f"**/admin/pages/{outcome.pk}/edit/")
    approve = page.get_by_role("button", name="Godkend og udgiv")
    if not approve.is_visible():
        page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    approve.click()
    page.wait_for_url("**/moderering/")
    assert "er godkendt og udgivet" in page.content()

    outcome.refresh_from_db()
    assert outcome.live
    assert list(Idea.objects.filter(outcome=outcome).values_list("title", flat=True)) == ["Nabohjælp", "Gårdfest"]

    # Everyone sees it now; the script was shown as text, never run.
    logout(page)
    login(page, "forandringsagent", PASSWORD)
    page.goto(outcome.url)
    assert page.get_by_role("heading", level=1).inner_text() == "Naboskab på tværs"
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = true</script>" in page.locator(".workshop-outcome").inner_text()
    assert_accessible(page)


def test_lead_moves_an_idea_and_reads_the_report(page, projects, people):  # noqa: F811
    outcome = _published_outcome(projects["ours"], people)
    idea = Idea.objects.get(outcome=outcome)
    login(page, "projektleder", PASSWORD)
    page.goto(outcome.url)
    assert_accessible(page)
    page.get_by_label(f"Flyt “{idea.title}” til").select_option(label="Udvalgt")
    page.get_by_role("button", name="Skift status").click()
    page.wait_for_load_state()
    assert "har nu status Udvalgt" in page.content()
    idea.refresh_from_db()
    assert idea.status == "udvalgt"

    page.goto("/rapport/")
    assert page.locator("#report-table tfoot td").first.inner_text() == "1"
    assert page.locator("svg.report-chart rect").count() == 1
    assert_accessible(page)
    assert strategy_report()["total"]["idea_counts"][1] == 1


def _published_outcome(project, users):
    data = {
        "title": "Workshop om fællesskaber",
        "workshop_date": datetime.date(2012, 2, 1),
        "facilitators": [users["forandringsagent"]],
        "employee_participants": 8,
        "citizen_participants": 3,
        "method": "Cafémodellen",
        "summary": "Fællesskaber i landsbyerne.",
        "next_steps": "",
        "token": uuid.uuid4(),
    }
    page, _created = services.submit_outcome(
        project, users["medarbejder"], data, [{"title": "Landsbypedel", "description": "En pedel pr. landsby."}], []
    )
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, users["projektleder"], "approve")
    page.refresh_from_db()
    return page
