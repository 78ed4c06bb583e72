from wagtail import hooks

from . import services


@hooks.register("comment_thread_loaded")
def attach_comment_reactions(comments, user):
    """Counts and the viewer's own reactions for every comment of a thread, in one query."""
    if comments:
        services.attach(comments, user)
