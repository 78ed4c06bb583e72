"""Notifications of the outcome workflow: the reviewers hear of a submission, the submitter of the decision.

They replace Wagtail's own workflow e-mails for outcomes (see ``signals.py``). They are created
in the transaction of the submission or decision (a rolled-back decision tells nobody) through
``notifications.services.notify``; whoever wants it by e-mail gets a copy from the background
worker, with the reviewer's comment and absolute links.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.privacy import users_who_may_view
from notifications import services as notification_services
from notifications.kinds import Kind
from people import roles

REVIEW = "outcome_review"
DECISION = "outcome_decision"
FOLLOWED = "followed_content"


def kinds():
    return [
        Kind(
            REVIEW,
            gettext_lazy("Workshopresultater, der venter på min godkendelse"),
            gettext_lazy("%(actor)s har sendt workshopresultatet “%(title)s” til din godkendelse"),
            email_default=True,
            order=40,
        ),
        Kind(
            DECISION,
            gettext_lazy("Afgørelser om mine workshopresultater"),
            gettext_lazy("%(actor)s har behandlet dit workshopresultat “%(title)s”"),
            help_text=gettext_lazy("Afgørelsen kommer også altid som e-mail fra godkendelsen."),
            email_optional=False,
            order=50,
        ),
    ]


def reviewers_of(page):
    """The project's current lead and every active Moderator, never the submitter."""
    User = get_user_model()
    users = User.objects.filter(is_active=True, groups__name=roles.MODERATORS)
    project = page.project
    if project is not None and project.lead_id:
        users = users | User.objects.filter(pk=project.lead_id, is_active=True)
    return list(users.exclude(pk=page.owner_id).distinct().order_by("pk"))


def notify_submitted(page, submitter):
    project = page.project
    excerpt = _("Under projektet %(project)s.") % {"project": project.title} if project else ""
    return notification_services.notify(
        reviewers_of(page),
        REVIEW,
        actor=submitter,
        title=page.draft_title or page.title,
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        excerpt=excerpt,
    )


def notify_review_stopped(page, reviewer):
    """A reviewer stopped the review in the admin: the submitter may change the outcome and send it again."""
    owner = get_user_model().objects.filter(pk=page.owner_id).first()
    return notification_services.notify(
        owner,
        DECISION,
        actor=reviewer,
        title=page.draft_title or page.title,
        url=reverse("workshops:edit_outcome", args=[page.pk]),
        excerpt=_("Godkendelsen er stoppet, og resultatet ligger som kladde. Ret det om nødvendigt, og send det igen."),
    )


def notify_decided(page, reviewer, approved, comment=""):
    if approved:
        verdict = _("Godkendt og udgivet, så alle kolleger kan se det.")
        url = page.get_url() or page.url or reverse("workshops:my_submissions")
    else:
        verdict = _("Ændringer ønsket: ret resultatet, og send det igen.")
        url = reverse("workshops:edit_outcome", args=[page.pk])
    excerpt = verdict + (" " + _("Kommentar: %(comment)s") % {"comment": comment} if comment else "")
    owner = get_user_model().objects.filter(pk=page.owner_id).first()
    return notification_services.notify(
        owner, DECISION, actor=reviewer, title=page.draft_title or page.title, url=url, excerpt=excerpt
    )


def notify_published(page):
    """A newly published outcome reaches those who follow its project."""
    project = page.project
    if project is None:
        return []
    return notification_services.notify(
        users_who_may_view(page, notification_services.followers_of(project)),
        FOLLOWED,
        actor=page.owner,
        title=page.title,
        url=page.get_url() or page.url or "/",
        excerpt=page.introduction,
    )
