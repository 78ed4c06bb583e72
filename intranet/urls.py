from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import oidc, views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    # Single sign-on (answers 404 while OIDC_ISSUER is unset); the provider returns to /oidc/callback/.
    path("oidc/authenticate/", oidc.AuthenticateView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", oidc.CallbackView.as_view(), name="oidc_authentication_callback"),
    path("i18n/", include("django.conf.urls.i18n")),
    # One login page for everyone: the admin's own login screen forwards to it (or, for a logged-in
    # employee without admin access, explains that the editing area is for editors).
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("soeg/", include("search.urls")),
    path("", include("people.urls")),
    path("", include("workshops.urls")),
    path("", include("home.urls")),
    # Before news.urls, whose catch-all answers 404 for every other address under /feed/.
    path("", include("events.urls")),
    path("", include("news.urls")),
    path("", include("notifications.urls")),
    path("", include("reactions.urls")),
    re_path(r"^media/(?P<path>.+)$", views.protected_media, name="media"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]
