"""Who a customer is told at: their stored choice and confirmed contacts (notify's recipients hook).

Registered with `notify.recipients.recipients_hook_register` in the folder's AppConfig.ready(),
since the choice (`NotificationPreference`) is kept here; every app tells a customer through
`notify.services.customer_notify`.
"""

from typing import cast

from asiointi.customers.models import Customer
from asiointi.folder.models import NotificationPreference
from asiointi.folder.selectors import confirmed_contacts
from asiointi.notify.recipients import Recipients
from asiointi.notify.rendering import ChannelName


def customer_recipients(customer: Customer) -> Recipients:
    """By the channels the customer chose (e-mail, SMS or both) to their confirmed addresses.

    Without a choice: by e-mail, or by SMS when that is all they confirmed, in the language of
    what they did. An organisation is told at its own confirmed contacts, never at those of the
    people acting for it. Without confirmed contact details: nobody."""
    preference = NotificationPreference.objects.filter(customer=customer).first()
    contacts = confirmed_contacts(customer=customer)
    if preference:
        chosen = ("email", "sms") if preference.channel == "both" else (preference.channel,)
    else:
        chosen = ("email",) if contacts["email"] else ("sms",)
    addresses = tuple(
        (cast(ChannelName, channel), contacts[channel]) for channel in chosen if contacts[channel]
    )
    return Recipients(language=preference.language if preference else "", addresses=addresses)
