from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .moderation import is_moderator


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def moderation_queue_menu_item():
    return ModerationMenuItem(gettext_lazy("Moderering"), reverse("moderation_queue"), icon_name="tasks", order=240)
