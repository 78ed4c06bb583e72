from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, render
from wagtail import hooks

# Other apps add sections to a profile page without people/ knowing them: a function
# registered under this hook name takes (request, person) and returns a dict with
# "template" and "context", or None to show nothing.
PROFILE_SECTIONS_HOOK = "people_profile_sections"


def profile_sections(request, person):
    sections = []
    for hook in hooks.get_hooks(PROFILE_SECTIONS_HOOK):
        section = hook(request, person)
        if section:
            sections.append(section)
    return sections


def profile(request, username):
    person = get_object_or_404(get_user_model(), username=username, is_active=True)
    return render(
        request,
        "people/profile.html",
        {"person": person, "sections": profile_sections(request, person), "is_own": person == request.user},
    )
