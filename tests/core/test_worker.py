"""The worker process: scheduled publishing and expiry with no cron, a heartbeat, Ctrl-C stops it."""

import signal
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from core.models import WorkerHeartbeat

from ..factories import StandardPageFactory
from .conftest import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_running_worker_publishes_and_expires_pages_on_time(home_page, start_process):
    soon = StandardPageFactory(parent=home_page, title="Udkommer snart", live=False)
    revision = soon.save_revision()
    go_live = timezone.now() + timedelta(seconds=3)
    revision.approved_go_live_at = go_live
    revision.save()
    expiring = StandardPageFactory(parent=home_page, title="Udløber", live=True)
    expiring.expire_at = timezone.now() + timedelta(seconds=3)
    expiring.save()

    worker = start_process("run_worker", "--no-reload", "--no-startup-delay", "--interval=0.2", WORKER_BEAT_SECONDS=1)
    try:
        assert wait_for(lambda: soon.__class__.objects.get(pk=soon.pk).live, timeout=45), "the page never went live"
        published_at = timezone.now()
        assert wait_for(lambda: not expiring.__class__.objects.get(pk=expiring.pk).live, timeout=15)
        beat = WorkerHeartbeat.objects.get()
        assert timezone.now() - beat.beat_at < timedelta(seconds=10)
    finally:
        worker.send_signal(signal.SIGINT)
        output = worker.communicate(timeout=15)[0]
    assert published_at - go_live < timedelta(seconds=30), output
    assert PageLogEntry.objects.filter(page=soon, action="wagtail.publish.scheduled").exists()
    assert PageLogEntry.objects.filter(page=expiring, action="wagtail.unpublish.scheduled").exists()
    # Ctrl-C (SIGINT, as honcho passes it on) ends the worker by itself.
    assert worker.returncode is not None
