"""Confirmation codes' section of the personal data registry (privacy.personal_data)."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from asiointi.privacy.personal_data import Section, personal_data_register
from asiointi.registration.models import ContactVerification
from asiointi.registration.selectors import contact_verifications_data

if TYPE_CHECKING:
    from asiointi.customers.models import Customer


def _erase(customer: "Customer") -> int:
    if customer.person is None:
        return 0
    deleted, _by_model = ContactVerification.objects.filter(user=customer.person).delete()
    return deleted


def register() -> None:
    personal_data_register(
        Section(
            "contact_confirmations",
            _("Confirmation codes sent"),
            lambda c: contact_verifications_data(person=c.person) if c.person else [],
            erase=_erase,
            order=80,
        )
    )
