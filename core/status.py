"""What the operator needs to see that the site lives: the worker's beat, the queue, scheduled publishing.

Read by ``manage.py status`` and the admin's "Driftsstatus" page (superusers only). Cheap
queries only; ``/healthz/`` stays the load balancer's probe and does none of this.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from wagtail.models import PageLogEntry

from .models import WorkerHeartbeat
from .worker import run_scheduled_chores

# A worker whose last beat is older than this many beat intervals is reported as stopped.
MISSED_BEATS = 3


@dataclass
class Status:
    now: datetime
    workers: list = field(default_factory=list)
    worker_alive: bool = False
    last_beat: datetime | None = None
    queued: int = 0
    oldest_queued: datetime | None = None
    running: int = 0
    failed: int = 0
    recent_failures: list = field(default_factory=list)
    last_chores_run: datetime | None = None
    last_scheduled_publication: PageLogEntry | None = None

    chores_overdue: bool = False

    @property
    def healthy(self):
        return self.worker_alive and not self.chores_overdue


def collect(failures=10):
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    stale_after = timedelta(seconds=settings.WORKER_BEAT_SECONDS * MISSED_BEATS)
    status = Status(now=now)
    status.workers = list(WorkerHeartbeat.objects.filter(beat_at__gte=now - timedelta(days=1)).order_by("-beat_at"))
    if status.workers:
        status.last_beat = status.workers[0].beat_at
        status.worker_alive = now - status.last_beat <= stale_after
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    status.queued = ready.count()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    status.oldest_queued = oldest
    status.running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count()
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    status.failed = failed.count()
    status.recent_failures = [
        {
            "task": job.task_path.rsplit(".", 1)[-1],
            "finished_at": job.finished_at,
            "reason": _last_line(job.traceback) or job.exception_class_path,
            "args": job.args_kwargs,
        }
        for job in failed.order_by("-finished_at")[:failures]
    ]
    status.last_chores_run = (
        DBTaskResult.objects.filter(task_path=run_scheduled_chores.module_path, status=TaskResultStatus.SUCCESSFUL)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
    # Beats come from a thread; the chores prove the worker's loop itself still takes jobs.
    status.chores_overdue = status.worker_alive and (
        status.last_chores_run is None or now - status.last_chores_run > stale_after + timedelta(minutes=1)
    )
    status.last_scheduled_publication = (
        PageLogEntry.objects.filter(action="wagtail.publish.scheduled")
        .select_related("page")
        .order_by("-timestamp")
        .first()
    )
    return status


def _last_line(text):
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""
