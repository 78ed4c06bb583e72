"""The one way non-page data is listed in the Wagtail admin: snippet viewsets.

Themes, categories and people are edited there (``SnippetViewSet``). Comments and ideas are
only *seen* there: they change through their own rules (a moderator hides a comment with a
reason, a lead moves an idea with a history entry), so :class:`ReadOnlySnippetViewSet` lists,
filters, searches, inspects and exports them, shows their audit log, and lets nobody add, edit,
copy or delete. The rule is a permission policy (Wagtail 8 looks it up per model), so every
view, menu item and bulk action of the snippet asks the server the same question. See
https://docs.wagtail.org/en/stable/topics/snippets/customising.html and
https://docs.wagtail.org/en/stable/extending/custom_permissions.html.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import HistoryView, SnippetViewSet


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only ``view``, and only for holders of ``<app>.<see>_<model>`` (``view`` by default).

    ``see="moderate"`` makes the comments' own ``comments.moderate_comment`` the key, so the admin
    list and the moderation actions ask one permission.
    """

    def __init__(self, model, see="view"):
        super().__init__(model)
        self.see = see

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(self._get_permission_name(self.see))

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames([self._get_permission_codename(self.see)])


class ReadOnlyHistoryView(HistoryView):
    """The audit log of an object for those who may see it (Wagtail asks for an edit right by default)."""

    any_permission_required = ["view"]


class ReadOnlySnippetViewSet(SnippetViewSet):
    """A snippet listing with inspect, history and export, and no way to change the objects."""

    see_permission = "view"
    inspect_view_enabled = True
    copy_view_enabled = False
    history_view_class = ReadOnlyHistoryView
    # Searched in the database (``icontains``), as the old modeladmin lists were.
    search_backend_name = None
    # Saving a comment or an idea must not write Wagtail's reference index: nothing links to them.
    add_to_reference_index = False

    def register_chooser_viewset(self):
        """No chooser: nothing picks a comment or an idea, and Wagtail's choosers list without asking the policy."""

    def on_register(self):
        register_permission_policy(self.model, ReadOnlyPermissionPolicy(self.model, self.see_permission))
        super().on_register()
