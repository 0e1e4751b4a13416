"""Whether the agency has let this customer use a service that requires contacting it first.

The grants are kept by the submissions app (`AccessGrant`, given in the back office); it registers
its lookup here with `access_grant_hook_register` in its `AppConfig.ready()`, so forms and courses
ask this module and import no submissions code.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from asiointi.customers.models import Customer

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.customers.acting import Acting

# (customer, service) -> whether the agency has granted the customer access to the service.
GrantHook = Callable[[Customer, "Service"], bool]
_grant_hook: list[GrantHook] = []


def access_grant_hook_register(hook: GrantHook) -> None:
    _grant_hook[:] = [hook]


def access_granted(*, acting: "Acting", service: "Service") -> bool:
    """A service requiring prior contact opens only after the agency has granted access (to the
    acting customer: a person's grant does not open it for their organisation)."""
    if not service.requires_prior_contact:
        return True
    return any(hook(acting.customer, service) for hook in _grant_hook)
