"""Thin views over ``notifications.services``: the list, marking read, preferences and follow buttons."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .forms import FollowForm, PreferencesForm
from .models import Notification

PER_PAGE = 20


def _next_url(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@require_GET
def index(request):
    page_obj = Paginator(services.notifications_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/index.html",
        {"page_obj": page_obj, "notifications": page_obj.object_list, "unread": services.unread_count(request.user)},
    )


@require_POST
def mark_read(request, pk):
    try:
        services.mark_read(request.user, pk)
    except Notification.DoesNotExist as missing:
        raise Http404 from missing
    messages.success(request, _("Notifikationen er markeret som læst."))
    return redirect(_next_url(request, "notifications:index"))


@require_POST
def mark_all_read(request):
    count = services.mark_all_read(request.user)
    if count:
        messages.success(request, _("Alle notifikationer er markeret som læst."))
    return redirect(_next_url(request, "notifications:index"))


@require_http_methods(["GET", "POST"])
def preferences(request):
    current = services.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, preferences=current)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(request.user, form.choices())
        messages.success(request, _("Dine valg for notifikationer er gemt."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
def follow(request):
    form = FollowForm(request.POST)
    back = _next_url(request, "/")
    if not form.is_valid():
        messages.error(request, _("Det kan man ikke følge."))
        return redirect(back)
    try:
        target = services.target_of(form.cleaned_data["type"], form.cleaned_data["id"])
        if form.cleaned_data["action"] == "follow":
            services.follow(request.user, target)
            messages.success(
                request, _("Du følger nu “%(title)s”. Nyt herfra kommer i dine notifikationer.") % {"title": target}
            )
        else:
            services.unfollow(request.user, target)
            messages.success(request, _("Du følger ikke længere “%(title)s”.") % {"title": target})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back)
