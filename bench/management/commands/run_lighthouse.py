"""Lighthouse's performance and accessibility scores for the article page under gunicorn and production settings.

Run through `make lighthouse`, which installs a pinned Lighthouse into `bench/lighthouse/node_modules`
(never into the project's node_modules), seeds a separate demo database and collects the static files
first. `bench/lighthouse/run.mjs` loads the page as `medarbejder` (the session cookie set in the browser)
in Debian's Chromium, with Lighthouse's default mobile emulation and simulated throttling; the JSON
report is written beside the benchmark's results.
"""

import json
import os
import signal
import subprocess
from pathlib import Path

import requests
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.management.commands.run_bench import Command as Bench
from bench.management.commands.run_bench import free_port

CATEGORIES = ("performance", "accessibility")


class Command(BaseCommand):
    help = "Lighthouse (performance, accessibility) on the newest article under gunicorn and production settings."

    def add_arguments(self, parser):
        base = Path(settings.BASE_DIR)
        parser.add_argument("--path", default=None, help="Page to measure (default: the newest live article).")
        parser.add_argument("--username", default="medarbejder")
        parser.add_argument("--password", default=settings.DEMO_PASSWORD)
        parser.add_argument("--lighthouse", default=str(base / "bench" / "lighthouse" / "run.mjs"))
        parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        parser.add_argument("--output", default=str(base / "bench" / "lighthouse-article.json"))
        parser.add_argument("--runs", type=int, default=1, help="Runs; the median performance score is kept.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")

    def handle(self, *args, path, username, password, lighthouse, chrome, output, runs, workers, **options):
        if not (Path(lighthouse).parent / "node_modules" / "lighthouse").is_dir():
            raise CommandError(f"Lighthouse is missing beside {lighthouse}: `make lighthouse` installs it.")
        path = path or self.newest_article()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        bench = Bench()  # the benchmark's way of starting gunicorn (production settings) and waiting for it
        server = bench.start_gunicorn(port, workers)
        try:
            bench.wait_until_up(base)
            cookie = self.login(base, username, password)
            reports = [self.run_lighthouse(lighthouse, chrome, base + path, cookie) for _ in range(runs)]
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        reports.sort(key=lambda report: report["categories"]["performance"]["score"] or 0)
        report = reports[len(reports) // 2]
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
        self.print_summary(report, path, output, runs)

    def newest_article(self):
        NewsArticlePage = apps.get_model("news.NewsArticlePage")
        article = NewsArticlePage.objects.live().order_by("-date", "-pk").first()
        if article is None:
            raise CommandError("No article: seed the database with `seed_demo` first (make lighthouse does).")
        return article.url

    def login(self, base, username, password):
        session = requests.Session()
        session.get(base + "/login/", timeout=10)
        response = session.post(
            base + "/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers={"Referer": base + "/login/"},
            timeout=10,
            allow_redirects=False,
        )
        if response.status_code != 302 or settings.SESSION_COOKIE_NAME not in session.cookies:
            raise CommandError(f"Could not log in as {username}.")
        return f"{settings.SESSION_COOKIE_NAME}={session.cookies[settings.SESSION_COOKIE_NAME]}"

    def run_lighthouse(self, lighthouse, chrome, url, cookie):
        result = subprocess.run(  # noqa: S603
            ["node", lighthouse, url],  # noqa: S607
            env={**os.environ, "CHROME_PATH": chrome, "LIGHTHOUSE_COOKIE": cookie},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not result.stdout.strip():
            raise CommandError(f"Lighthouse failed ({result.returncode}):\n{result.stderr[-3000:]}")
        report = json.loads(result.stdout)
        if report.get("runtimeError"):
            raise CommandError(f"Lighthouse could not load the page: {report['runtimeError']}")
        if urlpath(report["finalDisplayedUrl"]) != urlpath(url):
            raise CommandError(f"Lighthouse ended on {report['finalDisplayedUrl']} instead of {url} (not logged in?)")
        return report

    def print_summary(self, report, path, output, runs):
        self.stdout.write(f"Lighthouse {report['lighthouseVersion']} on {path} ({runs} run(s); median kept)")
        for name in CATEGORIES:
            score = report["categories"][name]["score"]
            self.stdout.write(f"  {name:<14} {round(score * 100) if score is not None else '-'}")
        audits = report["audits"]
        for name in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
        ):
            self.stdout.write(f"  {audits[name]['title']:<28} {audits[name].get('displayValue', '')}")
        failing = [
            f"  - {audits[ref['id']]['title']} ({ref['id']})"
            for name in CATEGORIES
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 0.9
        ]
        if failing:
            self.stdout.write("Audits below 90:\n" + "\n".join(failing))
        self.stdout.write(f"Report: {output}")


def urlpath(url):
    return url.split("://", 1)[-1].split("/", 1)[-1].split("#")[0]
