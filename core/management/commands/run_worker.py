"""``manage.py run_worker``: the background worker, django-tasks-db's ``db_worker`` with a scheduler.

Takes every option of ``db_worker``; its scheduler thread beats and enqueues the scheduled chores
(``core/worker.py``). Run exactly this beside the web server: ``make run`` does (Procfile), and
so do the systemd units in ``deploy/``.
"""

import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from core.worker import Scheduler


class Command(db_worker.Command):
    help = "Kør baggrundsprocessen: e-mails, udgivelse på tidspunkt og andre jobs i køen."

    def handle(self, *args, **options):
        # With --reload the first process only watches files; the one it starts does the work.
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            Scheduler(options["worker_id"], settings.WORKER_BEAT_SECONDS).start()
        return super().handle(*args, **options)
