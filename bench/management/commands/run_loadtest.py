"""Load test: 50 simulated employees for 60 seconds against gunicorn on 127.0.0.1 (locust, headless).

The simulated users read, search, comment and submit workshop outcomes, on real live pages that
this command picks from the database (``bench.targets.loadtest_targets``). Most of them arrive
logged in, with a session this command makes before the run; every tenth logs in through the form
during it (bench/locustfile.py says why). Each write carries a
unique marker that the user records only when the server confirmed it; afterwards every recorded
marker must be stored exactly once. Every answer that is not the expected success (any 4xx or
5xx, a redirect where a page was expected, a refused write) counts against the run, and one is
enough to fail it. The results, p95 per page type included, go to ``bench/loadtest-<db>[-redis].json``.
"""

import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model, load_backend
from django.contrib.auth.backends import ModelBackend
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.targets import FORM_LOGIN_EVERY, LOADTEST_USERS, loadtest_targets, loadtest_username

from .run_bench import Command as BenchCommand
from .run_bench import free_port


def redis_in_use():
    """``None`` without ``REDIS_URL``; else whether the Redis that the cache names answers a PING."""
    if not settings.REDIS_URL:
        return None
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def signed_in_sessions(usernames):
    """A session for each of these people as a login through the form leaves it (Django's ``login``:
    the user id, the backend, the password's session hash), stored where the site keeps sessions.
    No password is checked, so no PBKDF2 run: the run measures the pages, and the form logins."""
    engine = import_module(settings.SESSION_ENGINE)
    backend = next(path for path in settings.AUTHENTICATION_BACKENDS if isinstance(load_backend(path), ModelBackend))
    sessions = {}
    for user in get_user_model().objects.filter(username__in=usernames, is_active=True):
        session = engine.SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions[user.get_username()] = session.session_key
    return sessions


def end_sessions(keys):
    engine = import_module(settings.SESSION_ENGINE)
    for key in keys:
        engine.SessionStore(session_key=key).delete()


def redis_keys():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).dbsize()


