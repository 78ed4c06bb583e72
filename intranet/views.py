"""Project-wide views: health check, login, and media behind the login wall."""

import mimetypes

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import LoginForm


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
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_GET
def protected_media(request, path):
    """Serve uploaded files (image renditions, photos) only to logged-in users.

    The login middleware has already turned anonymous visitors away; this view only
    streams the file from the configured storage, so it works with S3 storage too.
    """
    if path.startswith(settings.PRIVATE_MEDIA_PREFIXES):
        # Files with their own permission-checked views (workshop attachments) are never served here.
        raise Http404
    try:
        found = default_storage.exists(path)
    except SuspiciousFileOperation as error:  # "../" tricks that leave the media folder
        raise Http404 from error
    if not found:
        raise Http404
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type or "application/octet-stream")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
