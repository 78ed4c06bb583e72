"""The blank action fields under each comment are drawn without Django's widget templates (speed);
they must stay identical to what the form itself would render."""

import pytest
from django.template.loader import render_to_string
from django.test.html import parse_html

from comments.forms import CommentForm, HideForm, ReportForm
from comments.handling import blank_field
from comments.templatetags.comment_tags import blank_field as draw


@pytest.mark.parametrize(
    ("form_class", "action", "value"),
    [(CommentForm, "reply", ""), (CommentForm, "edit", "Min <første> tekst\nlinje 2"), (ReportForm, "report", ""),
     (HideForm, "hide", "")],
)  # fmt: skip
def test_blank_field_matches_the_forms_own_rendering(form_class, action, value):
    name = next(iter(form_class.base_fields))
    form = form_class(auto_id=f"{action}-7-%s", initial={name: value} if value else None)
    expected = render_to_string("components/form_field.html", {"field": form[name]})
    assert parse_html(str(draw(blank_field(form_class, action, 7, value)))) == parse_html(expected)
