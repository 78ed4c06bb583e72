"""Comment moderation in the Wagtail admin: the audit-log actions, the list and the dashboard panel."""

from django.db.models import Prefetch
from django.middleware.csrf import get_token
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet

from core.moderation import MODERATION_SECTIONS_HOOK, ModerationSection

from . import notifications, services
from .admin_views import action_url, comment_viewset
from .models import Comment, CommentReport


@hooks.register("register_notification_kinds")
def comment_notification_kinds():
    return notifications.kinds()


def _comment_is_available(comment):
    return comment.is_visible and comment.page.live


@hooks.register("register_reactables")
def comments_can_be_liked():
    """ "Synes godt om" on visible comments of live pages (reactions/ reads this dict; no import either way)."""
    return [
        {
            "model": Comment,
            "is_available": _comment_is_available,
            "url": lambda comment: f"{comment.page.url or '/'}#kommentar-{comment.pk}",
            "page_of": lambda comment: comment.page_id,
        }
    ]


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    """Hiding and unhiding are written to Wagtail's audit log (Rapporter → Historik)."""
    actions.register_action("comments.hide", _("Skjul kommentar"), _("Kommentar skjult af moderator"))
    actions.register_action("comments.unhide", _("Vis kommentar igen"), _("Skjult kommentar vist igen"))
    actions.register_action("comments.dismiss_reports", _("Afvis anmeldelser"), _("Anmeldelser af kommentar afvist"))
    actions.register_action("comments.report", _("Anmeld kommentar"), _("Kommentar anmeldt"))
    actions.register_action("comments.delete", _("Slet egen kommentar"), _("Kommentar slettet af forfatteren"))


register_snippet(comment_viewset)


class ReportedCommentsPanel(Component):
    """The dashboard's count of comments waiting for a moderator."""

    name = "reported_comments"
    template_name = "comments/admin/reported_panel.html"
    order = 90

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {
            "reported_count": self.count,
            "list_url": comment_viewset.reported_list_url,
        }


@hooks.register("construct_homepage_panels")
def add_reported_comments_panel(request, panels):
    if services.can_moderate(request.user):
        panels.append(ReportedCommentsPanel(Comment.objects.reported().count()))


class ReportedCommentsSection(ModerationSection):
    """Comments with an open report, in the moderation queue at /moderering/."""

    key = "comments"
    order = 20
    template_name = "comments/moderation_section.html"
    shown = 100

    def count(self):
        return Comment.objects.reported().count()

    def summary(self, count):
        return ngettext("%(count)s anmeldt kommentar", "%(count)s anmeldte kommentarer", count) % {"count": count}

    def get_context_data(self, parent_context=None):
        open_reports = CommentReport.objects.filter(resolved_at__isnull=True).select_related("reporter")
        comments = list(
            Comment.objects.reported()
            .select_related("author", "page")
            .prefetch_related(Prefetch("reports", queryset=open_reports.order_by("created_at"), to_attr="open_reports"))
            .order_by("created_at")[: self.shown]
        )
        for comment in comments:
            comment.moderation_url = action_url("inspect", comment)
            comment.hide_url = action_url("hide", comment)
            comment.dismiss_url = action_url("dismiss", comment)
        request = (parent_context or {}).get("request")
        # Drawn outside the page's template context: the forms need the request's CSRF token.
        return {"reported_comments": comments, "request": request, "csrf_token": get_token(request) if request else ""}


@hooks.register(MODERATION_SECTIONS_HOOK)
def reported_comments_section(user):
    return ReportedCommentsSection(user) if services.can_moderate(user) else None


@hooks.register("person_data_export")
def export_comments(user):
    """For people/departure.py: the person's comments and the reports they made."""
    comments = Comment.objects.filter(author=user).select_related("page").order_by("created_at")
    return {
        "comments": [
            {
                "id": comment.pk,
                "page": comment.page.title,
                "page_id": comment.page_id,
                "reply_to": comment.parent_id,
                "body": comment.body,
                "status": comment.status,
                "created_at": comment.created_at.isoformat(),
                "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
            }
            for comment in comments
        ],
        "comment_reports": [
            {"comment": report.comment_id, "reason": report.reason, "created_at": report.created_at.isoformat()}
            for report in CommentReport.objects.filter(reporter=user).order_by("pk")
        ],
    }
