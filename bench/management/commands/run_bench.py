"""Measure the intranet under gunicorn: requests per second, p50/p95 latency and SQL queries per page.

Run through `make bench`, which prepares a separate benchmark database with `seed_bench` first.
Each page is measured in the same run as /healthz/, so the ratio page/healthz is comparable
between machines even when absolute numbers are not.
"""

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.targets import BENCH_PASSWORD, BENCH_USERNAME, UNCACHED_SEARCHES, bench_targets

MIN_REQUESTS = 3


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds():
    """CPU seconds used so far by this process and, on PostgreSQL on this machine, by its backend.

    ``None`` when the backend's figure cannot be read (a database on another host).
    """
    used = time.process_time()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        try:
            used += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9  # nanoseconds on a CPU
        except (OSError, ValueError, IndexError):
            return None
    return used


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Benchmark the intranet under gunicorn (production settings) and write bench/results.json."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=6.0, help="Measuring time per page.")
        parser.add_argument("--concurrency", type=int, default=4, help="Simultaneous clients.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
        parser.add_argument(
            "--output", default="", help="Standard: bench/results.json (SQLite), bench/results-postgresql.json."
        )
        parser.add_argument("--label", default="", help="Free text stored with the results (e.g. 'before').")

    def handle(self, *args, **options):
        targets = bench_targets()
        if not targets:
            raise CommandError("Ingen benchmark-data: kør `manage.py seed_bench` først.")
        queries, first_ms = self.count_queries(targets)
        uncached_search = self.measure_uncached_searches()
        # Search as you type: what a reader has typed so far (the first five letters of each query).
        uncached_suggest = self.measure_uncached_searches("/soeg/forslag/", [q[:5] for q in UNCACHED_SEARCHES])
        port = free_port()
        server = self.start_gunicorn(port, options["workers"])
        try:
            base = f"http://127.0.0.1:{port}"
            self.wait_until_up(base)
            cookies = self.login(base)
            rows = []
            for name, path in targets:
                self.stdout.write(f"  måler {name} ({path}) ...")
                result = self.measure(base + path, cookies, options["seconds"], options["concurrency"])
                result.update(name=name, path=path, queries=queries.get(name), first_request_ms=first_ms.get(name))
                rows.append(result)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        healthz = next(row for row in rows if row["name"] == "healthz")
        for row in rows:
            row["ratio_to_healthz"] = round(row["rps"] / healthz["rps"], 3) if healthz["rps"] else None
        report = {
            "label": options["label"],
            "database": connection.vendor,
            "workers": options["workers"],
            "concurrency": options["concurrency"],
            "seconds_per_page": options["seconds"],
            "python": sys.version.split()[0],
            "cpu_count": os.cpu_count(),
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "load_average": [round(value, 2) for value in os.getloadavg()],
            "redis": bool(settings.REDIS_URL),
            "pages": rows,
            "uncached_search": uncached_search,
            "uncached_search_as_you_type": uncached_suggest,
        }
        output = Path(options["output"] or self.default_output())
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        self.print_table(report)
        self.stdout.write(f"-> {output}")

    @staticmethod
    def default_output():
        name = "results.json" if connection.vendor == "sqlite" else f"results-{connection.vendor}.json"
        return Path(settings.BASE_DIR) / "bench" / name

    # --- steps -------------------------------------------------------------------------
    def count_queries(self, targets):
        """SQL queries per page, counted in-process on the same database (a warm second request)."""
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
        counts, first_ms = {}, {}
        for name, path in targets:
            started = time.perf_counter()
            client.get(path)  # the first request: nothing cached yet
            first_ms[name] = round((time.perf_counter() - started) * 1000, 1)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            if response.status_code != 200:
                raise CommandError(f"{path} svarede {response.status_code} under optællingen af forespørgsler.")
            counts[name] = len(captured)
        return counts, first_ms

    def measure_uncached_searches(self, path="/soeg/", queries=UNCACHED_SEARCHES):
        """The first, uncached search: distinct queries, each with the result cache emptied before it.

        Besides the wall-clock time, the CPU time the request cost (this process and, on PostgreSQL on
        this machine, its database backend): on a machine shared with other work the wall clock also
        counts the time spent waiting for a core, the CPU time does not.
        """
        from django.contrib.auth import get_user_model
        from django.core.cache import cache

        client = Client()
        client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
        client.get(path, {"q": "opvarmning"})  # load templates and code once; not counted
        timings, cpu = [], []
        for query in queries:
            cache.clear()
            client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
            cpu_before = cpu_seconds()
            started = time.perf_counter()
            response = client.get(path, {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            cpu_after = cpu_seconds()
            if cpu_before is not None and cpu_after is not None:
                cpu.append((cpu_after - cpu_before) * 1000)
            if response.status_code != 200:
                raise CommandError(f"Søgningen efter {query!r} svarede {response.status_code}.")
        return {
            "path": path,
            "queries": len(timings),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1) if cpu else None,
            "cpu_p95_ms": round(percentile(cpu, 0.95), 1) if cpu else None,
        }

    def start_gunicorn(self, port, workers):
        command = [
            sys.executable, "-m", "gunicorn", "intranet.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning",
        ]  # fmt: skip
        return subprocess.Popen(command, cwd=settings.BASE_DIR, env=os.environ.copy())  # noqa: S603

    def wait_until_up(self, base):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/healthz/", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise CommandError("gunicorn startede ikke.")

    def login(self, base):
        session = requests.Session()
        session.get(base + "/login/", timeout=10)
        response = session.post(
            base + "/login/",
            data={"username": BENCH_USERNAME, "password": BENCH_PASSWORD,
                  "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers={"Referer": base + "/login/"},
            timeout=10,
            allow_redirects=False,
        )  # fmt: skip
        if response.status_code != 302:
            raise CommandError("Kunne ikke logge ind som benchmark-bruger.")
        return session.cookies.get_dict()

    def measure(self, url, cookies, seconds, concurrency):
        latencies, errors = [], []
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds
        windows = []  # (start, end) of each client's measured requests

        def worker():
            session = requests.Session()
            session.cookies.update(cookies)
            session.get(url, timeout=120)  # warm-up, not counted
            done = 0
            window_start = time.monotonic()
            # Measure for the given time, but at least MIN_REQUESTS per client, so slow pages get figures too.
            while time.monotonic() < stop_at or done < MIN_REQUESTS:
                done += 1
                started = time.perf_counter()
                response = session.get(url, timeout=60, allow_redirects=False)
                elapsed = time.perf_counter() - started
                with lock:
                    (latencies if response.status_code == 200 else errors).append(elapsed)
            with lock:
                windows.append((window_start, time.monotonic()))

        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        duration = max(end for _start, end in windows) - min(start for start, _end in windows)
        return {
            "requests": len(latencies),
            "errors": len(errors),
            "rps": round(len(latencies) / duration, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
        }

    def print_table(self, report):
        self.stdout.write("")
        header = f"{'side':<22}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'÷ healthz':>11}{'SQL':>6}{'fejl':>6}"
        header += f"{'1. gang ms':>12}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in report["pages"]:
            keys = ("rps", "p50_ms", "p95_ms", "ratio_to_healthz")
            cells = [row[key] if row[key] is not None else "-" for key in keys]
            queries = "-" if row["queries"] is None else row["queries"]
            self.stdout.write(
                f"{row['name']:<22}{cells[0]:>9}{cells[1]:>9}{cells[2]:>9}{cells[3]:>11}{queries:>6}{row['errors']:>6}"
                f"{row['first_request_ms']:>12}"
            )
        for key, label in (
            ("uncached_search", "Første søgning"),
            ("uncached_search_as_you_type", "Søg mens du skriver"),
        ):
            uncached = report[key]
            self.stdout.write(
                f"\n{label} uden cache ({uncached['queries']} forskellige, {uncached['path']}): "
                f"p50 {uncached['p50_ms']} ms, p95 {uncached['p95_ms']} ms, maks. {uncached['max_ms']} ms; "
                f"CPU-tid p50 {uncached['cpu_p50_ms']} ms, p95 {uncached['cpu_p95_ms']} ms"
            )
        self.stdout.write(
            f"\n{report['database']}, {report['workers']} gunicorn-workers, "
            f"{report['concurrency']} samtidige klienter, {report['seconds_per_page']} s pr. side, "
            f"Redis: {'ja' if report['redis'] else 'nej'}, belastning (load average) {report['load_average'][0]}"
        )
