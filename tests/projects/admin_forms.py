"""POST data for the Wagtail admin's project edit form, as the browser would send it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def project_form_data(project, *, action="action-publish", team=(), **changes):
    fields = {
        "title": project.title,
        "slug": project.slug,
        "introduction": project.introduction,
        "theme": project.theme_id or "",
        "status": project.status,
        "start_date": project.start_date.isoformat() if project.start_date else "",
        "end_date": project.end_date.isoformat() if project.end_date else "",
        "purpose": project.purpose,
        "body": streamfield([]),
        "team_members": inline_formset([{"user": user.pk, "role": role} for user, role in team]),
        "contact_name": project.contact_name,
        "contact_email": project.contact_email,
        "contact_phone": project.contact_phone,
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    fields.update(changes)
    data = nested_form_data(fields)
    data[action] = action
    return data
