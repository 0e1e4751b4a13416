"""Delivering a sent form to the agency.

With SUBMISSION_DELIVERY_URL the answers go to the agency's own system as JSON; without it they
stay in the portal for the agency's staff (the back office), and the agency is told by e-mail that
a new one has arrived. The e-mail carries the reference and the service, never the answers.
"""

from typing import Any

import requests
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation

from asiointi.privacy.identity_codes import identity_codes_masked
from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import Submission


class DeliveryFailed(Exception):
    pass


def deliver(submission: Submission) -> None:
    if settings.SUBMISSION_DELIVERY_URL:
        _post(submission)
    else:
        _tell_agency(submission)


def delivery_document(submission: Submission) -> dict[str, Any]:
    """What the agency's system receives: answers valid against the version's JSON Schema."""
    return {
        "reference": submission.reference,
        "service": submission.service.slug,
        "schema": submission.version.schema.get("$id", ""),
        "form_version": submission.version.number,
        "sent_at": submission.sent_at.isoformat(),
        "language": submission.language,
        "business_id": submission.business_id,
        "answers": content_decrypt(submission.content_encrypted),
    }


def _post(submission: Submission) -> None:
    try:
        response = requests.post(
            settings.SUBMISSION_DELIVERY_URL,
            json=delivery_document(submission),
            headers={"Idempotency-Key": str(submission.pk)},
            timeout=15,
        )
    except requests.RequestException as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}") from None
    if not 200 <= response.status_code < 300:
        # Staff see this; the agency's answer may quote the answers it was sent.
        answer = identity_codes_masked(response.text)[:500]
        raise DeliveryFailed(f"HTTP {response.status_code}: {answer}")


def _tell_agency(submission: Submission) -> None:
    service = submission.service
    address = service.contact_email or service.agency.email
    if not address:
        raise DeliveryFailed(
            f"Neither the service nor its agency has an e-mail address ({service.slug})."
        )
    with translation.override("fi"):
        name = str(service.name)
    message = EmailMessage(
        subject=f"Uusi asiointi {submission.reference}: {name}",
        body=(
            f"Palveluun {name} on lähetetty uusi lomake, tunnus {submission.reference}.\n"
            "Avaa se asioinnin henkilöstön sivuilta.\n"
        ),
        to=[address],
        headers={"Auto-Submitted": "auto-generated"},
    )
    try:
        message.send()
    except Exception as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}") from None
