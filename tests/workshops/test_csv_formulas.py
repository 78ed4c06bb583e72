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
    raw = b"".join(export.streaming_content)
    assert raw.startswith("\ufeff".encode())  # the intranet's CSV dialect: a BOM, then semicolons
    content = raw.decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(content), delimiter=";")}
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


def test_the_idea_export_writes_local_times_to_the_minute(client, published, people):
    import datetime

    from django.utils import timezone

    published(ideas=[("Spisning", "b")])
    moved = datetime.datetime(2026, 11, 30, 2, 11, 0, 39508, tzinfo=datetime.UTC)  # 03:11 in Copenhagen
    Idea.objects.update(status_changed_at=moved)
    client.force_login(people["kommunikation"])
    export = client.get(IDEAS_ADMIN, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")), delimiter=";"))
    column = rows[0].index("Status ændret")
    assert rows[1][column] == "2026-11-30 03:11"

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(b"".join(client.get(IDEAS_ADMIN, {"export": "xlsx"}).streaming_content)))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    written = sheet.cell(row=2, column=headings.index("Status ændret") + 1).value
    assert (
        written.strftime("%Y-%m-%d %H:%M")
        == timezone.make_naive(moved).strftime("%Y-%m-%d %H:%M")
        == "2026-11-30 03:11"
    )
