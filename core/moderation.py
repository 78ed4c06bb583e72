"""The moderation queue's extension point: what each app has waiting for a moderator.

``home`` draws the queue at /moderering/ and its count on the dashboard, without knowing which
apps have something to moderate. An app contributes by registering a function under
``MODERATION_SECTIONS_HOOK`` that takes the user and returns a :class:`ModerationSection`, or
None when the user does not moderate that kind of thing::

    @hooks.register(MODERATION_SECTIONS_HOOK)
    def reported_comments(user):
        return ReportedCommentsSection(user) if can_moderate(user) else None

Whoever gets at least one section is a moderator: home shows them the queue and its menu item.
Each app keeps its own rule of who may moderate what.
"""

from wagtail.admin.ui.components import Component

MODERATION_SECTIONS_HOOK = "moderation_queue_sections"


class ModerationSection(Component):
    """One kind of item awaiting ``user``, drawn as a section of the moderation queue.

    A Wagtail UI component: set ``template_name`` and override ``get_context_data``. The
    section is drawn before the page around it, so it may add messages for the request
    (``parent_context["request"]``). ``count`` and ``summary`` serve the dashboard and must
    run in a fixed number of queries.
    """

    key = ""
    order = 100

    def __init__(self, user):
        self.user = user

    def count(self):
        raise NotImplementedError

    def summary(self, count):
        """One line for the dashboard, e.g. "3 anmeldte kommentarer"."""
        raise NotImplementedError
