"""Shared facts of the benchmark: who logs in, and which pages are measured."""

from django.apps import apps

BENCH_USERNAME = "bench"
BENCH_PASSWORD = "bench-adgangskode"  # noqa: S105 (only ever in the separate benchmark database)
BUSY_ARTICLE_SLUG = "benchmark-artikel-med-200-kommentarer"
# The load test's simulated employees (seed_bench makes them, the locustfile numbers them the same way).
LOADTEST_USERS = 50
# Of these, every FORM_LOGIN_EVERY-th logs in through the form during the run; the rest arrive with a
# session made before it (bench/locustfile.py says why).
FORM_LOGIN_EVERY = 10
# An ordinary article: a picture, a body and the few comments most articles have.
ORDINARY_ARTICLE_SLUG = "nyhed-2"


def live_url(model_label, **filters):
    model = apps.get_model(model_label)
    page = model.objects.live().filter(**filters).order_by("pk").first()
    return page.url if page else None


def busiest_project_url():
    """The project page with the most published outcomes: the heaviest project page to render."""
    ProjectPage = apps.get_model("projects.ProjectPage")
    project = ProjectPage.objects.live().order_by("-numchild", "pk").first()
    return project.url if project else None


def bench_targets():
    """(name, path) pairs to measure, /healthz/ first; pages missing from the database are left out."""
    candidates = [
        ("healthz", "/healthz/"),
        ("dashboard", "/"),
        ("news_index", "/nyheder/"),
        ("article", live_url("news.NewsArticlePage", slug=ORDINARY_ARTICLE_SLUG)),
        ("article_200_comments", live_url("news.NewsArticlePage", slug=BUSY_ARTICLE_SLUG)),
        ("project_page", busiest_project_url()),
        ("search", "/soeg/?q=medborgerskab"),
        ("search_as_you_type", "/soeg/forslag/?q=medborg"),
        ("report", "/rapport/"),
    ]
    User = apps.get_model("auth.User")
    if not User.objects.filter(username=BENCH_USERNAME).exists():
        return []
    return [(name, path) for name, path in candidates if path]


def loadtest_username(number):
    return f"belastning{number % LOADTEST_USERS:03}"


def loadtest_targets(articles=40, projects=40):
    """What the load test's simulated employees open and post to: real, live, open pages only.

    Found in the database by ``run_loadtest`` and handed to locust as a file, instead of links
    scraped from a listing (which also led to ``/nyheder/feed/`` and posted comments to it): the
    newest articles that take comments (the busy one among them, as on ``/nyheder/``), and projects.
    """
    NewsArticlePage = apps.get_model("news.NewsArticlePage")
    ProjectPage = apps.get_model("projects.ProjectPage")
    news = NewsArticlePage.objects.live().public().filter(comments_open=True).order_by("-date", "-pk")
    found = {
        "articles": [page.url for page in news[:articles]],
        "projects": [page.url for page in ProjectPage.objects.live().public().order_by("pk")[:projects]],
    }
    busy = live_url("news.NewsArticlePage", slug=BUSY_ARTICLE_SLUG)
    if busy and busy not in found["articles"]:
        found["articles"].append(busy)
    return found


# Distinct searches for the first, uncached search time: common and rare words, Danish forms, two words.
UNCACHED_SEARCHES = [
    "medborgerskab",
    "forandringsagenterne",
    "borgerinddragelse",
    "velfærd",
    "workshop idé",
    "mental frikommune",
    "frivillige",
    "sundhed trivsel",
    "biblioteket",
    "naturen",
    "kultur",
    "innovation",
    "løsninger",
    "ikast brande",
    "forandrinsagent",
    "digitale",
    "skolen",
    "fællesskaber",
    "samarbejde",
    "hverdagen",
]
