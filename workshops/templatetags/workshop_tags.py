from django import template

from core.privacy import visible

from ..models import WorkshopOutcomePage

register = template.Library()


@register.simple_tag(takes_context=True)
def published_outcomes(context, project):
    """The project's approved outcomes this reader may see, newest workshop first (drafts never show)."""
    outcomes = WorkshopOutcomePage.objects.live().child_of(project).order_by("-workshop_date", "-pk")
    return list(visible(outcomes, context["request"]))
