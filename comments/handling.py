"""Comment POSTs on a commentable page, and the thread shown under it.

Thin: the rules are in ``services``; this module turns form data into service calls,
redirects on success (post/redirect/get) and renders the page again with the error
next to the field that caused it.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Value
from django.shortcuts import redirect
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail import hooks

from core import fragments, versions
from core.names import display_name

from . import notifications, services
from .constants import ACTION_FIELD, EDIT_WINDOW
from .forms import CommentForm, HideForm, ReportForm
from .models import Comment, CommentReport

# A function registered under this hook name takes (visible comments of a thread, user) and may
# set attributes on the comments for the thread's template (reactions/ sets ``comment.reaction``).
THREAD_HOOK = "comment_thread_loaded"
# A function registered under this hook name takes (the page's comments as a queryset, user) and
# returns a list of what the viewer's thread shows differently from another's (reactions/: the
# comments she likes). It is part of the cached thread's key, so it must not depend on anything else.
VIEWER_HOOK = "comment_thread_viewer_marks"


@dataclass
class FailedAction:
    """The form that failed, and which comment it belongs to, so the thread can show it in place."""

    action: str
    comment_id: int | None
    form: object = None
    message: str = ""


@dataclass
class Thread:
    page: object
    comments: list = field(default_factory=list)
    count: int = 0
    is_open: bool = True
    can_moderate: bool = False
    form: object = None
    failed: FailedAction | None = None
    action_field: str = ACTION_FIELD
    removed: int = 0  # deleted or hidden comments shown as a note in the list
    mentions: dict = field(default_factory=dict)
    page_url: str = ""  # the page's address, worked out once for the many forms that post to it


def build_thread(page, request):
    """All comments of the page in one query, arranged as top-level comments with their replies."""
    user = request.user
    queryset = Comment.objects.for_page(page).select_related("author").with_open_report_count()
    if user.is_authenticated:
        queryset = queryset.annotate(
            reported_by_me=Exists(
                CommentReport.objects.filter(comment=OuterRef("pk"), reporter=user, resolved_at__isnull=True)
            )
        )
    else:
        queryset = queryset.annotate(reported_by_me=Value(False))
    failed = getattr(request, "comment_failed_action", None)
    is_open = services.page_has_open_comments(page)
    thread = Thread(page=page, is_open=is_open, can_moderate=services.can_moderate(user), failed=failed)
    thread.page_url = page.get_url(request)
    thread.form = failed.form if failed and failed.action == "post" else CommentForm(auto_id="comment-%s")

    confirmation = request.session.pop(CONFIRMATION_KEY, None) if hasattr(request, "session") else None
    now = timezone.now()
    by_id = {}
    for comment in queryset:
        comment.reply_list = []
        comment.can_edit = user.is_authenticated and comment.can_be_edited_by(user, now)
        comment.can_delete = user.is_authenticated and comment.can_be_deleted_by(user)
        comment.can_report = comment.can_be_reported_by(user) and not comment.reported_by_me
        comment.can_reply = is_open and comment.is_visible and not comment.is_reply
        comment.failed = failed if failed and failed.comment_id == comment.pk else None
        comment.confirmation = confirmation["text"] if confirmation and confirmation.get("id") == comment.pk else ""
        _attach_forms(comment, user, thread)
        by_id[comment.pk] = comment
    thread.mentions = _known_mentions([comment.body for comment in by_id.values() if comment.is_visible])
    # Other apps add to the comments shown (reactions attach their counts) in one query each.
    for hook in hooks.get_hooks(THREAD_HOOK):
        hook([comment for comment in by_id.values() if comment.is_visible], user)
    for comment in by_id.values():
        if comment.is_visible:
            thread.count += 1
        elif comment.parent_id is None or comment.parent_id in by_id:
            thread.removed += 1
        if comment.parent_id is None:
            thread.comments.append(comment)
        elif comment.parent_id in by_id:
            by_id[comment.parent_id].reply_list.append(comment)
    _attach_kept_drawings(by_id.values(), thread, request)
    return thread


def _attach_kept_drawings(comments, thread, request):
    """Each comment's key for its own drawing (``comment_fragment_key``) and the drawings already kept, fetched at once.

    The thread is drawn again after every comment on the page; with each comment kept on its own, that
    is one comment drawn (the new one) and the rest taken from the cache, not the whole thread.
    """
    reading = (
        get_language(),
        timezone.get_current_timezone_name(),
        get_script_prefix(),
        request.get_full_path(),
        thread.page_url,
        thread.can_moderate,
    )
    for comment in comments:
        comment.fragment_key = comment_fragment_key(comment, thread, reading)
    found = fragments.kept(comment.fragment_key for comment in comments)
    for comment in comments:
        comment.kept_html = found.get(comment.fragment_key)


def comment_fragment_key(comment, thread, reading):
    """The key of one comment as comments/comment.html draws it for this reader; None when drawn afresh.

    A digest of all the template shows (``core.fragments.fragment_key`` with no versions): ``reading``,
    what is the same for the whole thread (language, time zone, addresses, moderator or not), then the
    text, status and dates, the author's name, the reactions, the forms this reader gets under it (which
    carry her rights: edit until a deadline, delete, report, hide), the report count a moderator sees and
    the @mentions it links. The same comment drawn for another reader with the same rights is the same
    drawing. A form that failed and a confirmation just made are drawn afresh.
    """
    if comment.failed or comment.confirmation:
        return None
    author = comment.author
    reaction = getattr(comment, "reaction", None)
    body = comment.body.lower()
    shown = (
        *reading,
        comment.pk,
        comment.parent_id,
        comment.status,
        comment.body,
        comment.created_at,
        comment.edited_at,
        comment.moderation_reason,
        (author.pk, author.is_active, author.get_username(), str(display_name(author))) if author else None,
        comment.open_report_count if thread.can_moderate else None,
        sorted((name, username) for name, username in thread.mentions.items() if name in body),
        (reaction.type_key, reaction.count, reaction.mine) if reaction else None,
        comment.reply_form,
        comment.edit_form,
        comment.edit_deadline() if comment.edit_form else None,
        comment.can_delete,
        comment.report_form,
        comment.reported_by_me,
        comment.hide_form,
    )
    return fragments.fragment_key("comment", shown, names=())


def thread_cache_key(page, request):
    """The cache key of ``page``'s thread as this reader sees it; None when it must be drawn afresh.

    The thread is the same for every reader with the same marks (``viewer_marks``): most readers
    share one fragment; an author, a reporter or a moderator sees her own. The versions in the key
    move on with every comment, report and reaction on the page (``core.fragments``), so it is never
    stale. A preview, a form that failed and a confirmation just made are drawn afresh.
    """
    if getattr(request, "is_preview", False) or getattr(request, "comment_failed_action", None) is not None:
        return None
    session = getattr(request, "session", None)
    if session is not None and CONFIRMATION_KEY in session:
        return None
    return fragments.fragment_key(
        "comment-thread",
        (page.pk, page.latest_revision_id, get_language(), request.get_full_path(), viewer_marks(page, request.user)),
        thread_versions(page),
    )


def thread_versions(page):
    return [
        fragments.PAGES,
        fragments.CONTENT,
        fragments.comments_of_page(page.pk),
        fragments.reactions_of_page(page.pk),
    ]


def viewer_marks(page, user):
    """What in the thread depends on the viewer: moderation, her own comments (editable for
    ``EDIT_WINDOW``), her open reports and what other apps add (``VIEWER_HOOK``).

    Kept per viewer and page under the same versions as the thread, so a repeated visit asks nothing.
    """
    if not user.is_authenticated:
        return ("anonymous",)

    def compute():
        comments = Comment.objects.for_page(page)
        own = list(comments.visible().filter(author=user).order_by("pk").values_list("pk", "created_at"))
        reported = list(
            CommentReport.objects.filter(comment__page_id=page.pk, reporter=user, resolved_at__isnull=True)
            .order_by("comment_id")
            .values_list("comment_id", flat=True)
        )
        others = [list(hook(comments, user)) for hook in hooks.get_hooks(VIEWER_HOOK)]
        return own, reported, others

    own, reported, others = versions.cached(("comment-thread-viewer", page.pk, user.pk), thread_versions(page), compute)
    now = timezone.now()
    editable = [pk for pk, created_at in own if now <= created_at + EDIT_WINDOW]
    return (services.can_moderate(user), [pk for pk, _at in own], editable, reported, others)


def _known_mentions(bodies):
    """``{lower-case name: user name}`` of the active users @mentioned in ``bodies``, for linking (one query)."""
    names = set()
    for body in bodies:
        names |= notifications.mentioned_names(body)
    if not names:
        return {}
    return {user.get_username().lower(): user.get_username() for user in notifications.users_named(names)}


@dataclass(frozen=True)
class BlankField:
    """The one text field of a blank action form (reply, edit, report, hide) under one comment.

    A thread of 200 comments carries up to 800 such forms; drawing each through Django's widget
    templates made the article page the slowest after search in the benchmark. The field's
    label, name, size and limits still come from the form class; only the drawing is plain
    (``comments/templatetags/comment_tags.py``). A form that failed is drawn the full way.
    """

    id: str
    name: str
    label: str
    rows: int
    max_length: int
    required: bool
    value: str = ""
    is_blank: bool = True


def blank_field(form_class, action, pk, value=""):
    name, field = next(iter(form_class.base_fields.items()))
    return BlankField(
        id=f"{action}-{pk}-{name}",
        name=name,
        label=str(field.label),
        rows=int(field.widget.attrs.get("rows", 4)),
        max_length=field.max_length,
        required=field.required,
        value=value,
    )


def _attach_forms(comment, user, thread):
    """Each action's form: a blank field, or (for the one that failed) the form bound with the user's input."""
    failed = comment.failed
    pk = comment.pk

    def form_for(action, form_class, allowed, value=""):
        # A failed form is shown where it was sent from even when the action is no longer
        # allowed (the window closed, the comment was hidden), so the error and the text are seen.
        if failed and failed.action == action and failed.form is not None:
            return failed.form
        return blank_field(form_class, action, pk, value) if allowed else None

    comment.reply_form = form_for("reply", CommentForm, comment.can_reply)
    comment.edit_form = form_for("edit", CommentForm, comment.can_edit, value=comment.body)
    comment.report_form = form_for("report", ReportForm, comment.can_report)
    comment.hide_form = form_for("hide", HideForm, thread.can_moderate and comment.is_visible)


def _comment_of_page(page, request):
    try:
        return Comment.objects.select_related("page").get(page_id=page.pk, pk=int(request.POST.get("comment", "")))
    except (ValueError, Comment.DoesNotExist) as error:
        raise ValidationError(_("Kommentaren findes ikke på denne side.")) from error


# The actions on one existing comment: (form with its one text field or None, service, success message).
COMMENT_ACTIONS = {
    "edit": (CommentForm, services.edit_comment, gettext_lazy("Din kommentar er rettet.")),
    "delete": (None, services.delete_comment, gettext_lazy("Din kommentar er slettet.")),
    "report": (ReportForm, services.report_comment, gettext_lazy("Tak. Kommentaren er sendt til en moderator.")),
    "hide": (HideForm, services.hide_comment, gettext_lazy("Kommentaren er skjult.")),
    "unhide": (None, services.unhide_comment, gettext_lazy("Kommentaren vises igen.")),
}


def handle_comment_post(page, request, render_page):
    """Run one comment action posted to ``page``; ``render_page`` renders the page itself."""
    action = request.POST.get(ACTION_FIELD)
    comment_id = None
    form = None
    try:
        if action in ("post", "reply"):
            parent = None
            if action == "reply":
                parent = _comment_of_page(page, request)
                comment_id = parent.pk
            auto_id = f"reply-{comment_id}-%s" if parent else "comment-%s"
            form = CommentForm(request.POST, auto_id=auto_id)
            if form.is_valid():
                comment, created = services.post_comment(
                    page=page, author=request.user, body=form.cleaned_data["body"], parent=parent
                )
                if created:
                    done = _("Dit svar er offentliggjort.") if parent else _("Din kommentar er offentliggjort.")
                else:
                    done = _("Kommentaren var allerede sendt. Den er kun gemt én gang.")
                return _back_to(page, request, comment, done)
        elif action in COMMENT_ACTIONS:
            form_class, act, done = COMMENT_ACTIONS[action]
            comment = _comment_of_page(page, request)
            comment_id = comment.pk
            form = form_class(request.POST, auto_id=f"{action}-{comment.pk}-%s") if form_class else None
            if form is None or form.is_valid():
                act(comment, request.user, *(form.cleaned_data.values() if form else ()))
                return _back_to(page, request, comment, str(done))
        else:
            raise ValidationError(_("Ukendt handling. Genindlæs siden, og prøv igen."))
        failed = FailedAction(action, comment_id, form)
    except ValidationError as error:
        failed = FailedAction(action or "", comment_id, form)
        field_name = next((name for name in ("body", "reason") if form is not None and name in form.fields), None)
        if field_name and form.is_bound:
            form.add_error(field_name, error)
        else:
            failed.message = " ".join(error.messages)
    except PermissionDenied:
        failed = FailedAction(action or "", comment_id, form, message=_("Du har ikke adgang til at gøre dette."))
        response = _render_failed(request, render_page, failed)
        response.status_code = 403
        return response
    return _render_failed(request, render_page, failed)


def _render_failed(request, render_page, failed):
    request.comment_failed_action = failed
    response = render_page()
    response.status_code = 400
    return response


# The confirmation of the last comment action, shown next to the comment the page jumps to
# (not at the top of the page, out of sight of the reader who lands at the comment).
CONFIRMATION_KEY = "comments_confirmation"


def _back_to(page, request, comment, confirmation):
    if hasattr(request, "session"):
        request.session[CONFIRMATION_KEY] = {"id": comment.pk, "text": str(confirmation)}
    else:
        messages.success(request, confirmation)
    return redirect(f"{page.get_url(request)}#kommentar-{comment.pk}")
