"""The organisation's section of the personal data registry (privacy.personal_data)."""

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from asiointi.privacy.personal_data import Section, personal_data_register

if TYPE_CHECKING:
    from asiointi.customers.models import Customer


def _organisation(customer: "Customer") -> dict[str, Any]:
    organisation = customer.organisation
    if organisation is None:
        return {}
    return {"business_id": organisation.business_id, "name": organisation.name}


def register() -> None:
    # An organisation's details are not a person's: the GDPR API never erases them.
    personal_data_register(Section("organisation", _("Organisation"), _organisation, order=20))
