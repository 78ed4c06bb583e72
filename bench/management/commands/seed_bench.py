"""Fill a separate benchmark database: 10,000 articles, 200 projects, 2,000 outcomes, 20,000 ideas,
100,000 comments and 1,000 users (scaled by ``--scale``), with a progress bar.

The few structural pages (home, indexes) go through Wagtail's ``add_child``; the 12,000 content
pages are built in bulk (``bench.bulk``: treebeard paths computed per parent, ``bulk_create`` of the
page rows and the specific rows, one revision each), as are the many small rows (users with one
hashed password, profiles, comments, ideas). The search index is filled once at the end. Under
5 minutes on SQLite and PostgreSQL on 2 cores. Idempotent: a filled database is left as it is, a
half-filled one is completed. Refuses any database whose name does not say it is a benchmark database.
"""

import random
import sys
import time
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from bench.bulk import add_children, index_all
from bench.targets import BENCH_PASSWORD, BENCH_USERNAME, BUSY_ARTICLE_SLUG, LOADTEST_USERS, loadtest_username
from comments.models import Comment
from core import demo_data
from home import demo as home_demo
from news import demo as news_demo
from news.models import NewsArticlePage, NewsCategory
from people import demo as people_demo
from people import roles
from people.models import Department, Profile
from projects.choices import ProjectStatus
from projects.models import ProjectIndexPage, ProjectPage, ProjectTeamMember, Theme
from projects.services import sync_lead_access
from workshops.choices import IdeaStatus
from workshops.models import Idea, WorkshopOutcomePage, project_path

TARGETS = {"users": 1000, "articles": 10_000, "projects": 200, "outcomes": 2000, "ideas": 20_000, "comments": 100_000}
WORDS = [
    "borger",
    "medborgerskab",
    "velfærd",
    "idé",
    "workshop",
    "frivillig",
    "fællesskab",
    "sundhed",
    "ældre",
    "skole",
    "trivsel",
    "innovation",
    "nytænkning",
    "forandring",
    "samarbejde",
    "kultur",
    "natur",
    "bibliotek",
    "digital",
    "løsning",
    "hverdag",
    "mental",
    "frikommune",
    "ikast",
    "brande",
    "forandringsagent",
    "metode",
    "øvelse",
    "borgerinddragelse",
]


