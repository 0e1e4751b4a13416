"""Feedback's section of the personal data registry (privacy.personal_data): what a logged-in
customer sent. Erasure anonymises it; the agency keeps that it got feedback and answered."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from asiointi.customers.models import Customer
from asiointi.feedback.models import Feedback
from asiointi.feedback.retention import ANONYMISED, feedback_anonymise
from asiointi.privacy.personal_data import Section, personal_data_register


def _feedback(customer: Customer) -> list[dict[str, Any]]:
    sent = (
        Feedback.objects.filter(customer=customer)
        .exclude(message=ANONYMISED)
        .select_related("agency", "service")
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": item.reference,
            "agency": item.agency.name,
            "service": item.service.name if item.service else "",
            "kind": item.get_kind_display(),
            "sent_at": item.created_at,
            "message": item.message,
            "contact_name": item.contact_name,
            "contact_email": item.contact_email,
            "contact_phone": item.contact_phone,
            "answer": item.answer,
            "answered_at": item.answered_at,
        }
        for item in sent
    ]


def _erase(customer: Customer) -> int:
    return feedback_anonymise(Feedback.objects.filter(customer=customer))


def register() -> None:
    personal_data_register(
        Section("feedback", _("Feedback you have sent"), _feedback, erase=_erase, order=75)
    )
