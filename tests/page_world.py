"""A site with every kind of page the budget tests visit, in the five roles, grown from small to larger.

``World(home_page).grow(size)`` adds content in proportion to ``size`` (people, projects, outcomes with
ideas and support, outcomes awaiting review, events with sign-ups, comments, notifications); the SQL
budget tests (tests/query_budget.py) count each page at two sizes and require the same count.
"""

import datetime
import itertools
import uuid

from django.utils import timezone

from events import services as event_services
from notifications import services as notification_services
from people import roles
from people.models import Profile
from projects.models import ProjectStatus, ProjectTeamMember
from reactions import services as reaction_services
from workshops import services as workshop_services
from workshops.models import Idea

from .factories import (
    ChangeAgentDirectoryPageFactory,
    CommentFactory,
    DepartmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    StandardPageFactory,
    ThemeFactory,
    UserFactory,
)
from .query_budget import assert_within_budget, count_queries

ROLES = ["medarbejder", "forandringsagent", "projektleder", "moderator", "kommunikation"]
ROLE_GROUPS = {
    "medarbejder": [roles.EMPLOYEES],
    "forandringsagent": [roles.EMPLOYEES, roles.CHANGE_AGENTS],
    "projektleder": [roles.EMPLOYEES],  # becomes a lead (and so Projektledere) with the first project
    "moderator": [roles.EMPLOYEES, roles.MODERATORS],
    "kommunikation": [roles.EMPLOYEES, roles.COMMUNICATIONS],
}
_serial = itertools.count()


class World:
    def __init__(self, home_page):
        from wagtail.models import Site

        from home.models import SiteSettings

        self.home = home_page
        # Made on the first request of a fresh site otherwise (that save moves the page tree's version).
        SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.users = {
            name: UserFactory(username=name, first_name=name.capitalize(), last_name="Demo", groups=groups)
            for name, groups in ROLE_GROUPS.items()
        }
        self.departments = [DepartmentFactory(name=f"Afdeling {n}") for n in range(3)]
        self.themes = [ThemeFactory(name=f"Tema {n}") for n in range(3)]
        self.project_index = ProjectIndexPageFactory(parent=home_page)
        self.news_index = NewsIndexPageFactory(parent=home_page)
        self.calendar = EventIndexPageFactory(parent=home_page, show_in_menus=True)
        directory = ChangeAgentDirectoryPageFactory(parent=home_page)
        directory.save_revision().publish()
        self.standard = StandardPageFactory(parent=home_page, title="Om Mental Frikommune", slug="om-mental-frikommune")
        self.people, self.projects, self.outcomes, self.events = [], [], [], []
        self.pending = None

    # --- Growing ------------------------------------------------------------------------------
    def grow(self, size):
        """Add about ``size`` of each kind of thing (people ×4)."""
        self._add_people(4 * size)
        self._add_projects(size)
        self._add_outcomes(size)
        self._add_events(size)
        self._add_talk(size)
        return self

    def _add_people(self, count):
        for _n in range(count):
            n = next(_serial)
            user = UserFactory(
                username=f"person{n:04d}",
                first_name=f"Person{n:04d}",
                last_name="Jensen",
                groups=[roles.EMPLOYEES, roles.CHANGE_AGENTS],
            )
            Profile.objects.filter(user=user).update(job_title="Konsulent", department=self.departments[n % 3])
            Profile.objects.get(user=user).competencies.set(["Procesfacilitering", f"Metode {n % 5}"])
            self.people.append(user)

    def _add_projects(self, count):
        for _n in range(count):
            n = next(_serial)
            lead = self.users["projektleder"] if not self.projects else self.people[n % len(self.people)]
            project = ProjectPageFactory(
                parent=self.project_index,
                title=f"Projekt {n:04d}",
                lead=lead,
                theme=self.themes[n % 3],
                status=list(ProjectStatus)[n % 3],
            )
            project.save_revision().publish()
            project.refresh_from_db()
            self.projects.append(project)
            NewsArticlePageFactory(parent=self.news_index, title=f"Nyhed {n}", related_project=self.projects[0])
        first = self.project
        on_team = set(first.team_members.values_list("user_id", flat=True))
        ProjectTeamMember.objects.bulk_create(
            [
                ProjectTeamMember(page=first, user=user, role="Deltager")
                for user in self.people
                if user.pk not in on_team
            ]
        )

    def _submit(self, submitter, ideas):
        data = {
            "title": f"Workshop {next(_serial)}",
            "workshop_date": datetime.date(2012, 1, 24),
            "facilitators": [self.users["forandringsagent"], *self.people[:3]],
            "employee_participants": 12,
            "citizen_participants": 7,
            "method": "Brainwriting.",
            "summary": "Mange idéer.",
            "next_steps": "Vi vælger.",
            "token": str(uuid.uuid4()),
        }
        idea_list = [{"title": f"Idé {n}", "description": "Beskrivelse.", "block_id": ""} for n in range(ideas)]
        page, _created = workshop_services.submit_outcome(self.project, submitter, data, idea_list, [])
        return page

    def _add_outcomes(self, count):
        moderator = self.users["moderator"]
        for _n in range(count):
            page = self._submit(self.people[next(_serial) % len(self.people)], ideas=3)
            task_state = page.current_workflow_task_state
            task_state.task.specific.on_action(task_state, moderator, "approve", comment="Fint")
            page.refresh_from_db()
            self.outcomes.append(page)
            for idea in Idea.objects.filter(outcome=page):
                for user in self.people[:count]:
                    reaction_services.add(user, idea)
            # Waiting for the lead's and the moderators' review (the moderation queue).
            self.pending = self._submit(self.users["medarbejder"], ideas=2)

    def _add_events(self, count):
        for _n in range(count):
            n = next(_serial)
            event = EventPageFactory(
                parent=self.calendar,
                title=f"Workshop nr. {n}",
                capacity=max(count // 2, 1),
                project=self.project,
                start=timezone.now() + datetime.timedelta(days=1 + n % 20, hours=n % 7),
                facilitators=[self.users["forandringsagent"], *self.people[:2]],
            )
            for person in self.people[:count]:
                event_services.sign_up(event, person)
            self.events.append(event)
        for name in ROLES:
            event_services.sign_up(self.events[0], self.users[name])

    def _add_talk(self, count):
        for page in (self.project, self.outcome):
            for n in range(count):
                CommentFactory(page=page, author=self.people[n % len(self.people)])
        for name in ROLES:
            for n in range(3 * count):
                notification_services.notify(
                    self.users[name], "mention", actor=self.people[n % len(self.people)], title=f"Side {n}", url="/"
                )

    # --- What the tests visit -----------------------------------------------------------------
    @property
    def project(self):
        return self.projects[0]

    @property
    def outcome(self):
        return self.outcomes[0]

    @property
    def event(self):
        return self.events[0]


def counts_for_roles(client, world, pages):
    """Visit each page as each role (``pages(world, role)`` gives ``{label: (url, expected status)}``).

    Every visit must be within the budget; returns ``{(role, label): queries}`` so that the caller can
    compare two sizes.
    """
    counts = {}
    for role in ROLES:
        client.force_login(world.users[role])
        for label, (url, status) in pages(world, role).items():
            count, _response = count_queries(client, url, status)
            assert_within_budget(count, f"{url} as {role}")
            counts[role, label] = count
    return counts
