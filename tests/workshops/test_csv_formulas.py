"""Spreadsheet formulas in exported cells are written as text (OWASP: a leading ')."""

import csv
import io

import pytest

from core.spreadsheets import csv_writer, safe_cell
from workshops.models import Idea

IDEAS_ADMIN = "/admin/snippets/workshops/idea/"  # Wagtail's snippet listing of ideas

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/","x")'


@pytest.fixture
def published(submit, people):
    def make(**kwargs):
        page = submit(**kwargs)
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, people["moderator"], "approve")
        return page

    return make


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_get_a_leading_quote(start):
    assert safe_cell(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize("value", ["Frivillighedsbørs", "", 12, None, "a=b", " =1"])
def test_other_cells_are_left_alone(value):
    assert safe_cell(value) == value


def test_the_shared_writer_neutralises_every_cell():
    buffer = io.StringIO()
    csv_writer(buffer, delimiter=";").writerow(["ok", EVIL, 3])
    assert next(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";")) == ["ok", "'" + EVIL, "3"]


def test_the_idea_export_in_the_admin_writes_a_formula_as_text(client, published, people):
    published(ideas=[(EVIL, "-1+2 i beskrivelsen"), ("Spisning", "b")])
    assert Idea.objects.filter(title=EVIL).exists()
    client.force_login(people["kommunikation"])
    export = client.get(IDEAS_ADMIN, {"export": "csv"})
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(content))}
    assert "'" + EVIL in rows
    assert rows["'" + EVIL][1] == "'-1+2 i beskrivelsen"
    assert EVIL not in rows
    assert "Spisning" in rows


def test_the_report_csv_writes_a_formula_in_a_project_title_as_text(client, people, projects):
    projects["other"].title = EVIL
    projects["other"].save_revision().publish()
    client.force_login(people["kommunikation"])
    export = client.get("/rapport/csv/")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    titles = [row[0] for row in rows]
    assert "'" + EVIL in titles
    assert EVIL not in titles
