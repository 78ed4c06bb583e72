"""The strategy's progress for /rapport/: workshops, participants and ideas by status, per project."""

from collections import Counter

from django.db.models import Count
from django.utils.translation import get_language

from core import versions
from core.fragments import ALL_REACTIONS
from core.invalidation import PAGES
from people import roles
from projects.models import ProjectPage
from reactions import services as reaction_services

from .choices import IdeaStatus
from .models import IDEAS_VERSION, Idea, WorkshopOutcomePage, project_path

REPORT_ROLES = (roles.PROJECT_LEADS, roles.COMMUNICATIONS, roles.MODERATORS)


def can_see_report(user):
    return user.is_superuser or roles.has_role(user, *REPORT_ROLES)


REPORT_SORTS = ("projekt", "stoette")
TOP_IDEAS = 10


def supported_ideas():
    """Ideas of published outcomes with their support (``support``), most supported first."""
    ideas = reaction_services.with_reaction_count(Idea.objects.filter(outcome__live=True), name="support")
    return ideas.order_by("-support", "-created_at", "-pk")


def top_ideas(limit=TOP_IDEAS):
    """The most supported ideas (at least one supporter), for the report."""
    ideas = (
        supported_ideas()
        .filter(support__gt=0)
        .select_related("outcome", "project")
        .defer("outcome__ideas", "outcome__method", "outcome__summary", "outcome__next_steps", "project__body")
    )
    return [
        {
            "title": idea.title,
            "url": f"{idea.outcome.url}#ide-{idea.pk}",
            "project": idea.project.title,
            "support": idea.support,
            "status": IdeaStatus(idea.status).label,
        }
        for idea in ideas[:limit]
    ]


def strategy_report(sort="projekt"):
    """Per project and in total: workshops held, participants, ideas by status and their support
    (published outcomes only). ``sort="stoette"`` puts the projects whose ideas have most support first.

    Kept under what it counts: published projects and outcomes (``pages``), ideas (``workshops:ideas``,
    moved by every idea saved or deleted, workshops/signals.py) and support (``reactions``).
    """
    return versions.cached(
        ("strategy-report", sort, get_language()), [PAGES, IDEAS_VERSION, ALL_REACTIONS], lambda: _count(sort)
    )


def _count(sort):
    projects = [
        {"pk": project.pk, "title": project.title, "path": project.path, "url": project.get_url()}
        for project in ProjectPage.objects.live().order_by("title").only("pk", "title", "path", "url_path")
    ]
    by_path = {project["path"]: project for project in projects}
    rows = {
        project["pk"]: {
            "project": project,
            "workshops": 0,
            "employees": 0,
            "citizens": 0,
            "ideas": Counter(),
            "support": 0,
        }
        for project in projects
    }
    outcomes = WorkshopOutcomePage.objects.live().values_list("path", "employee_participants", "citizen_participants")
    for path, employees, citizens in outcomes:
        project = by_path.get(project_path(path))
        if project is None:
            continue
        row = rows[project["pk"]]
        row["workshops"] += 1
        row["employees"] += employees
        row["citizens"] += citizens
    ideas = (
        Idea.objects.filter(outcome__live=True).values("project_id", "status").annotate(count=Count("pk")).order_by()
    )
    for item in ideas:
        if item["project_id"] in rows:
            rows[item["project_id"]]["ideas"][item["status"]] += item["count"]
    for project_id, support in supported_ideas().order_by().values_list("project_id", "support"):
        if project_id in rows:
            rows[project_id]["support"] += support
    total = {"workshops": 0, "employees": 0, "citizens": 0, "support": 0, "ideas": Counter()}
    for row in rows.values():
        for key in ("workshops", "employees", "citizens", "support"):
            total[key] += row[key]
        total["ideas"].update(row["ideas"])
    statuses = list(IdeaStatus)
    ordered = [rows[project["pk"]] for project in projects]
    if sort == "stoette":
        ordered.sort(key=lambda row: -row["support"])  # stable: equal support keeps the title order
    for row in [*ordered, total]:
        row["idea_counts"] = [row["ideas"][status.value] for status in statuses]
        row["idea_total"] = sum(row["idea_counts"])
    return {"rows": ordered, "total": total, "statuses": statuses, "sort": sort, "top_ideas": top_ideas()}


def report_chart(report, width=640, bar_height=28, gap=14, label_width=200):
    """Geometry of a horizontal stacked bar chart (ideas by status per project), drawn as inline SVG.

    The numbers are the table's; the chart has a text title and description and hides nothing
    that is not also in the table.
    """
    rows = [*report["rows"]]
    longest = max([row["idea_total"] for row in rows] + [1])
    plot_width = width - label_width - 60
    bars = []
    for index, row in enumerate(rows):
        y = index * (bar_height + gap) + 10
        x = label_width
        segments = []
        for status, count in zip(report["statuses"], row["idea_counts"], strict=True):
            segment_width = round(plot_width * count / longest, 1)
            if count:
                segments.append(
                    {"x": x, "width": segment_width, "status": status, "count": count, "css": f"idea-{status.value}"}
                )
            x += segment_width
        bars.append(
            {
                "label": row["project"]["title"],
                "y": y,
                "text_y": y + bar_height / 2 + 5,
                "segments": segments,
                "total": row["idea_total"],
                "total_x": x + 8,
            }
        )
    height = len(rows) * (bar_height + gap) + 20
    return {"bars": bars, "width": width, "height": max(height, 60), "bar_height": bar_height}
