from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from .forms import ProfileForm
from .models import Profile, people_with_profiles

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


def profile_of(user):
    """The user's profile; made on the spot for an account that predates profiles."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        return Profile.objects.get_or_create(user=user)[0]


def profile(request, username):
    person = get_object_or_404(people_with_profiles(get_user_model().objects.filter(is_active=True)), username=username)
    return render(
        request,
        "people/profile.html",
        {
            "person": person,
            "profile": profile_of(person),
            "sections": profile_sections(request, person),
            "is_own": person == request.user,
        },
    )


@require_http_methods(["GET", "POST"])
def my_profile(request):
    """/min-profil/: the logged-in person edits their own profile, and only their own."""
    own_profile = profile_of(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=own_profile, user=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Din profil er gemt."))
            return redirect(reverse("people:profile", kwargs={"username": request.user.get_username()}))
    else:
        form = ProfileForm(instance=own_profile, user=request.user)
    return render(request, "people/my_profile.html", {"form": form, "profile": own_profile})
