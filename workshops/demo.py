"""Demo workshop outcomes: published ones with ideas in every status, one awaiting review, one sent back.

Everything goes through ``workshops.services`` and the workflow's own task, as a real submission
and review would, so the demo also shows revisions, history and the audit log.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import WorkflowState

from projects.models import ProjectPage

from . import services
from .choices import IdeaStatus
from .models import Idea, WorkshopOutcomePage

# Steps from "ny" to each status, as the lead would move an idea.
PATHS = {
    IdeaStatus.NEW: [],
    IdeaStatus.SELECTED: [IdeaStatus.SELECTED],
    IdeaStatus.TRIAL: [IdeaStatus.SELECTED, IdeaStatus.TRIAL],
    IdeaStatus.IMPLEMENTED: [IdeaStatus.SELECTED, IdeaStatus.TRIAL, IdeaStatus.IMPLEMENTED],
    IdeaStatus.PARKED: [IdeaStatus.PARKED],
}

OUTCOMES = [
    {
        "key": "frivillige-i-naermiljoeet",
        "project": "Aktivt medborgerskab",
        "submitter": "forandringsagent",
        "facilitators": ["forandringsagent", "ahvidberg"],
        "title": "Frivillige i nærmiljøet",
        "date": datetime.date(2012, 1, 24),
        "employees": 14,
        "citizens": 6,
        "method": "Opvarmning med 'ja, og ...', brainwriting i små grupper og prioritering med prikker.",
        "summary": (
            "Medarbejdere fra ældreområdet og borgere fra to lokalråd mødtes for at finde nye måder, "
            "hvorpå frivillige kan gøre en forskel i deres eget nærområde."
        ),
        "next_steps": "Projektgruppen følger de udvalgte idéer og melder tilbage til lokalrådene.",
        "ideas": [
            (
                "Frivillighedsbørs på biblioteket",
                "Et fast sted, hvor foreninger og frivillige finder hinanden.",
                IdeaStatus.IMPLEMENTED,
            ),
            (
                "Besøgsvenner til ældre",
                "Borgere, der gerne vil besøge ældre, får en kort introduktion og en kontakt.",
                IdeaStatus.TRIAL,
            ),
            ("Lokale vicevært-ordninger", "Naboer hjælper hinanden med små praktiske opgaver.", IdeaStatus.SELECTED),
            ("App til frivillige opgaver", "En enkel oversigt over opgaver, man kan melde sig til.", IdeaStatus.NEW),
            ("Frivilligpris", "En årlig pris til en frivillig fra hvert lokalområde.", IdeaStatus.PARKED),
        ],
        "outcome": "published",
    },
    {
        "key": "foreningerne-som-medspillere",
        "project": "Aktivt medborgerskab",
        "submitter": "medarbejder",
        "facilitators": ["forandringsagent"],
        "title": "Foreningerne som medspillere",
        "date": datetime.date(2012, 2, 9),
        "employees": 9,
        "citizens": 11,
        "method": "Fremtidsværksted: kritik, utopi og virkeliggørelse.",
        "summary": "Idrætsforeninger og kulturforeninger gav deres bud på, hvordan de kan løfte opgaver sammen med kommunen.",
        "next_steps": "",
        "ideas": [
            ("Fælles foreningskalender", "Én kalender for alle foreninger i kommunen.", IdeaStatus.SELECTED),
            (
                "Haller åbne om formiddagen",
                "Ældreklubber og dagplejere bruger hallerne, når de står tomme.",
                IdeaStatus.NEW,
            ),
        ],
        "outcome": "published",
    },
    {
        "key": "sunde-pauser",
        "project": "Sundhed i hverdagen",
        "submitter": "forandringsagent",
        "facilitators": ["forandringsagent"],
        "title": "Sunde pauser på arbejdspladsen",
        "date": datetime.date(2012, 2, 21),
        "employees": 18,
        "citizens": 0,
        "method": "Omvendt brainstorm: hvordan gør vi pausen så usund som muligt? Derefter vendte vi idéerne om.",
        "summary": "Medarbejdere fra tre afdelinger fandt idéer til pauser, der giver energi.",
        "next_steps": "Idéerne prøves af i to afdelinger i foråret.",
        "ideas": [
            ("Gå-møder", "Korte møder holdes gående rundt om rådhuset.", IdeaStatus.TRIAL),
            ("Frugtordning med egne æbler", "Æbler fra kommunens egne træer i kantinen.", IdeaStatus.PARKED),
        ],
        "outcome": "published",
    },
    {
        "key": "borgerbudget",
        "project": "Aktivt medborgerskab",
        "submitter": "forandringsagent",
        "facilitators": ["forandringsagent"],
        "title": "Borgerbudget i lokalsamfundet",
        "date": datetime.date(2012, 3, 6),
        "employees": 7,
        "citizens": 15,
        "method": "Cafémodellen med tre borde og skiftende værter.",
        "summary": "Borgere i to landsbyer drøftede, hvordan de selv kan prioritere en lille pulje til lokale forbedringer.",
        "next_steps": "Projektlederen vurderer, om idéen kan prøves af i én landsby.",
        "ideas": [("Landsbyens egen pulje", "Borgerne fordeler 50.000 kr. til lokale projekter.", IdeaStatus.NEW)],
        "outcome": "pending",
    },
    {
        "key": "faellesspisning",
        "project": "Aktivt medborgerskab",
        "submitter": "medarbejder",
        "facilitators": ["forandringsagent"],
        "title": "Fællesspisning på plejecentret",
        "date": datetime.date(2012, 3, 13),
        "employees": 6,
        "citizens": 4,
        "method": "Idéer på post-its.",
        "summary": "Vi talte om at invitere naboer til spisning på plejecentret.",
        "next_steps": "",
        "ideas": [("Naboer til middag", "En gang om måneden inviteres naboerne til middag.", IdeaStatus.NEW)],
        "outcome": "changes",
        "comment": (
            "Tak for et godt oplæg! Skriv gerne lidt mere om, hvilke øvelser I brugte, og hvad beboerne selv "
            "sagde til idéen, før jeg godkender det."
        ),
    },
]


def token_for(key):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"intranet-demo/workshops/{key}")


@transaction.atomic
def seed(users, pages, log):
    outcomes = {}
    for spec in OUTCOMES:
        project = ProjectPage.objects.filter(title=spec["project"]).first()
        if project is None:
            log(f"  springer over {spec['title']}: projektet {spec['project']} findes ikke")
            continue
        token = token_for(spec["key"])
        existing = WorkshopOutcomePage.objects.filter(submission_token=token).first()
        if existing is not None:
            outcomes[spec["key"]] = existing
            continue
        outcomes[spec["key"]] = create_outcome(spec, project, token, users)
        log(f"  workshopresultat oprettet: {spec['title']} ({spec['outcome']})")
    return {"outcomes": outcomes}


def create_outcome(spec, project, token, users):
    data = {
        "title": spec["title"],
        "workshop_date": spec["date"],
        "facilitators": list(get_user_model().objects.filter(username__in=spec["facilitators"])),
        "employee_participants": spec["employees"],
        "citizen_participants": spec["citizens"],
        "method": spec["method"],
        "summary": spec["summary"],
        "next_steps": spec["next_steps"],
        "token": token,
    }
    ideas = [{"title": title, "description": text} for title, text, _status in spec["ideas"]]
    submitter = users.get(spec["submitter"]) or get_user_model().objects.get(username=spec["submitter"])
    page, _created = services.submit_outcome(project, submitter, data, ideas, [])
    lead = project.lead
    task_state = page.current_workflow_task_state
    if spec["outcome"] == "published":
        task_state.task.specific.on_action(task_state, lead, "approve", comment="")
        for (title, _text, status), idea in zip(
            spec["ideas"], Idea.objects.filter(outcome=page).order_by("sort_order"), strict=True
        ):
            assert idea.title == title
            current = IdeaStatus.NEW
            for step in PATHS[status]:
                services.move_idea(idea, lead, current, step)
                current = step
    elif spec["outcome"] == "changes":
        task_state.task.specific.on_action(task_state, lead, "reject", comment=spec["comment"])
        assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    return page
