"""Shared facts of the benchmark: who logs in, and which pages are measured."""

from django.apps import apps

BENCH_USERNAME = "bench"
BENCH_PASSWORD = "bench-adgangskode"  # noqa: S105 (only ever in the separate benchmark database)
BUSY_ARTICLE_SLUG = "benchmark-artikel-med-200-kommentarer"


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
