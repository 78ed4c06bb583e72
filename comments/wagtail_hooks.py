"""Comment moderation in the Wagtail admin: the audit-log actions, the list and the dashboard panel."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Exists, OuterRef, Prefetch
from django.middleware.csrf import get_token
from django.urls import re_path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.moderation import MODERATION_SECTIONS_HOOK, ModerationSection
from core.names import display_name

from . import notifications, services
from .admin_views import ModerateView
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


class ReportedFilter(SimpleListFilter):
    title = _("anmeldt")
    parameter_name = "anmeldt"

    def lookups(self, request, model_admin):
        return [("ja", _("Med åbne anmeldelser")), ("nej", _("Uden åbne anmeldelser"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.reported()
        if self.value() == "nej":
            return queryset.exclude(pk__in=Comment.objects.reported().values("pk"))
        return queryset


class PageFilter(SimpleListFilter):
    """Only pages that have comments (a plain page filter would list the whole tree)."""

    title = _("side")
    parameter_name = "side"

    def lookups(self, request, model_admin):
        pages = Page.objects.filter(Exists(Comment.objects.filter(page_id=OuterRef("pk")))).order_by("title")
        return [(str(page.pk), page.title) for page in pages.only("pk", "title")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(page_id=int(self.value()))
        return queryset


class CommentPermissionHelper(PermissionHelper):
    """Moderators list, inspect, hide and unhide; nobody creates, edits or deletes comments here."""

    def user_can_list(self, user):
        return services.can_moderate(user)

    def user_can_inspect_obj(self, user, obj):
        return services.can_moderate(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class CommentButtonHelper(ButtonHelper):
    def moderation_button(self, obj, action, label):
        return {
            "url": self.url_helper.get_action_url(action, obj.pk),
            "label": label,
            "classname": self.finalise_classname(["button-secondary"]),
            "title": f"{label}: {obj}",
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not services.can_moderate(self.request.user):
            return buttons
        if obj.is_hidden:
            buttons.append(self.moderation_button(obj, "unhide", _("Vis igen")))
        else:
            buttons.append(self.moderation_button(obj, "hide", _("Skjul")))
        if getattr(obj, "open_report_count", 0):
            buttons.append(self.moderation_button(obj, "dismiss", _("Afvis anmeldelser")))
        return buttons


@modeladmin_register
class CommentAdmin(ModelAdmin):
    model = Comment
    menu_label = _("Kommentarer")
    menu_icon = "comment"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    permission_helper_class = CommentPermissionHelper
    button_helper_class = CommentButtonHelper
    list_display = ("excerpt", "author_name", "page_link", "created_at", "status", "open_reports")
    list_filter = ("status", ReportedFilter, PageFilter)
    search_fields = ("body", "author__username", "author__first_name", "author__last_name", "page__title")
    ordering = ("-created_at",)
    list_per_page = 50
    inspect_view_fields = ["page", "parent", "author", "body", "status", "created_at", "edited_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "page").with_open_report_count()

    def excerpt(self, obj):
        return str(obj)

    excerpt.short_description = _("kommentar")

    def author_name(self, obj):
        if obj.author is None:
            return _("Tidligere medarbejder")
        return display_name(obj.author)

    author_name.short_description = _("forfatter")

    def page_link(self, obj):
        return format_html('<a href="{}#kommentar-{}">{}</a>', obj.page.url or "", obj.pk, obj.page.title)

    page_link.short_description = _("side")

    def open_reports(self, obj):
        return obj.open_report_count

    open_reports.short_description = _("åbne anmeldelser")

    def moderate_view(self, request, instance_pk, action):
        return ModerateView.as_view(model_admin=self, instance_pk=instance_pk, action=action)(request)

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        for action in ("hide", "unhide", "dismiss"):
            urls += (
                re_path(
                    self.url_helper.get_action_url_pattern(action),
                    self.moderate_view,
                    {"action": action},
                    name=self.url_helper.get_action_url_name(action),
                ),
            )
        return urls


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
            "list_url": f"{CommentAdmin().url_helper.index_url}?{ReportedFilter.parameter_name}=ja",
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
        url_helper = CommentAdmin().url_helper
        for comment in comments:
            comment.moderation_url = url_helper.get_action_url("inspect", comment.pk)
            comment.hide_url = url_helper.get_action_url("hide", comment.pk)
            comment.dismiss_url = url_helper.get_action_url("dismiss", comment.pk)
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
