"""On whose behalf the logged-in person acts: themself, or an organisation they chose.

Views that show or change anything of a customer's use `acting_required`, which also checks the
person's right to act again: a mandate removed after login stops working at the next request.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.organisations.models import Organisation

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.identity.models import User

SESSION_ACTING_ORGANISATION = "acting_organisation"


@dataclass(frozen=True)
class Acting:
    person: "User"
    customer: Customer
    organisation: Organisation | None = None

    @property
    def is_organisation(self) -> bool:
        return self.organisation is not None


class ActingRefused(PermissionDenied):
    """The person may not (or may no longer) act for this customer."""


def acting_get(request: HttpRequest) -> Acting | None:
    if not request.user.is_authenticated:
        return None
    cached = getattr(request, "_acting", None)
    if cached is not None:
        return cached
    person = request.user
    organisation_id = request.session.get(SESSION_ACTING_ORGANISATION)
    organisation = (
        Organisation.objects.filter(pk=organisation_id).first() if organisation_id else None
    )
    if organisation is None:
        acting = Acting(person=person, customer=customer_for_person(person))  # type: ignore[arg-type]
    else:
        acting = Acting(
            person=person,  # type: ignore[arg-type]
            customer=customer_for_organisation(organisation),
            organisation=organisation,
        )
    request._acting = acting  # type: ignore[attr-defined]
    return acting


def acting_set(request: HttpRequest, organisation: Organisation | None) -> None:
    """Act for the organisation from now on, or as oneself again with None."""
    if organisation is None:
        request.session.pop(SESSION_ACTING_ORGANISATION, None)
    else:
        request.session[SESSION_ACTING_ORGANISATION] = organisation.pk
    request.__dict__.pop("_acting", None)


def acting_check(acting: Acting, *, service: "Service | None" = None) -> None:
    """Raise ActingRefused unless the person may act for the customer (and service) right now."""
    from asiointi.organisations.selectors import organisation_rights_check

    if acting.organisation is None:
        return
    if not organisation_rights_check(
        person=acting.person, organisation=acting.organisation, service=service
    ):
        raise ActingRefused


def acting_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first; then `request.acting` is set and the right to act has been checked now."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        acting = acting_get(request)
        if acting is None:
            return redirect_to_login(request.get_full_path())
        acting_check(acting)
        request.acting = acting  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def acting_context(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `acting` in every template, looked up only where a template uses it."""
    return {"acting": SimpleLazyObject(lambda: acting_get(request))}
