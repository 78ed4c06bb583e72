"""Comment moderation in the Wagtail admin: a read-only snippet listing plus hide, unhide and dismiss.

Moderators (``comments.moderate_comment``) list, filter, search and inspect comments and see each
one's audit log; nobody adds, edits or deletes a comment here (see ``core.viewsets``). The three
actions go through ``comments.services``, which writes Wagtail's audit log.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.snippets.views.snippets import IndexView, InspectView

from core.names import display_name
from core.viewsets import ReadOnlySnippetViewSet

from . import services
from .forms import HideForm
from .models import Comment

ACTIONS = ("hide", "unhide", "dismiss")
REPORTED_PARAMETER = "anmeldt"


def pages_with_comments():
    """Only pages that have comments (a plain page filter would list the whole tree)."""
    pages = Page.objects.filter(Exists(Comment.objects.filter(page_id=OuterRef("pk")))).order_by("title")
    return [(str(page.pk), page.title) for page in pages.only("pk", "title")]


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Comment.Status.choices)
    anmeldt = django_filters.ChoiceFilter(
        label=gettext_lazy("Anmeldt"),
        choices=[("ja", gettext_lazy("Med åbne anmeldelser")), ("nej", gettext_lazy("Uden åbne anmeldelser"))],
        method="filter_reported",
    )
    side = django_filters.ChoiceFilter(label=gettext_lazy("Side"), choices=pages_with_comments, field_name="page_id")

    class Meta:
        model = Comment
        fields = []

    def filter_reported(self, queryset, name, value):
        reported = Comment.objects.reported().values("pk")
        return queryset.filter(pk__in=reported) if value == "ja" else queryset.exclude(pk__in=reported)


def author_name(comment):
    return display_name(comment.author) if comment.author else _("Tidligere medarbejder")


def page_link(comment):
    return format_html('<a href="{}#kommentar-{}">{}</a>', comment.page.url or "", comment.pk, comment.page.title)


def action_url(action, comment):
    """The admin URL of a moderation action (``hide``, ``unhide``, ``dismiss``) or ``inspect`` for a comment."""
    return reverse(comment_viewset.get_url_name(action), args=[comment.pk])


def moderation_buttons(comment, with_dismiss):
    """Hide or unhide, and dismiss while reports are open: the moderator's choices for one comment."""
    url = action_url
    if comment.is_hidden:
        buttons = [Button(_("Vis igen"), url=url("unhide", comment), icon_name="view", priority=40)]
    else:
        buttons = [Button(_("Skjul"), url=url("hide", comment), icon_name="no-view", priority=40)]
    if with_dismiss:
        buttons.append(Button(_("Afvis anmeldelser"), url=url("dismiss", comment), icon_name="tick", priority=50))
    return buttons


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if services.can_moderate(self.request.user):
            buttons += moderation_buttons(instance, getattr(instance, "open_report_count", 0))
        return buttons


class CommentInspectView(InspectView):
    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        comment.open_reports = list(
            comment.reports.filter(resolved_at__isnull=True).select_related("reporter").order_by("created_at")
        )
        return comment

    def get_author_display_value(self):
        return author_name(self.object)

    def get_open_reports_display_value(self):
        return (
            "; ".join(
                f"{display_name(report.reporter)}: {report.reason or _('ingen begrundelse givet')}"
                for report in self.object.open_reports
            )
            or "-"
        )

    def get_field_label(self, field_name, field):
        if field_name == "open_reports":
            return _("Åbne anmeldelser")
        return super().get_field_label(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if services.can_moderate(self.request.user):
            buttons += moderation_buttons(self.object, self.object.open_reports)
        return buttons


class ModerateView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET shows a confirmation (with a reason field when hiding); POST acts and returns to the list."""

    model = Comment
    permission_required = "view"  # the comments' policy: moderators only
    template_name = "comments/admin/moderate.html"
    header_icon = "comment"
    index_url_name = None
    action = None  # "hide", "unhide" or "dismiss"
    titles = {
        "hide": gettext_lazy("Skjul kommentar"),
        "unhide": gettext_lazy("Vis kommentar igen"),
        "dismiss": gettext_lazy("Afvis anmeldelser"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not services.can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.titles[self.action]

    @property
    def index_url(self):
        return reverse(self.index_url_name)

    def get_form(self):
        if self.action != "hide":
            return None
        return HideForm(self.request.POST or None, auto_id="hide-%s")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        try:
            if self.action == "hide":
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form), status=400)
                services.hide_comment(self.object, request.user, form.cleaned_data["reason"])
                messages.success(request, _("Kommentaren er skjult."))
            elif self.action == "unhide":
                services.unhide_comment(self.object, request.user)
                messages.success(request, _("Kommentaren vises igen."))
            else:
                services.dismiss_reports(self.object, request.user)
                messages.success(request, _("Anmeldelserne er afvist. Kommentaren vises fortsat."))
        except ValidationError as error:
            if form is not None:
                form.add_error("reason", error)
                return self.render_to_response(self.get_context_data(form=form), status=400)
            messages.error(request, " ".join(error.messages))
        return redirect(self.next_url() or self.index_url)

    def next_url(self):
        """Where the moderator came from (the queue at /moderering/), when it is on this site."""
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return ""

    def get_context_data(self, **kwargs):
        reports = self.object.reports.filter(resolved_at__isnull=True).select_related("reporter")
        return super().get_context_data(
            instance=self.object,
            action=self.action,
            open_reports=reports.order_by("created_at"),
            next_url=self.next_url(),
            **kwargs,
        )


class CommentViewSet(ReadOnlySnippetViewSet):
    model = Comment
    see_permission = "moderate"
    icon = "comment"
    menu_label = gettext_lazy("Kommentarer")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    inspect_view_class = CommentInspectView
    filterset_class = CommentFilterSet
    list_display = [
        "__str__",
        Column("author", label=gettext_lazy("Forfatter"), accessor=author_name),
        Column("page", label=gettext_lazy("Side"), accessor=page_link),
        DateColumn("created_at", label=gettext_lazy("Oprettet"), sort_key="created_at"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"),
        Column(
            "open_report_count",
            label=gettext_lazy("Åbne anmeldelser"),
            accessor="open_report_count",
            sort_key="open_report_count",
        ),
    ]
    search_fields = ["body", "author__username", "author__first_name", "author__last_name", "page__title"]
    ordering = "-created_at"
    list_per_page = 50
    inspect_view_fields = ["page", "parent", "author", "body", "status", "created_at", "edited_at", "open_reports"]

    def get_queryset(self, request):
        return Comment.objects.select_related("author", "page").with_open_report_count()

    @property
    def list_url(self):
        return reverse(self.get_url_name("list"))

    @property
    def reported_list_url(self):
        return f"{self.list_url}?{REPORTED_PARAMETER}=ja"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"{action}/<int:pk>/",
                self.construct_view(ModerateView, action=action, index_url_name=self.get_url_name("list")),
                name=action,
            )
            for action in ACTIONS
        ]


comment_viewset = CommentViewSet()
