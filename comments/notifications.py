"""Who hears about a new comment, as in-site notifications (and e-mail, as each person chose).

comments/ knows nothing of the page types, so it asks the page, duck-typed:

- ``comment_notification_recipients()``: the people the page belongs to (news: the article's
  author, projects: the lead, workshops: the submitter), told with the kind ``comment_on_mine``;
- ``follow_targets()``: the things whose followers hear of comments here (an outcome and its
  project, an article and its categories), told with the kind ``followed_content``.

The author of the comment replied to is told first (``comment_reply``), then the people
@mentioned in it (``mention``), then the page's people, then the followers: each person once, with the
most specific kind, never the comment's own author. It runs inside ``services.post_comment``'s
transaction, so the notifications exist exactly when the comment does; e-mail copies leave
after the commit, through ``core.mail`` and the background worker (``notifications.emails``).
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.privacy import users_who_may_view
from notifications import services as notification_services
from notifications.kinds import Kind

RECIPIENTS_METHOD = "comment_notification_recipients"
FOLLOW_TARGETS_METHOD = "follow_targets"

REPLY = "comment_reply"
ON_MINE = "comment_on_mine"
MENTION = "mention"
FOLLOWED = "followed_content"

# "@brugernavn": Django's user name characters, not preceded by a word character (an e-mail address).
# More names than this in one comment are not looked up (nobody mentions 20 colleagues).
MAX_MENTIONS = 20
MENTION_PATTERN = re.compile(r"(?<![\w@.])@([\w.+-]*[\w+-])")


def kinds():
    return [
        Kind(
            REPLY,
            _("Svar på mine kommentarer"),
            _("%(actor)s har svaret på din kommentar til “%(title)s”"),
            email_default=True,
            order=10,
        ),
        Kind(
            ON_MINE,
            _("Kommentarer til mine nyheder, projekter og workshopresultater"),
            _("%(actor)s har skrevet en kommentar til “%(title)s”"),
            email_default=True,
            order=20,
        ),
        Kind(
            MENTION,
            _("Når nogen nævner mig med @brugernavn"),
            _("%(actor)s har nævnt dig i en kommentar til “%(title)s”"),
            email_default=True,
            order=30,
        ),
    ]


def mentioned_names(body):
    return {name.lower() for name in MENTION_PATTERN.findall(body or "")}


def mentioned_users(body):
    """The active users named with @username in ``body`` (one query; none when nobody is named)."""
    return users_named(mentioned_names(body))


def users_named(names):
    names = sorted(names)[:MAX_MENTIONS]
    if not names:
        return []
    User = get_user_model()
    condition = Q()
    for name in names:
        condition |= Q(**{f"{User.USERNAME_FIELD}__iexact": name})
    return list(User.objects.filter(condition, is_active=True).order_by("pk"))


def _comment_url(page, comment):
    return f"{page.get_url() or page.url or '/'}#kommentar-{comment.pk}"


def notify_new_comment(comment, page):
    """Create the notifications about a new comment; returns them."""
    author = comment.author
    url = _comment_url(page, comment)
    common = {"actor": author, "title": page.title, "url": url, "excerpt": comment.body}
    told = set()
    made = []

    def tell(users, kind):
        users = [user for user in users if user is not None and user.pk not in told]
        users = users_who_may_view(page, users)
        made.extend(notification_services.notify(users, kind, exclude=told, **common))
        told.update(user.pk for user in users)

    if comment.parent_id is not None and comment.parent.is_visible:
        tell([comment.parent.author], REPLY)
    tell(mentioned_users(comment.body), MENTION)
    page_people = getattr(page, RECIPIENTS_METHOD, None)
    if callable(page_people):
        tell(list(page_people()), ON_MINE)
    targets = getattr(page, FOLLOW_TARGETS_METHOD, None)
    if callable(targets):
        tell(notification_services.followers_of(*targets()), FOLLOWED)
    return made


def notify_new_mentions(comment, page, before):
    """After an edit: tell those named now who were not named in the text ``before``."""
    old = mentioned_names(before)
    fresh = [user for user in mentioned_users(comment.body) if user.get_username().lower() not in old]
    fresh = users_who_may_view(page, fresh)
    return notification_services.notify(
        fresh, MENTION, actor=comment.author, title=page.title, url=_comment_url(page, comment), excerpt=comment.body
    )


def withdraw_for(comment):
    """A deleted or hidden comment takes back the notifications it caused (their excerpts quote it)."""
    return notification_services.withdraw(_comment_url(comment.page, comment))
