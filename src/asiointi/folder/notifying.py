"""Telling a customer of something: the one way every app reaches a customer by e-mail or SMS."""

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation

from asiointi.customers.models import Customer
from asiointi.folder.models import NotificationPreference
from asiointi.folder.selectors import confirmed_contacts
from asiointi.notify.services import notification_send

logger = logging.getLogger(__name__)


def customer_notify(
    *,
    customer: Customer,
    template: str,
    context: Callable[[], dict[str, Any]],
    language: str | None = None,
) -> list[str]:
    """Send `template` by the channels the customer chose (e-mail, SMS or both), in their
    language, to their confirmed addresses; sent once the caller's transaction commits.

    `context` is called inside the customer's language, so its links and names are theirs.
    A customer without a choice is told by e-mail, or by SMS when that is all they confirmed;
    one without confirmed contact details is not told. An organisation is told at its own
    confirmed address, not at those of the people acting for it. Returns the channels used."""
    preference = NotificationPreference.objects.filter(customer=customer).first()
    addresses = confirmed_contacts(customer=customer)
    if not any(addresses.values()):
        logger.info("Customer %s has no confirmed contact details to notify", customer.pk)
        return []
    channel = preference.channel if preference else ("email" if addresses["email"] else "sms")
    # Their stored choice, else the language of what they did (`language`), else the default.
    language = preference.language if preference else (language or settings.LANGUAGE_CODE)
    used = []
    with translation.override(language):
        values = context()
        for name in ("email", "sms"):
            if channel in (name, "both") and addresses[name]:
                notification_send(
                    channel=name,  # type: ignore[arg-type]
                    to=addresses[name],
                    template=template,
                    context=values,
                    language=language,
                )
                used.append(name)
    return used
