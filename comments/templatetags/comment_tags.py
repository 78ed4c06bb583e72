from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def blank_field(field):
    """Draw a blank action field (see ``comments.handling.BlankField``) in the markup of components/form_field.html."""
    optional = "" if field.required else format_html(' <span class="weight-normal">({})</span>', _("valgfri"))
    return format_html(
        '<div class="form-group"><label class="form-label" for="{id}">{label}{optional}</label>'
        '<textarea name="{name}" cols="40" rows="{rows}" class="form-input" maxlength="{max_length}"'
        '{required} id="{id}">'
        "\n{value}</textarea></div>",
        id=field.id,
        label=field.label,
        optional=optional,
        name=field.name,
        rows=field.rows,
        max_length=field.max_length,
        required=mark_safe(" required") if field.required else "",  # noqa: S308 (a constant)
        value=field.value,
    )
