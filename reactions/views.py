"""A reaction press (POST, back to the page; htmx gets the button alone) and the on-demand list of who reacted."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import services
from .forms import ReactionForm
from .registry import reactable_for


def _back(request, obj):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    reactable = reactable_for(obj) if obj is not None else None
    return (reactable.url(obj) if reactable else None) or "/"


@require_POST
def react(request):
    form = ReactionForm(request.POST)
    is_htmx = request.headers.get("HX-Request") == "true"
    if not form.is_valid():
        messages.error(request, _("Din reaktion kunne ikke gemmes. Genindlæs siden, og prøv igen."))
        return redirect(_back(request, None))
    try:
        obj = services.target_of(form.cleaned_data["type"], form.cleaned_data["id"])
    except ValidationError as error:
        if is_htmx:
            return HttpResponse(" ".join(error.messages), status=404)
        messages.error(request, " ".join(error.messages))
        return redirect(_back(request, None))
    if form.cleaned_data["action"] == "add":
        services.add(request.user, obj)
    else:
        services.remove(request.user, obj)
    if is_htmx:
        html = render_to_string(
            "reactions/button.html",
            {"reaction": services.summary_of(obj, request.user), "next": request.POST.get("next", "")},
            request=request,
        )
        return HttpResponse(html)
    return redirect(_back(request, obj))


@require_GET
def who(request, type_key, object_id):
    try:
        obj = services.target_of(type_key, object_id)
    except ValidationError as missing:
        raise Http404 from missing
    reactable = reactable_for(obj)
    return render(
        request,
        "reactions/who.html",
        {
            "object": obj,
            "heading": str(reactable.list_title) % {"title": obj},
            "people": services.reactors(obj),
            "back_url": reactable.url(obj),
        },
    )
