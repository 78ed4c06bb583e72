"""Emails about new comments: to whoever the commented page names, and to the author of the comment replied to.

comments/ knows nothing of the page types (it sits below them), so it asks the page, duck-typed:
a page class that wants its people told about new comments defines
``comment_notification_recipients()`` returning users (news: the article's author, projects: the
lead, workshops: the submitter). Whether a person wants these emails at all is kept elsewhere
(people/: ``Profile.comment_emails``) and asked through the ``filter_comment_email_recipients``
Wagtail hook: every function registered under it takes the list of users and returns those who
still get the email.

``services.post_comment`` enqueues :data:`notify_new_comment` with ``transaction.on_commit``, so
nobody is emailed about a comment that was rolled back. It is a task of django-tasks, the
background-task library Wagtail itself uses, so the worker, not the request, works out who is
told; each message then goes through ``core.mail``, the one e-mail path, which retries a
failing mail server and never turns a saved comment into an error page.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail import hooks

from core.mail import send_email
from core.names import display_name

from .models import Comment

RECIPIENTS_METHOD = "comment_notification_recipients"
FILTER_HOOK = "filter_comment_email_recipients"

# Why a person is emailed; a person with both reasons gets one email, the reply one.
REPLY = "reply"
PAGE = "page"


def absolute_url(path):
    """``WAGTAILADMIN_BASE_URL`` + path: emails are read outside the site, so links must be absolute."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def recipients_of(comment):
    """``[(user, reason), ...]`` for a new comment: each person once, never its author.

    The author of the comment replied to comes first (reason ``REPLY``); then the people the
    page names (reason ``PAGE``). Inactive users and users without an email address are left out,
    and so is everyone the ``filter_comment_email_recipients`` hooks drop.
    """
    candidates = []
    if comment.parent_id is not None and comment.parent.is_visible:
        candidates.append((comment.parent.author, REPLY))
    page = comment.page.specific
    name_recipients = getattr(page, RECIPIENTS_METHOD, None)
    if callable(name_recipients):
        candidates.extend((user, PAGE) for user in name_recipients())

    chosen = {}
    for user, reason in candidates:
        if user is None or user.pk == comment.author_id or user.pk in chosen:
            continue
        if not (user.is_active and user.email):
            continue
        chosen[user.pk] = (user, reason)
    users = [user for user, _reason in chosen.values()]
    for keep in hooks.get_hooks(FILTER_HOOK):
        if not users:
            break
        users = list(keep(users))
    kept = {user.pk for user in users}
    return [(user, reason) for pk, (user, reason) in chosen.items() if pk in kept]


@task()
def notify_new_comment(comment_id):
    """Email the people who should hear about the comment; returns how many emails were sent.

    Looks the comment up again: one hidden or deleted before this runs is not announced.
    """
    comment = Comment.objects.select_related("author", "page", "parent__author").filter(pk=comment_id).first()
    if comment is None or not comment.is_visible or not comment.page.live:
        return 0
    recipients = recipients_of(comment)
    if not recipients:
        return 0
    page = comment.page.specific
    context = {
        "comment": comment,
        "page": page,
        "author_name": display_name(comment.author),
        "comment_url": absolute_url(f"{page.get_url() or '/'}#kommentar-{comment.pk}"),
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user, reason in recipients:
            message_context = {**context, "recipient": user, "recipient_name": display_name(user), "reason": reason}
            template = "reply" if reason == REPLY else "new_comment"
            subject = " ".join(render_to_string(f"comments/emails/{template}_subject.txt", message_context).split())
            body = render_to_string(f"comments/emails/{template}.txt", message_context).strip() + "\n"
            sent += send_email(subject, body, [user.email])
    return sent
