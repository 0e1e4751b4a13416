from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Customer(models.Model):
    """Whose folder a thing belongs to: one person, or one organisation.

    Everything a customer owns points here, so a person's and an organisation's folder work alike.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="customer",
        verbose_name=_("person"),
    )
    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="customer",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="customer_is_person_or_organisation",
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation or self.person)

    @property
    def is_organisation(self) -> bool:
        return self.organisation_id is not None
