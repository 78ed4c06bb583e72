"""50 simulated employees reading, searching, commenting and submitting workshop outcomes.

Run through `make loadtest` (manage.py run_loadtest), which starts gunicorn on 127.0.0.1, hands
over the pages to use (LOADTEST_TARGETS: real, live articles and projects, ``bench.targets``) and
afterwards checks that every write a user saw confirmed is stored exactly once. A write is
recorded in the ledger file (LOADTEST_LEDGER) only after the server answered it with its
success redirect, with a marker unique to that write.

Every answer other than the one expected (200 for a page, the redirect for a write) is a
failure that fails the run: a refused comment, a redirect to the login page, a 4xx or 5xx.
The simulated users keep to the site's limits as a person would (5 comments a minute), so a
rate-limit answer is a failure too.

Pace: every simulated employee opens a page, reads it for 1–3 s (``wait_time``) and opens the
next; writing a comment or filling in the outcome form also takes 1–3 s. That is one page every two
seconds or so for each of the 50, a pace far above any real reader's (who spends minutes on an
article), chosen to load the server hard while each request stays what a person's click is: one page
at a time, never four at once.

Logins: an employee logs in once and then works for days on the same session (two weeks, Django's
default), so a login is rare in an hour of real use. Fifty logins inside the first ten seconds, each
a deliberately slow PBKDF2 check (Django's default cost, which no setting here lowers), would queue
every page behind them and measure a morning rush that does not happen in the 60 seconds measured.
So most users arrive logged in, with a session that run_loadtest made before the run as the login
form would (LOADTEST_TARGETS["sessions"]), and every tenth logs in through the form during the ramp-up
(five logins, one every two seconds at the spawn rate): the login stays exercised, counted and
reported ("/login/ (POST)"), and a refused login is a failure like any other.
"""

import json
import os
import random
import re
import threading
import time
import uuid

from locust import HttpUser, between, task

PASSWORD = "bench-adgangskode"  # noqa: S105 (the benchmark database's users, bench/targets.py)
LEDGER = os.environ.get("LOADTEST_LEDGER", "loadtest-writes.jsonl")
COMMENTS_PER_MINUTE = 4  # the site allows 5 a minute (comments.services.rate_limit)
SEARCH_WORDS = ["medborgerskab", "frivillig", "sundhed", "workshop", "idé", "trivsel", "ældre"]
_ledger_lock = threading.Lock()
_user_numbers = iter(range(1000))


def load_targets():
    with open(os.environ["LOADTEST_TARGETS"], encoding="utf-8") as handle:
        targets = json.load(handle)
    if not targets["articles"] or not targets["projects"]:
        raise RuntimeError("no articles or projects to load: run seed_bench first")
    return targets


TARGETS = load_targets()


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else ""


def record(kind, marker):
    with _ledger_lock, open(LEDGER, "a", encoding="utf-8") as ledger:
        ledger.write(json.dumps({"kind": kind, "marker": marker}) + "\n")


class Employee(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.username = f"belastning{next(_user_numbers) % 50:03}"
        self.comment_times = []
        session = TARGETS.get("sessions", {}).get(self.username)
        if session:
            self.client.cookies.set(TARGETS["session_cookie"], session)
        else:
            self.log_in()

    def log_in(self):
        page = self.get("/login/", "/login/")
        with self.client.post(
            "/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page.text)},
            name="/login/ (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused: status {response.status_code}")
                self.stop()

    def get(self, path, name, must_contain=()):
        """A page that must answer 200 (a redirect, e.g. to the login page, is a failure too)."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif any(text not in response.text for text in must_contain):
                response.failure(f"missing from the page: {must_contain}")
            return response

    def post_write(self, url, data, name, kind, marker):
        """A write that must answer with its success redirect; recorded in the ledger only then."""
        with self.client.post(url, data, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code == 302:
                record(kind, marker)
            else:
                response.failure(f"status {response.status_code}")

    @task(6)
    def read(self):
        # One page after another, each read for a moment (``wait_time``) before the next is opened.
        self.get("/", "/ (dashboard)")
        self.wait()
        self.get("/nyheder/", "/nyheder/")
        self.wait()
        self.get(random.choice(TARGETS["articles"]), "/nyheder/[artikel]/")
        self.wait()
        self.get(random.choice(TARGETS["projects"]), "/projekter/[projekt]/")

    @task(3)
    def search(self):
        # Suggestions while typing, then the results when the search is sent.
        word = random.choice(SEARCH_WORDS)
        self.get(f"/soeg/forslag/?q={word[:4]}", "/soeg/forslag/")
        self.get(f"/soeg/?q={word}", "/soeg/")

    @task(2)
    def comment(self):
        now = time.monotonic()
        self.comment_times = [moment for moment in self.comment_times if now - moment < 60]
        if len(self.comment_times) >= COMMENTS_PER_MINUTE:
            return
        self.comment_times.append(now)
        article = random.choice(TARGETS["articles"])
        page = self.get(article, "/nyheder/[artikel]/")
        if page.status_code != 200:
            return
        self.wait()  # reads the article and writes
        marker = f"lt-{uuid.uuid4().hex}"
        data = {
            "comment_action": "post",
            "body": f"Godt initiativ! ({marker})",
            "csrfmiddlewaretoken": csrf_token(page.text),
        }
        self.post_write(article, data, "/nyheder/[artikel]/ (kommentar)", "comment", marker)

    @task(1)
    def submit_outcome(self):
        url = random.choice(TARGETS["projects"]) + "indsend/"
        form = self.get(url, "/projekter/[projekt]/indsend/", must_contain=('name="token"', 'name="facilitators"'))
        token = re.search(r'name="token" value="([^"]+)"', form.text)
        facilitator = re.search(r'name="facilitators" value="(\d+)"', form.text)
        if form.status_code != 200 or not (token and facilitator):
            return
        self.wait()  # fills in the form
        marker = f"lt-{uuid.uuid4().hex[:12]}"
        data = {
            "csrfmiddlewaretoken": csrf_token(form.text),
            "title": f"Workshop fra belastningstest {marker}",
            "workshop_date": "2026-11-20",
            "facilitators": facilitator.group(1),
            "employee_participants": "8",
            "citizen_participants": "3",
            "method": "Brainwriting.",
            "summary": "Vi samlede idéer.",
            "next_steps": "Projektgruppen vælger.",
            "token": token.group(1),
            "ideas-TOTAL_FORMS": "1",
            "ideas-INITIAL_FORMS": "0",
            "ideas-MIN_NUM_FORMS": "1",
            "ideas-MAX_NUM_FORMS": "30",
            "ideas-0-title": "Fælles kalender",
            "ideas-0-description": "En kalender for frivillige.",
        }
        self.post_write(url, data, "/projekter/[projekt]/indsend/ (POST)", "outcome", marker)
