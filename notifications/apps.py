from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """In-site notifications, their e-mail copies, per-person preferences and follows.

    The lowest layer above ``core``: it knows no other app of the project. Other apps register
    their kinds of notification (``register_notification_kinds``) and the things one can follow
    (``register_followables``) through Wagtail hooks, and create notifications through
    :func:`notifications.services.notify`.
    """

    name = "notifications"
    verbose_name = _("Notifikationer")