# Who does what among the benchmark users (user 0 is the moderator that the benchmark logs in as):
# a tenth are change agents (at most 100), then 60 project leads and 20 article authors.
def agents_of(users):
    return users[1 : 1 + max(2, min(100, len(users) // 10))]


def leads_of(users):
    start = 1 + len(agents_of(users))
    return users[start : start + 60] or users[1:]


def authors_of(users):
    start = 1 + len(agents_of(users)) + 60
    return users[start : start + 20] or users[1:]


class Progress:
    """A one-line progress bar on a terminal, a line per 10 % elsewhere."""

    def __init__(self, stdout, label, total):
        self.stdout, self.label, self.total = stdout, label, max(total, 1)
        self.tty = sys.stdout.isatty()
        self.started = time.monotonic()
        self.last_tenth = -1

    def update(self, done):
        fraction = min(done / self.total, 1)
        bar = "#" * int(fraction * 30)
        line = f"{self.label:<14} [{bar:<30}] {done:>7}/{self.total} {time.monotonic() - self.started:6.1f}s"
        if self.tty:
            self.stdout.write("\r" + line, ending="")
            if done >= self.total:
                self.stdout.write("")
        elif int(fraction * 10) > self.last_tenth:
            self.last_tenth = int(fraction * 10)
            self.stdout.write(line)


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


class Command(BaseCommand):
    help = "Fylder en separat benchmark-database (brug `make bench`)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Skalér alle antal (fx 0.01 til en prøve).")
        parser.add_argument("--force", action="store_true", help="Også i en database uden 'bench' i navnet (tests).")

    def handle(self, *args, scale, force=False, **options):
        database_name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in database_name and not force:
            raise CommandError(
                f"seed_bench fylder kun en benchmark-database (navnet skal indeholde 'bench'): {database_name}"
            )
        counts = {key: max(1, int(value * scale)) for key, value in TARGETS.items()}
        User = get_user_model()
        if (
            User.objects.filter(username=BENCH_USERNAME).exists()
            and NewsArticlePage.objects.count() >= counts["articles"]
        ):
            self.stdout.write("Benchmark-databasen er allerede fyldt.")
            return
        self.rng = random.Random(2011)  # the year the change agents started: reproducible data
        started = time.monotonic()
        with transaction.atomic():
            pages = self.structure()
            users = self.users(counts["users"])
        projects = self.projects(pages["projects"], users, counts["projects"])
        outcomes = self.outcomes(projects, users, counts["outcomes"])
        self.ideas(outcomes, counts["ideas"])
        articles = self.articles(pages["news"], users, projects, counts["articles"])
        self.comments(articles, users, counts["comments"])
        self.index()
        self.stdout.write(
            self.style.SUCCESS(
                f"Benchmark-databasen er fyldt på {time.monotonic() - started:.0f} s ({connection.vendor})."
            )
        )

    # --- structure and people ------------------------------------------------------------------
    def structure(self):
        quiet = lambda message: None  # noqa: E731
        pages = home_demo.seed(quiet)
        people_demo.seed_directory(pages["home"], quiet)
        news_index = news_demo.ensure_index(pages["home"], demo_data.load("news", "news")["index"], quiet)
        project_index = ProjectIndexPage.objects.first()
        if project_index is None:
            project_index = pages["home"].add_child(instance=ProjectIndexPage(title="Projekter", slug="projekter"))
            project_index.save_revision().publish()
        for name in ("Social", "Sundhed", "Teknik", "Økonomi", "IT", "Job", "Indkøb"):
            NewsCategory.objects.get_or_create(name=name)
        return {"home": pages["home"], "news": news_index, "projects": project_index}

    def users(self, total):
        User = get_user_model()
        password = make_password(BENCH_PASSWORD)
        existing = set(User.objects.values_list("username", flat=True))
        names = [BENCH_USERNAME] + [loadtest_username(n) for n in range(LOADTEST_USERS)]
        names += [f"medarbejder{n:04}" for n in range(total - len(names))]
        new = [
            User(username=name, password=password, first_name=self.rng.choice(FIRST_NAMES),
                 last_name=self.rng.choice(LAST_NAMES), email=f"{name}@bench.test")
            for name in names if name not in existing
        ]  # fmt: skip
        progress = Progress(self.stdout, "brugere", len(names))
        User.objects.bulk_create(new, batch_size=500)
        users = list(User.objects.filter(username__in=names).order_by("pk"))
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
        Membership = User.groups.through
        memberships = [Membership(user_id=user.pk, group_id=groups[roles.EMPLOYEES].pk) for user in users]
        memberships += [
            Membership(user_id=user.pk, group_id=groups[roles.CHANGE_AGENTS].pk) for user in agents_of(users)
        ]
        memberships.append(Membership(user_id=users[0].pk, group_id=groups[roles.MODERATORS].pk))
        Membership.objects.bulk_create(memberships, ignore_conflicts=True, batch_size=1000)
        departments = [Department.objects.get_or_create(name=name)[0] for name in DEPARTMENTS]
        with_profile = set(Profile.objects.values_list("user_id", flat=True))
        Profile.objects.bulk_create(
            [Profile(user=user, job_title=self.rng.choice(JOB_TITLES), department=self.rng.choice(departments),
                     methods=sentence(self.rng, 8)) for user in users if user.pk not in with_profile],
            batch_size=500,
        )  # fmt: skip
        progress.update(len(names))
        return users

    # --- pages -----------------------------------------------------------------------------------
    def projects(self, index, users, total):
        themes = [
            Theme.objects.get_or_create(name=name)[0]
            for name in ("Aktivt medborgerskab", "Sundhed", "Læring", "Digitalisering")
        ]
        projects = list(ProjectPage.objects.child_of(index).order_by("pk"))
        progress = Progress(self.stdout, "projekter", total)
        leads = leads_of(users)
        new = []
        for number in range(len(projects), total):
            project = ProjectPage(
                title=f"Projekt {number + 1}: {sentence(self.rng, 3)[:-1]}", slug=f"projekt-{number + 1}",
                introduction=sentence(self.rng, 20), purpose=sentence(self.rng, 30),
                theme=self.rng.choice(themes), status=self.rng.choice(ProjectStatus.values),
                lead=leads[number % len(leads)], owner=leads[number % len(leads)],
                start_date=date(2012, 1, 1) + timedelta(days=number),
                body=[("paragraph", f"<p>{sentence(self.rng, 60)}</p>")],
            )  # fmt: skip
            project.team_members = [
                ProjectTeamMember(user=user, role="Medlem", sort_order=position)
                for position, user in enumerate(self.rng.sample(users, 6))
            ]
            new.append(project)
        with transaction.atomic():
            add_children(index, new)
            ProjectTeamMember.objects.bulk_create(
                [ProjectTeamMember(page_id=project.pk, user_id=member.user_id, role=member.role,
                                   sort_order=member.sort_order)
                 for project in new for member in project.team_members.all()],
                batch_size=1000,
            )  # fmt: skip
            for project in new:
                sync_lead_access(project)  # what saving a project does (projects.signals)
        projects += new
        progress.update(total)
        return projects

    def outcomes(self, projects, users, total):
        outcomes = list(WorkshopOutcomePage.objects.order_by("pk"))
        progress = Progress(self.stdout, "workshops", total)
        agents = agents_of(users)
        by_project = {}
        for number in range(len(outcomes), total):
            project = projects[number % len(projects)]
            ideas = [
                ("idea", {"title": sentence(self.rng, 4)[:-1], "description": sentence(self.rng, 25)})
                for _ in range(10)
            ]
            outcome = WorkshopOutcomePage(
                title=f"Workshop {number + 1}: {sentence(self.rng, 3)[:-1]}", slug=f"workshop-{number + 1}",
                workshop_date=date(2012, 1, 15) + timedelta(days=number % 700), owner=self.rng.choice(users),
                employee_participants=self.rng.randint(4, 30), citizen_participants=self.rng.randint(0, 25),
                method=sentence(self.rng, 15), summary=sentence(self.rng, 40), ideas=ideas,
                next_steps=sentence(self.rng, 12),
            )  # fmt: skip
            outcome.facilitators = self.rng.sample(agents, 2)
            by_project.setdefault(project.pk, (project, []))[1].append(outcome)
        Facilitator = WorkshopOutcomePage.facilitators.through
        done = len(outcomes)
        with transaction.atomic():
            for project, new in by_project.values():
                add_children(project, new)
                Facilitator.objects.bulk_create(
                    [Facilitator(workshopoutcomepage_id=outcome.pk, user_id=user.pk)
                     for outcome in new for user in outcome.facilitators.all()]
                )  # fmt: skip
                outcomes += new
                done += len(new)
                progress.update(done)
        progress.update(total)
        outcomes.sort(key=lambda outcome: outcome.pk)
        return outcomes

    def ideas(self, outcomes, total):
        """Ideas of the published outcomes, in every status (what publishing through the workflow makes)."""
        if Idea.objects.count() >= total:
            return
        progress = Progress(self.stdout, "idéer", total)
        project_by_path = dict(ProjectPage.objects.values_list("path", "pk"))
        per_outcome = max(1, total // len(outcomes))
        statuses = IdeaStatus.values
        done_outcomes = set(Idea.objects.values_list("outcome_id", flat=True).distinct())
        batch, done = [], 0
        for outcome in outcomes:
            if outcome.pk in done_outcomes:
                continue
            for position, block in enumerate(list(outcome.ideas)[:per_outcome]):
                batch.append(Idea(
                    outcome_id=outcome.pk, project_id=project_by_path[project_path(outcome.path)],
                    block_id=block.id, title=block.value["title"], description=block.value["description"],
                    status=statuses[(position + outcome.pk) % len(statuses)], sort_order=position,
                ))  # fmt: skip
            if len(batch) >= 2000:
                Idea.objects.bulk_create(batch)
                done += len(batch)
                batch = []
                progress.update(done)
        Idea.objects.bulk_create(batch)
        progress.update(total)

    def articles(self, index, users, projects, total):
        categories = list(NewsCategory.objects.all())
        existing = NewsArticlePage.objects.child_of(index).count()
        progress = Progress(self.stdout, "nyheder", total)
        authors = authors_of(users)
        Categorised = NewsArticlePage.categories.through
        for first in range(existing, total, 1000):
            batch = []
            for number in range(first, min(first + 1000, total)):
                slug = BUSY_ARTICLE_SLUG if number == 0 else f"nyhed-{number + 1}"
                author = self.rng.choice(authors)
                article = NewsArticlePage(
                    title=f"Nyhed {number + 1}: {sentence(self.rng, 4)[:-1]}", slug=slug,
                    introduction=sentence(self.rng, 20), date=date(2026, 11, 1) - timedelta(days=number // 5),
                    author=author, owner=author, body=[("paragraph", f"<p>{sentence(self.rng, 120)}</p>")],
                    related_project=self.rng.choice(projects) if number % 4 == 0 else None,
                )  # fmt: skip
                article.categories = self.rng.sample(categories, 2)
                batch.append(article)
            with transaction.atomic():
                add_children(index, batch)
                Categorised.objects.bulk_create(
                    [Categorised(newsarticlepage_id=article.pk, newscategory_id=category.pk)
                     for article in batch for category in article.categories.all()]
                )  # fmt: skip
            progress.update(first + len(batch))
        progress.update(total)
        return list(NewsArticlePage.objects.child_of(index).order_by("pk").only("pk", "slug"))

    # --- many small rows --------------------------------------------------------------------------
    def comments(self, articles, users, total):
        existing = Comment.objects.count()
        if existing >= total:
            return
        progress = Progress(self.stdout, "kommentarer", total)
        busy = next(article for article in articles if article.slug == BUSY_ARTICLE_SLUG)
        now = timezone.now()
        # 200 on the busy article: 150 top-level comments and 50 replies to them.
        top = Comment.objects.bulk_create(
            [Comment(page_id=busy.pk, author=self.rng.choice(users), body=sentence(self.rng, 30),
                     created_at=now - timedelta(minutes=500 - n)) for n in range(150)]
        )  # fmt: skip
        Comment.objects.bulk_create(
            [Comment(page_id=busy.pk, parent=top[n * 3], author=self.rng.choice(users), body=sentence(self.rng, 20),
                     created_at=now - timedelta(minutes=200 - n)) for n in range(50)]
        )  # fmt: skip
        others = [article for article in articles if article.pk != busy.pk]
        done = existing + 200
        while done < total:
            size = min(5000, total - done)
            Comment.objects.bulk_create(
                [Comment(page_id=self.rng.choice(others).pk, author=self.rng.choice(users), body=sentence(self.rng, 25),
                         created_at=now - timedelta(minutes=self.rng.randint(1, 500_000))) for _ in range(size)]
            )  # fmt: skip
            done += size
            progress.update(done)

    def index(self):
        """The search index, once for every bulk-made row (``bulk_create`` sends no ``post_save``)."""
        models = [ProjectPage, WorkshopOutcomePage, NewsArticlePage, Idea, Profile]
        total = sum(model.get_indexed_objects().count() for model in models)
        progress = Progress(self.stdout, "søgeindeks", total)
        index_all(models, progress.update, prepare={WorkshopOutcomePage: with_project_titles})
        progress.update(total)
        if connection.vendor == "postgresql":
            # The planner's statistics for the new rows, as autovacuum would gather them in a while: measured
            # at once, a bulk-loaded table would otherwise be planned as empty.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")


def with_project_titles(outcomes):
    """Give each outcome its project's title for the index from one query, not one per outcome and field."""
    titles = dict(
        ProjectPage.objects.filter(path__in={project_path(o.path) for o in outcomes}).values_list("path", "title")
    )
    for outcome in outcomes:
        title = titles.get(project_path(outcome.path), "")
        outcome.search_project_title = lambda title=title: title  # the indexed method, for this object only


FIRST_NAMES = [
    "Anne",
    "Bent",
    "Camilla",
    "Dorthe",
    "Erik",
    "Frida",
    "Gitte",
    "Hans",
    "Ida",
    "Jens",
    "Karen",
    "Lars",
    "Mette",
    "Niels",
    "Oda",
    "Peter",
    "Rikke",
    "Søren",
    "Tove",
    "Ulla",
]
LAST_NAMES = [
    "Andersen",
    "Bach",
    "Christensen",
    "Dahl",
    "Eriksen",
    "Frandsen",
    "Gregersen",
    "Holm",
    "Iversen",
    "Jensen",
    "Krogh",
    "Lund",
    "Madsen",
    "Nielsen",
    "Overgaard",
    "Poulsen",
    "Rasmussen",
    "Skov",
    "Thomsen",
    "Vestergaard",
]
DEPARTMENTS = ["Ledelsessekretariatet", "Ældreområdet", "Børn og Unge", "Teknik og Miljø", "Jobcenter", "Økonomi", "IT"]
JOB_TITLES = [
    "Udviklingskonsulent",
    "Sagsbehandler",
    "Afdelingsleder",
    "Sygeplejerske",
    "Pædagog",
    "Ingeniør",
    "Konsulent",
]
