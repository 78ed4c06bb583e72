import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def attachment_path(instance, filename):
    """An unguessable folder per file: attachments are only ever linked through a checked view."""
    return f"workshops/{uuid.uuid4().hex}/{Path(filename).name}"


class OutcomeAttachment(models.Model):
    """A document or photo from the workshop, served only to those who may see its outcome."""

    outcome = models.ForeignKey("workshops.WorkshopOutcomePage", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("filnavn"), max_length=255)
    size = models.PositiveBigIntegerField(_("størrelse"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vedhæftet fil")
        verbose_name_plural = _("vedhæftede filer")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("workshops:attachment", args=[self.pk])

    @property
    def extension(self):
        return Path(self.original_name).suffix.lstrip(".").upper()
