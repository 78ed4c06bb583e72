"""What the background worker does besides running queued jobs: beat, and schedule the chores.

``manage.py run_worker`` is django-tasks-db's ``db_worker`` plus a small scheduler thread. Every
``WORKER_BEAT_SECONDS`` the thread writes the worker's heartbeat and enqueues
:data:`run_scheduled_chores` unless one is already waiting, so several workers on several hosts
still run the chores once at a time. The chores task runs Wagtail's ``publish_scheduled`` (go-live
and expiry, https://docs.wagtail.org/en/stable/reference/management_commands.html#publish-scheduled)
and prunes old job results. No cron entry is needed: the worker is the scheduler.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)


@task()
def run_scheduled_chores():
    """Publish pages whose go-live time has passed, unpublish expired ones, prune old job results and beats."""
    output = StringIO()
    call_command("publish_scheduled", stdout=output)
    call_command(
        "prune_db_task_results",
        min_age_days=settings.TASK_RESULTS_KEEP_DAYS,
        failed_min_age_days=settings.TASK_FAILED_RESULTS_KEEP_DAYS,
        queue_name="*",
        stdout=output,
        verbosity=0,
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=timezone.now() - timedelta(days=7)).delete()
    return timezone.now().isoformat()


def beat(worker_id, started_at):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname(), "pid": os.getpid(), "started_at": started_at, "beat_at": now},
    )


def enqueue_chores_unless_waiting():
    """Enqueue the chores job unless one is already queued or running (on any worker)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=run_scheduled_chores.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )
    if waiting.exists():
        return None
    return run_scheduled_chores.enqueue()


class Scheduler(threading.Thread):
    """Beats and schedules the chores every ``interval`` seconds until the process ends."""

    def __init__(self, worker_id, interval):
        super().__init__(name="intranet-scheduler", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self.started_at = timezone.now()

    def run(self):
        while True:
            self.tick()
            time.sleep(self.interval)

    def tick(self):
        try:
            beat(self.worker_id, self.started_at)
            enqueue_chores_unless_waiting()
        except Exception:  # a database that is away for a moment must not end the scheduler
            logger.exception("Baggrundsprocessens planlægger kunne ikke nå databasen")
        finally:
            close_old_connections()
            connection.close()
