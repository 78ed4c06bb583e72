"""The admin form every page of the intranet uses."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class BasePageForm(WagtailAdminPageForm):
    """A taken address says which page holds it; a forgotten draft never blocks a new page.

    Autosave keeps drafts of abandoned articles. When a *new* page gets the address of a sibling
    that was never published, the new page takes the next free address (``-2``, ``-3`` ...) as
    Wagtail does for pages made in code; otherwise the error names the page and links to it. A
    draft the same editor saved in the last ``SAME_PAGE_SECONDS`` is not forgotten but most likely
    this very page, saved a moment ago by an autosave racing the editor's click: it is named and
    linked too, rather than a second page being made.
    """

    SAME_PAGE_SECONDS = 120

    def clean(self):
        slug = self.cleaned_data.get("slug")
        parent = self.parent_page
        if slug and parent is not None and not Page._slug_is_available(slug, parent, self.instance):
            holder = parent.get_children().filter(slug=slug).exclude(pk=self.instance.pk).first()
            if holder is not None and self.instance.pk is None and not holder.live and not self._just_saved(holder):
                self.cleaned_data["slug"] = self._free_slug(slug, parent)
            elif holder is not None:
                self.cleaned_data.pop("slug")
                self.add_error("slug", self.taken_error(slug, holder))
        return super().clean()

    def _just_saved(self, holder):
        """Whether ``holder`` is this editor's draft of the last moments (a page not yet given a revision counts)."""
        user = getattr(self, "for_user", None)
        if user is None or holder.owner_id != user.pk:
            return False
        saved = holder.latest_revision_created_at
        return saved is None or timezone.now() - saved < datetime.timedelta(seconds=self.SAME_PAGE_SECONDS)

    @staticmethod
    def _free_slug(slug, parent):
        taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
        number = 2
        while f"{slug}-{number}" in taken:
            number += 1
        return f"{slug}-{number}"

    @staticmethod
    def taken_error(slug, holder):
        """The address is taken by ``holder``: the error names it and links to its edit screen."""
        state = _("udgivet") if holder.live else _("kladde")
        return ValidationError(
            format_html(
                _(
                    "Adressen “{slug}” bruges allerede af “{title}” ({state}). "
                    '<a href="{url}">Åbn den</a>, eller vælg en anden adresse.'
                ),
                slug=slug,
                title=holder.draft_title,
                state=state,
                url=reverse("wagtailadmin_pages:edit", args=[holder.pk]),
            )
        )
