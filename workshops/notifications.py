"""Emails of the outcome workflow, in Danish with absolute links.

Wagtail tells only superusers of a submission (and here, ``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS``
is off): the project's lead and the Moderators must be told, so this e-mail is ours. The decision's
e-mail to the submitter is Wagtail's own, with the outcome's templates.
Sent after the transaction commits, so nobody is told about a decision that was rolled back,
and through ``core.mail``, the one e-mail path: the worker delivers and retries them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.mail import send_email
from people import roles

from .models import WorkshopOutcomePage


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template, recipients, context):
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients:
            if not (user and user.is_active and user.email):
                continue
            context = {**context, "recipient": user}
            subject = " ".join(render_to_string(f"workshops/emails/{template}_subject.txt", context).split())
            body = render_to_string(f"workshops/emails/{template}.txt", context).strip()
            sent += send_email(subject, body, [user.email])
    return sent


def _context(page):
    project = page.project
    return {
        "page": page,
        "project": project,
        "submitter": page.owner,
        "my_submissions_url": absolute(reverse("workshops:my_submissions")),
    }


def reviewers_of(page):
    """The project's current lead and every active Moderator, never the submitter."""
    users = get_user_model().objects.filter(is_active=True, groups__name=roles.MODERATORS)
    project = page.project
    if project is not None and project.lead_id:
        users = users | get_user_model().objects.filter(pk=project.lead_id, is_active=True)
    return list(users.exclude(pk=page.owner_id).distinct().order_by("pk"))


def notify_submitted(page_id):
    page = WorkshopOutcomePage.objects.select_related("owner").get(pk=page_id)
    context = {
        **_context(page),
        "review_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "queue_url": absolute(reverse("moderation_queue")),
    }
    return _send("submitted", reviewers_of(page), context)
