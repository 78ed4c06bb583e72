"""Load test: 50 simulated employees for 60 seconds against gunicorn on 127.0.0.1 (locust, headless).

The simulated users read, search, comment and submit workshop outcomes. Each write carries a
unique marker that the user records only when the server confirmed it; afterwards every
recorded marker must be stored exactly once, and the run must have had no server errors.
"""

import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from .run_bench import Command as BenchCommand
from .run_bench import free_port


class Command(BaseCommand):
    help = "Kør belastningstesten (locust, headless) og kontrollér bagefter, at alt er gemt præcis én gang."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, users, seconds, workers, **options):
        bench = BenchCommand(stdout=self.stdout, stderr=self.stderr)
        port = free_port()
        workdir = Path(tempfile.mkdtemp(prefix="intranet-loadtest-"))
        ledger = workdir / "writes.jsonl"
        server = bench.start_gunicorn(port, workers)
        try:
            bench.wait_until_up(f"http://127.0.0.1:{port}")
            command = [
                sys.executable, "-m", "locust", "-f", str(Path(settings.BASE_DIR) / "bench" / "locustfile.py"),
                "--headless", "--users", str(users), "--spawn-rate", str(max(1, users // 10)),
                "--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
                "--csv", str(workdir / "locust"), "--only-summary", "--stop-timeout", "10",
            ]  # fmt: skip
            environment = {**os.environ, "LOADTEST_LEDGER": str(ledger)}
            subprocess.run(command, env=environment, check=False, timeout=seconds + 120)  # noqa: S603
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

        server_errors, total_requests = self.read_stats(workdir)
        writes = [json.loads(line) for line in ledger.read_text().splitlines()] if ledger.exists() else []
        problems = self.verify(writes)
        self.stdout.write(
            f"\nForespørgsler: {total_requests}, serverfejl (5xx): {server_errors}, "
            f"bekræftede skrivninger: {len(writes)}, afvigelser: {len(problems)}"
        )
        for problem in problems[:20]:
            self.stdout.write(f"  {problem}")
        if server_errors or problems or not writes:
            raise CommandError("Belastningstesten fejlede.")
        self.stdout.write(self.style.SUCCESS("Belastningstesten bestået: 0 serverfejl, alt gemt præcis én gang."))

    def read_stats(self, workdir):
        server_errors = 0
        failures = workdir / "locust_failures.csv"
        if failures.exists():
            with failures.open() as handle:
                for row in csv.DictReader(handle):
                    if "HTTPError('5" in row["Error"] or "status 5" in row["Error"]:
                        server_errors += int(row["Occurrences"])
        total = 0
        with (workdir / "locust_stats.csv").open() as handle:
            for row in csv.DictReader(handle):
                if row["Name"] == "Aggregated":
                    total = int(row["Request Count"])
        return server_errors, total

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
