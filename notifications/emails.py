"""The e-mail copies of notifications, through ``core.mail``: the one e-mail path, delivered and
retried by the background worker.

``services.notify`` calls :func:`send_copies` when the transaction that made the notifications
commits, so no mail tells of something that was rolled back.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.mail import send_email
from core.names import display_name

from .models import Notification


def absolute_url(path):
    """``WAGTAILADMIN_BASE_URL`` + path: e-mails are read outside the site, so links must be absolute."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_copies(notification_ids):
    """Queue one e-mail per notification to its recipient; returns how many were queued."""
    notifications = Notification.objects.filter(pk__in=notification_ids).select_related("recipient", "actor")
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for notification in notifications:
            recipient = notification.recipient
            if not (recipient.is_active and recipient.email):
                continue
            context = {
                "notification": notification,
                "recipient_name": display_name(recipient),
                "url": absolute_url(notification.url),
                "notifications_url": absolute_url(reverse("notifications:index")),
                "settings_url": absolute_url(reverse("notifications:preferences")),
            }
            subject = " ".join(render_to_string("notifications/emails/notification_subject.txt", context).split())
            body = render_to_string("notifications/emails/notification.txt", context).strip() + "\n"
            sent += send_email(subject, body, [recipient.email])
    return sent
