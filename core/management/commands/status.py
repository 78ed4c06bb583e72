"""``manage.py status``: the operator's view of the worker, the queue and scheduled publishing.

Exits 1 when the worker has stopped beating or no longer runs the scheduled chores, so a
monitoring check can run it as it is.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.status import collect


def when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else "aldrig"


class Command(BaseCommand):
    help = "Vis driftsstatus: baggrundsprocessens livstegn, jobs i kø og fejlede, seneste planlagte udgivelse."

    def handle(self, *args, **options):
        status = collect()
        out = self.stdout.write
        state = "kører" if status.worker_alive else "STOPPET"
        out(f"Baggrundsproces: {state} (seneste livstegn {when(status.last_beat)})")
        for worker in status.workers:
            started, beat = when(worker.started_at), when(worker.beat_at)
            out(f"  {worker.hostname} pid {worker.pid}: startet {started}, livstegn {beat}")
        out(f"Jobs i kø: {status.queued} (ældste {when(status.oldest_queued)}), i gang: {status.running}")
        out(f"Fejlede jobs: {status.failed}")
        for failure in status.recent_failures:
            out(f"  {when(failure['finished_at'])} {failure['task']}: {failure['reason']}")
        overdue = " (FORSINKET: baggrundsprocessen tager ikke jobs)" if status.chores_overdue else ""
        out(f"Planlagt udgivelse kørte senest: {when(status.last_chores_run)}{overdue}")
        entry = status.last_scheduled_publication
        if entry:
            out(f"Seneste planlagte udgivelse: {when(entry.timestamp)} “{entry.label}”")
        else:
            out("Seneste planlagte udgivelse: ingen endnu")
        if not status.healthy:
            raise SystemExit(1)
