from django import template
from django.urls import reverse
from django.utils.html import format_html, urlize
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


@register.simple_tag
def comment_body(body, mentions):
    """The comment's plain text as HTML: web addresses and @mentions of colleagues become links.

    ``mentions`` maps lower-case names to user names (``Thread.mentions``); an @word that names
    nobody stays text. Everything else is escaped; line breaks become ``<br>``.
    """
    from ..notifications import MENTION_PATTERN

    parts = []
    position = 0
    for match in MENTION_PATTERN.finditer(body):
        username = mentions.get(match.group(1).lower())
        if username is None:
            continue
        parts.append(urlize(body[position : match.start()], nofollow=True, autoescape=True))
        url = reverse("people:profile", kwargs={"username": username})
        parts.append(format_html('<a class="mention" href="{}">@{}</a>', url, match.group(1)))
        position = match.end()
    parts.append(urlize(body[position:], nofollow=True, autoescape=True))
    html = "".join(str(part) for part in parts)
    return mark_safe(html.replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308 (escaped above)
