"""One e-mail path: queued in the request, delivered by the worker, retried, never failing the request."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.mail import send_mail as wagtail_send_mail

from core.mail import deliver_email, send_email

from .conftest import free_port

pytestmark = pytest.mark.django_db


def test_a_mail_is_only_queued_in_the_request_and_the_worker_delivers_it(
    queue, run_worker_once, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_email("Emne", "Tekst", ["a@example.dk"], html_body="<p>Tekst</p>") == 1
    assert mail.outbox == []
    job = DBTaskResult.objects.get()
    assert job.task_path == deliver_email.module_path
    assert job.status == TaskResultStatus.READY

    run_worker_once()

    assert [(m.subject, m.to) for m in mail.outbox] == [("Emne", ["a@example.dk"])]
    assert mail.outbox[0].alternatives[0][0] == "<p>Tekst</p>"
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_nothing_is_queued_for_a_change_that_was_rolled_back(
    queue, run_worker_once, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_email("Emne", "Tekst", ["a@example.dk"])
                raise RuntimeError("rullet tilbage")
        except RuntimeError:
            pass
    assert not DBTaskResult.objects.exists()


def test_djangos_and_wagtails_own_mails_take_the_same_path(queue, run_worker_once, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        # Wagtail's workflow and moderation notices are sent with this function.
        wagtail_send_mail("Til godkendelse", "Tekst", ["glemt@example.dk"])
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path=deliver_email.module_path).count() == 1
    run_worker_once()
    assert mail.outbox[0].to == ["glemt@example.dk"]


def test_a_mail_server_that_refuses_is_retried_with_growing_pauses_then_logged(
    queue, run_worker_once, settings, django_capture_on_commit_callbacks, caplog
):
    # A real SMTP connection to a loopback port where no server listens.
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_RETRY_DELAYS = [60, 300]
    with django_capture_on_commit_callbacks(execute=True):
        send_email("Vigtigt", "Tekst", ["a@example.dk"])

    pauses = []
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        for _attempt in range(3):
            before = timezone.now()
            run_worker_once()
            waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).first()
            if waiting is None:
                break
            pauses.append(round((waiting.run_after - before).total_seconds() / 60))
            # Let the pause pass.
            DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now() - timedelta(seconds=1))

    assert pauses == [1, 5]
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.exception_class_path == "core.mail.EmailDeliveryFailed"
    assert "ConnectionRefusedError" in failed.traceback
    assert "E-mail 'Vigtigt' til a@example.dk opgivet efter 3 forsøg: [Errno 111] Connection refused" in caplog.text
    assert mail.outbox == []
