"""Demo theme projects, written from the announcement's facts (people's names are invented)."""

import datetime

from django.db import transaction

from .choices import ProjectStatus
from .models import ProjectIndexPage, ProjectPage, Theme

THEMES = [
    ("Medborgerskab og fællesskaber", "Borgerne som aktive medspillere i velfærden."),
    ("Sundhed og trivsel", "Nye veje til et sundt og godt hverdagsliv."),
    ("Digital velfærd", "Teknologi, der giver borgerne mere selvhjulpenhed og medarbejderne mere tid."),
    ("Job og uddannelse", "Flere i job og uddannelse gennem nye samarbejder."),
]

PROJECTS = [
    {
        "slug": "aktivt-medborgerskab",
        "title": "Aktivt medborgerskab",
        "theme": "Medborgerskab og fællesskaber",
        "lead": "projektleder",
        "status": ProjectStatus.ACTIVE,
        "start_date": datetime.date(2012, 1, 9),
        "end_date": datetime.date(2013, 6, 30),
        "introduction": "Hvordan kan borgere, foreninger og kommune løfte opgaverne sammen?",
        "purpose": (
            "Projektet undersøger, hvordan borgerne kan tage mere del i løsningen af de kommunale opgaver, "
            "og hvordan kommunen kan støtte de fællesskaber, der allerede findes."
        ),
        "body": [
            ("heading", {"text": "Sådan arbejder vi", "size": "h2"}),
            (
                "paragraph",
                "<p>Forandringsagenterne holder idéworkshops med borgere, foreninger og kolleger. "
                "Idéerne samles her og afprøves i små forsøg, før de bliver til fast praksis.</p>",
            ),
        ],
        "team": [
            ("forandringsagent", "Workshopfacilitator"),
            ("ahvidberg", "Kontakt til foreningslivet"),
            ("itoft", ""),
        ],
    },
    {
        "slug": "sundhed-i-hverdagen",
        "title": "Sundhed i hverdagen",
        "theme": "Sundhed og trivsel",
        "lead": "projektleder2",
        "status": ProjectStatus.ACTIVE,
        "start_date": datetime.date(2012, 2, 1),
        "end_date": datetime.date(2013, 12, 31),
        "introduction": "Forebyggelse, der tager udgangspunkt i borgerens egen hverdag.",
        "purpose": "At finde enkle måder, hvorpå borgerne selv kan holde sig sunde længere, med støtte fra kommunen.",
        "body": [
            (
                "paragraph",
                "<p>Vi afprøver nye tilbud sammen med sundhedsplejen, ældreområdet og borgerne selv.</p>",
            ),
        ],
        "team": [("hdamgaard", "Sundhedsplejen"), ("lthorsager", "Ældreområdet"), ("ejuhl", "")],
    },
    {
        "slug": "digital-selvhjulpenhed",
        "title": "Digital selvhjulpenhed",
        "theme": "Digital velfærd",
        "lead": "jlauridsen",
        "status": ProjectStatus.IDEA,
        "start_date": datetime.date(2012, 4, 1),
        "end_date": None,
        "introduction": "Velfærdsteknologi, der giver borgerne mere frihed i eget liv.",
        "purpose": "At finde de teknologier, der gør den største forskel for borgerne og frigiver tid hos medarbejderne.",
        "body": [],
        "team": [("nkjeldsen", ""), ("bmunk", "Hjemmeplejen")],
    },
]


@transaction.atomic
def seed(users, pages, log):
    home = pages["home"]
    themes = {
        name: Theme.objects.get_or_create(name=name, defaults={"description": description})[0]
        for name, description in THEMES
    }
    index = ProjectIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=ProjectIndexPage(
                title="Projekter",
                slug="projekter",
                show_in_menus=True,
                introduction="Tema-projekterne i Mental Frikommune. Hvert projekt har en projektleder, der holder siden opdateret.",
            )
        )
        index.save_revision().publish()
        log("  side oprettet: Projekter")
    projects = {}
    for spec in PROJECTS:
        project = ProjectPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if project is None:
            project = ProjectPage(
                title=spec["title"],
                slug=spec["slug"],
                theme=themes[spec["theme"]],
                lead=users[spec["lead"]],
                status=spec["status"],
                start_date=spec["start_date"],
                end_date=spec["end_date"],
                introduction=spec["introduction"],
                purpose=spec["purpose"],
                body=spec["body"],
            )
            for username, role in spec["team"]:
                project.team_members.add(project.team_members.model(user=users[username], role=role))
            index.add_child(instance=project)
            project.save_revision().publish()
            log(f"  projekt oprettet: {spec['title']}")
        projects[spec["slug"]] = project
    return {"project_index": index, "projects": projects}
