"""Demo theme projects, written from the announcement's facts (people's names are invented), loaded from
``projects/fixtures/demo/projects.json``."""

from django.db import transaction

from core import demo_data

from .choices import ProjectStatus
from .models import ProjectIndexPage, ProjectPage, Theme


@transaction.atomic
def seed(users, pages, log):
    data = demo_data.load("projects", "projects")
    home = pages["home"]
    themes = {
        spec["name"]: Theme.objects.get_or_create(name=spec["name"], defaults={"description": spec["description"]})[0]
        for spec in data["themes"]
    }
    index = ProjectIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=ProjectIndexPage(show_in_menus=True, **data["index"]))
        index.save_revision().publish()
        log(f"  side oprettet: {index.title}")
    projects = {}
    for spec in data["projects"]:
        project = ProjectPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if project is None:
            project = ProjectPage(
                title=spec["title"],
                slug=spec["slug"],
                theme=themes[spec["theme"]],
                lead=users[spec["lead"]],
                status=ProjectStatus(spec["status"]),
                start_date=demo_data.parse_date(spec["start_date"]),
                end_date=demo_data.parse_date(spec["end_date"]) if spec["end_date"] else None,
                introduction=spec["introduction"],
                purpose=spec["purpose"],
                body=demo_data.stream(spec["body"]),
            )
            for member in spec["team"]:
                project.team_members.add(project.team_members.model(user=users[member["user"]], role=member["role"]))
            index.add_child(instance=project)
            project.save_revision().publish()
            log(f"  projekt oprettet: {spec['title']}")
        projects[spec["slug"]] = project
    return {"project_index": index, "projects": projects}
