from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyMembership(models.Model):
    """A member of staff working for an agency: what they may see and write is that agency's."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_memberships",
        verbose_name=_("member of staff"),
    )
    agency = models.ForeignKey(
        "catalogue.Agency",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("agency"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agency membership")
        verbose_name_plural = _("agency memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="agency_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}"
