"""Who a customer's notifications go to, answered by the app that keeps the customer's choice.

The notify app sits below the apps that know a customer's contact details and preference, so the
app holding them registers the one answer in its AppConfig.ready() (the folder app does:
`folder.notifying.customer_recipients`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from asiointi.notify.rendering import ChannelName


@dataclass(frozen=True)
class Recipients:
    language: str  # the customer's choice, else "" for the language of what they did
    addresses: tuple[tuple[ChannelName, str], ...]  # confirmed ones only, by the chosen channels


# Called with the customer (customers.Customer; this app does not import it).
RecipientsHook = Callable[[Any], Recipients]
_hook: list[RecipientsHook] = []


def recipients_hook_register(hook: RecipientsHook) -> None:
    _hook[:] = [hook]


def recipients_of(customer: Any) -> Recipients:
    if not _hook:
        raise RuntimeError("No app has registered who customers' notifications go to")
    return _hook[0](customer)


def recipient_mask(channel: str, address: str) -> str:
    """Enough to recognise one's own address: te•••@example.fi, +35840•••67."""
    if channel == "email":
        local, _, domain = address.partition("@")
        return f"{local[:2]}•••@{domain}"
    return f"{address[:6]}•••{address[-2:]}"
