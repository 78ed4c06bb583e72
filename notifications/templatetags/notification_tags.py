from django import template

from .. import services
from ..kinds import followable_for

register = template.Library()


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, obj, label=""):
    """A "Følg" / "Følg ikke længere" button for a followable object (one query)."""
    request = context["request"]
    followable = followable_for(obj)
    if followable is None or not request.user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "type_key": followable.type_key,
        "object": obj,
        "label": label or followable.label,
        "following": services.is_following(request.user, obj),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
