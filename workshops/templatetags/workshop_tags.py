from django import template

from ..models import WorkshopOutcomePage

register = template.Library()


@register.simple_tag
def published_outcomes(project):
    """The project's approved outcomes, newest workshop first (drafts never show)."""
    return list(WorkshopOutcomePage.objects.live().child_of(project).order_by("-workshop_date", "-pk"))
