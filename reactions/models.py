from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Reaction(models.Model):
    """One person's "Synes godt om" (or support of an idea) on one object.

    The unique constraint is what keeps it at one per person and object, also when two presses
    arrive at the same moment (``services.add`` turns the loser's IntegrityError into a no-op).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="reactions"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    class Meta:
        verbose_name = _("reaktion")
        verbose_name_plural = _("reaktioner")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="reactions_one_per_person")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="reaction_target")]

    def __str__(self):
        return f"{self.user} → {self.content_type_id}:{self.object_id}"