class Command(BaseCommand):
    help = "Kør belastningstesten (locust, headless) og kontrollér bagefter, at alt er gemt præcis én gang."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--output", default="", help="Resultatfil (standard: bench/loadtest-<database>.json).")

    def handle(self, *args, users, seconds, workers, output, **options):
        redis = redis_in_use()
        if redis is False:
            raise CommandError(f"REDIS_URL er sat, men Redis svarer ikke: {settings.REDIS_URL}")
        bench = BenchCommand(stdout=self.stdout, stderr=self.stderr)
        port = free_port()
        workdir = Path(tempfile.mkdtemp(prefix="intranet-loadtest-"))
        ledger = workdir / "writes.jsonl"
        targets_file = workdir / "targets.json"
        targets = loadtest_targets()
        if not targets["articles"] or not targets["projects"]:
            raise CommandError("Ingen benchmark-data: kør `manage.py seed_bench` først.")
        arriving_logged_in = [loadtest_username(n) for n in range(LOADTEST_USERS) if n % FORM_LOGIN_EVERY]
        targets["sessions"] = signed_in_sessions(arriving_logged_in)
        targets["session_cookie"] = settings.SESSION_COOKIE_NAME
        targets_file.write_text(json.dumps(targets))
        load_before = os.getloadavg()
        server = bench.start_gunicorn(port, workers)
        try:
            bench.wait_until_up(f"http://127.0.0.1:{port}")
            command = [
                sys.executable, "-m", "locust", "-f", str(Path(settings.BASE_DIR) / "bench" / "locustfile.py"),
                "--headless", "--users", str(users), "--spawn-rate", str(max(1, users // 10)),
                "--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
                "--csv", str(workdir / "locust"), "--only-summary", "--stop-timeout", "10",
            ]  # fmt: skip
            environment = {**os.environ, "LOADTEST_LEDGER": str(ledger), "LOADTEST_TARGETS": str(targets_file)}
            # locust exits non-zero when any request failed, also one answered after the CSV was written.
            locust = subprocess.run(command, env=environment, check=False, timeout=seconds + 120)  # noqa: S603
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            end_sessions(targets["sessions"].values())
        load_after = os.getloadavg()

        pages, total = self.read_stats(workdir)
        failures = self.read_failures(workdir)
        writes = [json.loads(line) for line in ledger.read_text().splitlines()] if ledger.exists() else []
        problems = self.verify(writes)
        failed = sum(row["failures"] for row in pages)
        failed += sum(failure["count"] for failure in failures if failure["what"] == "exception")
        report = {
            "database": connection.vendor,
            "redis": {"url": settings.REDIS_URL, "used": True, "keys_after": redis_keys()} if redis else None,
            "users": users,
            "seconds": seconds,
            "workers": workers,
            "cpu_count": os.cpu_count(),
            "load_average_before": [round(value, 2) for value in load_before],
            "load_average_after": [round(value, 2) for value in load_after],
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "requests": total["requests"],
            "failures": failed,
            "failure_kinds": failures,
            "confirmed_writes": {kind: sum(1 for w in writes if w["kind"] == kind) for kind in ("comment", "outcome")},
            "write_problems": problems,
            "locust_exit_code": locust.returncode,
            "passed": not failed and not problems and bool(writes) and total["requests"] > 0 and not locust.returncode,
            "pages": pages,
            "aggregated": total,
        }
        path = Path(output or Path(settings.BASE_DIR) / "bench" / self.default_name(redis))
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        self.print_report(report, path)
        if not report["passed"]:
            raise CommandError("Belastningstesten fejlede.")
        self.stdout.write(self.style.SUCCESS("Belastningstesten bestået: 0 fejl, alt gemt præcis én gang."))

    @staticmethod
    def default_name(redis):
        return f"loadtest-{connection.vendor}{'-redis' if redis else ''}.json"

    def read_stats(self, workdir):
        """Per request name: count, failures, req/s, p50 and p95 (locust's own percentiles)."""
        pages, total = [], {}
        with (workdir / "locust_stats.csv").open() as handle:
            for row in csv.DictReader(handle):
                figures = {
                    "name": row["Name"],
                    "method": row["Type"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "rps": round(float(row["Requests/s"]), 2),
                    "p50_ms": _number(row["50%"]),
                    "p95_ms": _number(row["95%"]),
                    "max_ms": _number(row["Max Response Time"]),
                }
                if row["Name"] == "Aggregated":
                    total = figures
                else:
                    pages.append(figures)
        return pages, total

    def read_failures(self, workdir):
        """What failed and how often: locust's failures, and exceptions raised in the users' code."""
        found = []
        failures, exceptions = workdir / "locust_failures.csv", workdir / "locust_exceptions.csv"
        if failures.exists():
            with failures.open() as handle:
                for row in csv.DictReader(handle):
                    what = f"{row['Method']} {row['Name']}"
                    found.append({"what": what, "error": row["Error"][:300], "count": int(row["Occurrences"])})
        if exceptions.exists():
            with exceptions.open() as handle:
                for row in csv.DictReader(handle):
                    found.append({"what": "exception", "error": row["Message"][:300], "count": int(row["Count"])})
        return found

    def verify(self, writes):
        """Every confirmed write is stored exactly once."""
        lookups = {
            "comment": lambda marker: apps.get_model("comments.Comment").objects.filter(body__contains=marker),
            "outcome": lambda marker: apps.get_model("workshops.WorkshopOutcomePage").objects.filter(
                title__contains=marker
            ),
        }
        problems = []
        for write in writes:
            found = lookups[write["kind"]](write["marker"]).count()
            if found != 1:
                problems.append(f"{write['kind']} {write['marker']}: fundet {found} gange")
        return problems

    def print_report(self, report, path):
        header = f"{'side':<40}{'antal':>7}{'fejl':>6}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'maks ms':>9}"
        self.stdout.write("\n" + header + "\n" + "-" * len(header))
        for row in [*report["pages"], report["aggregated"]]:
            name = f"{row['method']} {row['name']}" if row["name"] != "Aggregated" else "I alt"
            self.stdout.write(
                f"{name[:39]:<40}{row['requests']:>7}{row['failures']:>6}{row['rps']:>8}"
                f"{row['p50_ms']:>8}{row['p95_ms']:>8}{row['max_ms']:>9}"
            )
        for failure in report["failure_kinds"]:
            self.stdout.write(f"  fejl ×{failure['count']}: {failure['what']}: {failure['error']}")
        for problem in report["write_problems"][:20]:
            self.stdout.write(f"  {problem}")
        redis = report["redis"]
        self.stdout.write(
            f"\n{report['database']}, Redis: {'ja (' + redis['url'] + ')' if redis else 'nej'}, "
            f"{report['users']} brugere i {report['seconds']} s, {report['workers']} gunicorn-workers; "
            f"forespørgsler: {report['requests']}, fejl: {report['failures']}, "
            f"bekræftede skrivninger: {report['confirmed_writes']}, afvigelser: {len(report['write_problems'])}; "
            f"belastning før/efter: {report['load_average_before'][0]} / {report['load_average_after'][0]} -> {path}"
        )


def _number(value):
    try:
        return round(float(value), 1)
    except (TypeError, ValueError):
        return None
