"""Content-Security-Policy: a strict policy for the intranet's pages, a wider one for Wagtail's admin.

django-csp sends ``settings.CONTENT_SECURITY_POLICY`` on every response. The Wagtail admin (and
only the admin) needs more than our own pages: the inline scripts its form widgets start with, inline styles
and blob: images for uploads. This subclass sends ``settings.ADMIN_CONTENT_SECURITY_POLICY``
for addresses under ``/admin/`` instead; a view that sets its own policy with django-csp's
decorators keeps it.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class IntranetCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
