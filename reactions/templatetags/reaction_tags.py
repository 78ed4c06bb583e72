from django import template

from .. import services

register = template.Library()


@register.inclusion_tag("reactions/button.html", takes_context=True)
def reaction_button(context, obj, anchor=""):
    """The reaction button of ``obj``: uses ``obj.reaction`` when a view attached it (``services.attach``),
    else the cached summary (``services.cached_summary_of``: one query when the page's reactions moved)."""
    request = context["request"]
    summary = getattr(obj, "reaction", None) or services.cached_summary_of(obj, request.user)
    next_url = request.get_full_path() + (f"#{anchor}" if anchor else "")
    return {"reaction": summary, "next": next_url, "csrf_token": context.get("csrf_token"), "request": request}
