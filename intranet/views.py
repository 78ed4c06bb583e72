"""Project-wide views: health check, login and logout, and media behind the login wall."""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.routing import site_independent

from . import login_brake, oidc
from .forms import LoginForm


@site_independent
@never_cache
@require_GET
def healthz(request):
    """Load balancer probe: 200 when the database answers, 503 when it does not.

    No session is touched, so the answer carries no cookie.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


class LoginView(auth_views.LoginView):
    """The one login page. With single sign-on it offers "Log ind med din kommunale konto" above
    the local form; with ``OIDC_ONLY`` the local form is hidden and accepts superusers only
    (they reach it at ``/login/?lokal=1``).
    """

    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        login_brake.remember_browser(self.request, response, form.get_user().get_username())
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.braked:
            response.status_code = 429
        return response

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "superusers_only": settings.OIDC_ENABLED and settings.OIDC_ONLY}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.OIDC_ENABLED:
            next_url = context.get("next")
            context["oidc_login_url"] = reverse("oidc_authentication_init") + (
                f"?{urlencode({'next': next_url})}" if next_url else ""
            )
            context["local_form_hidden"] = (
                settings.OIDC_ONLY and self.request.method == "GET" and self.request.GET.get("lokal") != "1"
            )
            context["local_login_for_superusers"] = settings.OIDC_ONLY
        return context


class LogoutView(auth_views.LogoutView):
    """Django's logout (POST); a session that began with single sign-on ends at the provider too."""

    def post(self, request, *args, **kwargs):
        at_provider = oidc.provider_logout_url(request)  # before the session and its ID token are gone
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(at_provider) if at_provider else response


def media_path_is_clean(path):
    """True when ``path`` (already percent-decoded by Django) names a file plainly.

    Refuses empty, ``.`` and ``..`` segments (``x/../workshops/...``, ``%2e/workshops/...``,
    doubled slashes) and backslashes, so the prefix rule below sees the path the storage opens.
    """
    segments = path.split("/")
    return "\\" not in path and "\x00" not in path and all(segment not in ("", ".", "..") for segment in segments)


@require_GET
def admin_login(request):
    """Where Wagtail sends whoever may not use its admin: ``/admin/login/?next=...``.

    An employee who opens ``/admin/`` (a bookmark, a shared link) is logged in but lacks
    ``wagtailadmin.access_admin``; forwarding her to ``/login/`` would send her straight back
    (she is logged in), and so on. She gets a Danish page saying what the editing area is for.
    Editors who land here are sent on; anonymous visitors have been sent to ``/login/`` by the
    login wall already.
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return redirect(target or "wagtailadmin_home")
    if request.user.is_authenticated:
        list(messages.get_messages(request))  # Wagtail's "no permission" note: this page says it better
        return render(request, "intranet/admin_refused.html", status=403)
    return redirect_to_login(target or "/admin/", settings.LOGIN_URL)


@require_GET
def protected_media(request, path):
    """Serve image renditions (profile photos, pictures in pages) to logged-in users only.

    The login middleware has already turned anonymous visitors away. Only the prefixes in
    ``settings.SERVED_MEDIA_PREFIXES`` are served: Wagtail documents have their own
    permission-checked view (``/dokumenter/``, collection privacy), workshop attachments
    theirs, and nothing else is reachable here. Streams from the configured storage, so it
    works with S3 storage too.
    """
    if not media_path_is_clean(path) or not path.startswith(settings.SERVED_MEDIA_PREFIXES):
        raise Http404
    try:
        found = default_storage.exists(path)
    except SuspiciousFileOperation as error:  # anything that would leave the media folder
        raise Http404 from error
    if not found:
        raise Http404
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type or "application/octet-stream")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
