"""The one way e-mail leaves the intranet: queued as a background task, delivered by the worker.

Apps call :func:`send_email`; Wagtail's and Django's own mails (workflow notices, password
reset) take the same path because ``EMAIL_BACKEND`` is :class:`QueuedEmailBackend`, which only
puts each message on the task queue (django-tasks, ``TASKS`` setting). The worker runs
:data:`deliver_email` with the real backend, ``EMAIL_DELIVERY_BACKEND`` (SMTP in production).

So a slow or failing mail server never fails or slows the request that caused the mail: the
delivery is retried with growing pauses (``EMAIL_RETRY_DELAYS``, seconds), and a message that
still fails is logged with the reason and left as a failed job the operator status shows.
Messages are queued when the surrounding transaction commits: nobody is told about a change
that was rolled back.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class EmailDeliveryFailed(Exception):
    """The message could not be delivered after every attempt; the job ends as failed."""


def send_email(subject, body, to, *, html_body=None):
    """Queue one message to the addresses in ``to``; returns 1 (queued) or 0 (no address)."""
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    message = EmailMultiAlternatives(subject, body, None, recipients)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()


def serialize(message):
    """A JSON-safe form of an ``EmailMessage``, so the task queue can store it."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in (message.extra_headers or {}).items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [_attachment(item) for item in message.attachments],
    }


def _attachment(item):
    filename, content, mimetype = item
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def deserialize(data):
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        bcc=data["bcc"],
        cc=data["cc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """``EMAIL_BACKEND``: every message becomes a :data:`deliver_email` job, enqueued on commit."""

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            payload = serialize(message)
            transaction.on_commit(lambda payload=payload: deliver_email.enqueue(payload))
            count += 1
        return count


def retry_delays():
    return list(getattr(settings, "EMAIL_RETRY_DELAYS", [60, 300, 900, 3600]))


@task()
def deliver_email(payload, attempt=1):
    """Hand one queued message to the real mail backend; retry later if the mail server fails.

    Attempt ``n`` that fails waits ``EMAIL_RETRY_DELAYS[n - 1]`` seconds before the next; when the
    delays are used up the reason is logged and the job fails (shown on the operator status).
    """
    message = deserialize(payload)
    try:
        get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages([message])
    except OSError as error:  # smtplib.SMTPException and socket errors are OSErrors
        delays = retry_delays()
        recipients = ", ".join(message.recipients())
        if attempt > len(delays):
            logger.error("E-mail %r til %s opgivet efter %d forsøg: %s", message.subject, recipients, attempt, error)
            raise EmailDeliveryFailed(f"{type(error).__name__}: {error}") from error
        delay = delays[attempt - 1]
        logger.warning(
            "E-mail %r til %s fejlede (forsøg %d), prøver igen om %d s: %s",
            message.subject,
            recipients,
            attempt,
            delay,
            error,
        )
        retry = deliver_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + timedelta(seconds=delay))
        retry.enqueue(payload, attempt + 1)
        return "retry"
    return "sent"
