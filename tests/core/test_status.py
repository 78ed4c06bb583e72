"""The operator sees that it lives: worker beat, queue, failures, scheduled publishing; one log line per request."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from core.mail import deliver_email
from core.models import WorkerHeartbeat
from core.worker import run_scheduled_chores

from ..factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_site(home_page):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="vm-intranet-1", pid=4242, started_at=now, beat_at=now)
    common = {"backend_name": "default", "args_kwargs": {"args": [], "kwargs": {}}, "queue_name": "default"}
    DBTaskResult.objects.create(task_path=deliver_email.module_path, status=TaskResultStatus.READY, **common)
    DBTaskResult.objects.create(
        task_path=deliver_email.module_path,
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="core.mail.EmailDeliveryFailed",
        traceback="Traceback ...\ncore.mail.EmailDeliveryFailed: ConnectionRefusedError: [Errno 111] Connection refused\n",
        **common,
    )
    DBTaskResult.objects.create(
        task_path=run_scheduled_chores.module_path, status=TaskResultStatus.SUCCESSFUL, finished_at=now, **common
    )
    page = StandardPageFactory(parent=home_page, title="Nyt om budgettet")
    PageLogEntry.objects.log_action(page, "wagtail.publish.scheduled")
    return now


def test_the_status_command_shows_beat_queue_failures_and_publishing(busy_site, capsys):
    call_command("status")
    out = capsys.readouterr().out
    assert "Baggrundsproces: kører" in out
    assert "vm-intranet-1 pid 4242" in out
    assert "Jobs i kø: 1" in out
    assert "Fejlede jobs: 1" in out
    assert "deliver_email: core.mail.EmailDeliveryFailed: ConnectionRefusedError" in out
    assert "Seneste planlagte udgivelse:" in out and "Nyt om budgettet" in out


def test_the_status_command_fails_when_the_worker_stopped_beating(db, settings, capsys):
    long_ago = timezone.now() - timedelta(minutes=10)
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="vm", pid=1, started_at=long_ago, beat_at=long_ago)
    with pytest.raises(SystemExit) as exit_info:
        call_command("status")
    assert exit_info.value.code == 1
    assert "Baggrundsproces: STOPPET" in capsys.readouterr().out


def test_the_admin_status_page_is_for_superusers_only(client, busy_site, make_user):
    admin = make_user("drift", is_superuser=True, is_staff=True)
    client.force_login(admin)
    content = client.get("/admin/driftsstatus/").content.decode()
    assert "Driftsstatus" in content
    assert "vm-intranet-1" in content
    assert "ConnectionRefusedError" in content
    assert "Nyt om budgettet" in content
    assert "/admin/driftsstatus/" in client.get("/admin/").content.decode()  # the settings menu

    editor = make_user("redaktoer", "Kommunikation")
    client.force_login(editor)
    response = client.get("/admin/driftsstatus/")
    assert response.status_code in (302, 403)
    assert "vm-intranet-1" not in response.content.decode()


def test_each_request_is_logged_with_the_user_id_never_the_name(client, home_page, make_user, caplog):
    user = make_user("hemmelig", first_name="Hemmelig", last_name="Hansen")
    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="intranet.requests"):
        client.get("/?q=privat")
    lines = [record.getMessage() for record in caplog.records if record.name == "intranet.requests"]
    assert len(lines) == 1
    assert lines[0].startswith(f"user={user.pk} GET / 200 ")
    assert lines[0].endswith("ms")
    assert "hemmelig" not in lines[0].lower() and "privat" not in lines[0]


def test_healthz_stays_a_cheap_probe(client, db, django_assert_max_num_queries, caplog):
    with django_assert_max_num_queries(1):
        assert client.get("/healthz/").status_code == 200


def test_a_worker_that_beats_but_takes_no_jobs_is_reported(busy_site, capsys):
    DBTaskResult.objects.filter(task_path=run_scheduled_chores.module_path).update(
        finished_at=timezone.now() - timedelta(minutes=30)
    )
    with pytest.raises(SystemExit):
        call_command("status")
    assert "FORSINKET" in capsys.readouterr().out


def test_the_admin_dashboard_warns_superusers_only_when_the_worker_is_down(client, home_page, make_user):
    admin = make_user("drift", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert "Baggrundsprocessen arbejder ikke" in client.get("/admin/").content.decode()
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="vm", pid=1, started_at=now, beat_at=now)
    DBTaskResult.objects.create(
        task_path=run_scheduled_chores.module_path,
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=now,
        backend_name="default",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
    )
    assert "Baggrundsprocessen arbejder ikke" not in client.get("/admin/").content.decode()
