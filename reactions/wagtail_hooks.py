from wagtail import hooks

from . import services


@hooks.register("comment_thread_loaded")
def attach_comment_reactions(comments, user):
    """Counts and the viewer's own reactions for every comment of a thread, in one query."""
    if comments:
        services.attach(comments, user)


@hooks.register("comment_thread_viewer_marks")
def my_comment_reactions(comments, user):
    """The comments of a thread the viewer likes: her buttons on them say "Synes ikke længere godt om"."""
    return services.reacted_ids(comments, user)
