import uuid

import pytest

from people import roles
from workshops import services
from workshops.forms import OutcomeForm

from ..factories import ProjectIndexPageFactory, ProjectPageFactory


@pytest.fixture
def people(make_user, role_groups):
    """The demo roles (README: demo users), as test users."""
    return {
        "medarbejder": make_user("medarbejder", roles.EMPLOYEES, first_name="Mads", last_name="Bundgaard"),
        "projektleder": make_user("projektleder", roles.EMPLOYEES, first_name="Pernille", last_name="Lykkegaard"),
        "projektleder2": make_user("projektleder2", roles.EMPLOYEES, first_name="Peter", last_name="Holmgaard"),
        "moderator": make_user(
            "moderator", roles.EMPLOYEES, roles.MODERATORS, first_name="Mette", last_name="Mortensen"
        ),
        "kommunikation": make_user("kommunikation", roles.EMPLOYEES, roles.COMMUNICATIONS, first_name="Kasper"),
        "forandringsagent": make_user(
            "forandringsagent", roles.EMPLOYEES, roles.CHANGE_AGENTS, first_name="Frida", last_name="Agerskov"
        ),
    }


@pytest.fixture
def projects(home_page, people):
    index = ProjectIndexPageFactory(parent=home_page)
    ours = ProjectPageFactory(parent=index, title="Aktivt medborgerskab", slug="aktivt-medborgerskab")
    ours.lead = people["projektleder"]
    ours.save_revision().publish()
    other = ProjectPageFactory(parent=index, title="Sund hverdag", slug="sund-hverdag")
    other.lead = people["projektleder2"]
    other.save_revision().publish()
    ours.refresh_from_db()
    other.refresh_from_db()
    return {"ours": ours, "other": other}


@pytest.fixture
def project(projects):
    return projects["ours"]


def form_data(agent, *, ideas=(("Frivillighedsbørs", "En fælles børs for frivillige."),), token=None, **overrides):
    """POST data of the outcome form as a browser would send it."""
    data = {
        "title": "Idéer til frivillighed i lokalområdet",
        "workshop_date": "2012-01-24",
        "facilitators": [str(agent.pk)],
        "employee_participants": "12",
        "citizen_participants": "7",
        "method": "Brainwriting og omvendt brainstorm.",
        "summary": "Vi fandt mange idéer til, hvordan borgerne kan hjælpe hinanden.",
        "next_steps": "Projektgruppen vælger to idéer.",
        "token": token or str(uuid.uuid4()),
        "ideas-TOTAL_FORMS": str(len(ideas)),
        "ideas-INITIAL_FORMS": "0",
        "ideas-MIN_NUM_FORMS": "1",
        "ideas-MAX_NUM_FORMS": "30",
    }
    for index, (title, description) in enumerate(ideas):
        data[f"ideas-{index}-title"] = title
        data[f"ideas-{index}-description"] = description
    data.update(overrides)
    return data


@pytest.fixture
def submit(project, people):
    """Submit an outcome through the service, as the form view does; returns the page."""

    def do(user=None, target=None, ideas=(("Frivillighedsbørs", "En fælles børs."),), **overrides):
        from django.http import QueryDict

        raw = form_data(people["forandringsagent"], ideas=ideas, **overrides)
        query = QueryDict(mutable=True)
        for key, value in raw.items():
            query.setlist(key, value if isinstance(value, list) else [value])
        form = OutcomeForm(query, {})
        assert form.is_valid(), form.errors
        idea_list = [{"title": title, "description": text, "block_id": ""} for title, text in ideas]
        page, _created = services.submit_outcome(
            target or project, user or people["medarbejder"], form.cleaned_data, idea_list, []
        )
        return page

    return do
