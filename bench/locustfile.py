"""50 simulated employees reading, searching, commenting and submitting workshop outcomes.

Run through `make loadtest` (manage.py run_loadtest), which starts gunicorn on 127.0.0.1 and
afterwards checks that every write a user saw confirmed is stored exactly once. A write is
recorded in the ledger file (LOADTEST_LEDGER) only after the server answered it with its
success redirect, with a marker unique to that write.
"""

import json
import os
import random
import re
import threading
import uuid

from locust import HttpUser, between, task

PASSWORD = "bench-adgangskode"  # noqa: S105 (the benchmark database's users, bench/targets.py)
LEDGER = os.environ.get("LOADTEST_LEDGER", "loadtest-writes.jsonl")
SEARCH_WORDS = ["medborgerskab", "frivillig", "sundhed", "workshop", "idé", "trivsel", "ældre"]
_ledger_lock = threading.Lock()
_user_numbers = iter(range(1000))


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
        page = self.client.get("/login/", name="/login/").text
        response = self.client.post(
            "/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page)},
            name="/login/ (POST)",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"login failed for {self.username}: {response.status_code}")
        news = self.client.get("/nyheder/", name="/nyheder/").text
        self.articles = sorted(set(re.findall(r'href="(/nyheder/[a-z0-9-]+/)"', news))) or ["/nyheder/"]
        projects = self.client.get("/projekter/", name="/projekter/").text
        self.projects = sorted(set(re.findall(r'href="(/projekter/projekt-[0-9]+/)"', projects))) or []

    def get(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code >= 500:
                response.failure(f"status {response.status_code}")
            return response

    @task(6)
    def read(self):
        self.get("/", "/ (dashboard)")
        self.get("/nyheder/", "/nyheder/")
        self.get(random.choice(self.articles), "/nyheder/[artikel]/")
        if self.projects:
            self.get(random.choice(self.projects), "/projekter/[projekt]/")

    @task(3)
    def search(self):
        self.get(f"/soeg/?q={random.choice(SEARCH_WORDS)}", "/soeg/")

    @task(2)
    def comment(self):
        article = random.choice(self.articles)
        page = self.get(article, "/nyheder/[artikel]/")
        marker = f"lt-{uuid.uuid4().hex}"
        with self.client.post(
            article,
            {
                "comment_action": "post",
                "body": f"Godt initiativ! ({marker})",
                "csrfmiddlewaretoken": csrf_token(page.text),
            },
            name="/nyheder/[artikel]/ (kommentar)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code >= 500:
                response.failure(f"status {response.status_code}")
            elif response.status_code == 302:
                record("comment", marker)
            else:
                response.success()  # e.g. the per-user rate limit answered with its message

    @task(1)
    def submit_outcome(self):
        if not self.projects:
            return
        url = random.choice(self.projects) + "indsend/"
        form = self.get(url, "/projekter/[projekt]/indsend/").text
        token = re.search(r'name="token" value="([^"]+)"', form)
        facilitator = re.search(r'name="facilitators" value="(\d+)"', form)
        if not (token and facilitator):
            return
        marker = f"lt-{uuid.uuid4().hex[:12]}"
        data = {
            "csrfmiddlewaretoken": csrf_token(form),
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
        with self.client.post(
            url, data, name="/projekter/[projekt]/indsend/ (POST)", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code >= 500:
                response.failure(f"status {response.status_code}")
            elif response.status_code == 302:
                record("outcome", marker)
            elif response.status_code == 429:
                response.success()  # the per-person hourly limit answered with its message
            else:
                response.failure(f"form refused: {response.status_code}")
