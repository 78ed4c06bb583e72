from django.utils.functional import SimpleLazyObject


def unread_notifications(request):
    """``unread_notifications``: the header's unread count, counted only when a template shows it."""
    from .services import unread_count

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
