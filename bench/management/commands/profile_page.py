"""Where the time of one page goes: a repeated request, in-process, under cProfile.

    python manage.py profile_page /nyheder/some-article/ --username medarbejder --repeat 50

The first request fills what is kept between requests (as for the query budget, tests/query_budget.py);
the next ``--repeat`` requests are timed without the profiler, then profiled. Printed: the time per
request, the SQL queries per request, the time in a few stages (session and user, routing, the page's
view, context processors, template rendering, SQL) and the functions with the most time of their own.
Development only (the bench app); never installed in production.
"""

import cProfile
import pstats
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

# Stage: functions whose cumulative time is the stage's (file ending, function name); they do not nest.
STAGES = [
    (
        "session and user",
        [("contrib/sessions/backends/base.py", "_get_session"), ("contrib/auth/__init__.py", "get_user")],
    ),
    ("routing (site, page lookup)", [("wagtail/models/pages.py", "route_for_request")]),
    ("view restrictions", [("wagtail/models/pages.py", "get_view_restrictions")]),
    ("context processors", [("django/template/context.py", "bind_template")]),
    ("template rendering (all)", [("django/template/response.py", "rendered_content")]),
]


class QueryTimer:
    """Counts and times the SQL of the requests made while it is installed (``connection.execute_wrapper``)."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


class Command(BaseCommand):
    help = "Profile a repeated request to PATH as USERNAME and print where the time goes."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--username", required=True)
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--lines", type=int, default=12, help="functions listed by own time")

    def handle(self, path, username, repeat, lines, **options):
        # As in production: no debug templates or query log (set before the first template loads).
        settings.DEBUG = False
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}")
        if "localhost" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        response = client.get(path)
        if response.status_code != 200:
            raise CommandError(f"{path} answered {response.status_code}")

        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            for _ in range(repeat):
                client.get(path)

        started = time.perf_counter()
        for _ in range(repeat):
            client.get(path)
        wall_ms = (time.perf_counter() - started) * 1000 / repeat

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        total = stats.total_tt

        out = self.stdout
        out.write(f"{path} as {username}: {wall_ms:.1f} ms per request ({repeat} repeats, no profiler)")
        out.write(f"SQL: {timer.count / repeat:.1f} queries, {timer.seconds * 1000 / repeat:.1f} ms per request")
        out.write(
            f"Under the profiler: {total * 1000 / repeat:.1f} ms per request; stages (cumulative ms per request):"
        )
        for label, entries in STAGES:
            seconds = sum(
                row[3]
                for (filename, _line, function), row in stats.stats.items()
                if any(filename.endswith(ending) and function == name for ending, name in entries)
            )
            out.write(f"  {label:<30} {seconds * 1000 / repeat:7.2f}")
        out.write(f"Functions by own time (ms per request, top {lines}):")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:lines]
        for (filename, line, function), row in rows:
            short = "/".join(filename.split("/")[-3:])
            out.write(f"  {row[2] * 1000 / repeat:6.2f}  {row[1]:>6} calls  {short}:{line}({function})")
