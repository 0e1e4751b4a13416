"""On whose behalf the logged-in person acts: themself, or an organisation they chose, and what
of that customer's the person may see (`Acting.scope`).

Views that show or change anything of a customer's use `acting_required`, which also checks the
person's right to act again: a mandate removed after login stops working at the next request.
Only a resident (a person identified strongly, with an identity code) acts: a staff-only account
is no customer, so it gets no Customer row and resident pages explain where residents log in.
The organisations app answers that question through the hook it registers here
(`acting_scope_hook_register`), so this app never imports it.

The scope is the one rule for every object kind: a person acting as themself, or with a role
giving full rights in an organisation, sees everything of the customer (`EVERYTHING`); a person
holding mandates for some services sees the customer's things of those services only (a set of
service ids). Selectors filter with `acting.visible()`; customer-wide things (the data export,
notification preferences) need `acting.everything_or_404()`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import TYPE_CHECKING, Any, Concatenate, Final, Literal, ParamSpec, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.identity.models import User
    from asiointi.organisations.models import Organisation

SESSION_ACTING_ORGANISATION = "acting_organisation"

EVERYTHING: Final = "everything"
# Everything of the customer, or only the things of these services (catalogue Service ids).
Scope = Literal["everything"] | frozenset[int]
NOTHING: Final[frozenset[int]] = frozenset()


@dataclass(frozen=True)
class Acting:
    person: "User"
    customer: Customer
    organisation: "Organisation | None" = None
    # Unset: everything for a person acting as themself; nothing of an organisation's until
    # `acting_check` has asked the organisations app.
    scope: Scope | None = field(default=None)

    def __post_init__(self) -> None:
        if self.scope is None:
            object.__setattr__(self, "scope", EVERYTHING if self.organisation is None else NOTHING)

    @property
    def is_organisation(self) -> bool:
        return self.organisation is not None

    @property
    def sees_everything(self) -> bool:
        return self.scope == EVERYTHING

    def may_see(self, service_id: int | None) -> bool:
        """May the person see the customer's things of this service (None: of no service)?"""
        if self.scope == EVERYTHING:
            return True
        return service_id is not None and service_id in (self.scope or NOTHING)

    def visible(self, *, customer: str = "customer", service: str = "service") -> Q:
        """The rows the person may see: the acting customer's, and within a mandate only those
        of its services. `customer` and `service` name the row's lookups to them."""
        condition = Q(**{customer: self.customer})
        if self.scope != EVERYTHING:
            condition &= Q(**{f"{service}__in": sorted(self.scope or NOTHING)})
        return condition

    def everything_or_404(self) -> None:
        """Customer-wide things (the data export, notification preferences) need full rights."""
        if not self.sees_everything:
            raise Http404


class ActingRefused(PermissionDenied):
    """The person may not (or may no longer) act for this customer."""


# (person, organisation, service or None) -> the scope, or None when the person may not act for
# the organisation (for that service) now. The organisations app registers it.
ScopeHook = Callable[["User", "Organisation", "Service | None"], Scope | None]
_scope_hook: list[ScopeHook] = []


def acting_scope_hook_register(hook: ScopeHook) -> None:
    _scope_hook[:] = [hook]


def acting_get(request: HttpRequest) -> Acting | None:
    """The acting context as chosen; for an organisation its scope is empty until checked
    (`acting_required` and `acting_get_checked` check it). None for a staff-only account."""
    if not is_resident(request):
        return None
    cached = getattr(request, "_acting", None)
    if cached is not None:
        return cached
    person = request.user
    organisation_id = request.session.get(SESSION_ACTING_ORGANISATION)
    organisation = _organisation_get(organisation_id) if organisation_id else None
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


def is_resident(request: HttpRequest) -> bool:
    """Logged in strongly, with an identity code: staff who are also residents are residents."""
    return request.user.is_authenticated and bool(getattr(request.user, "is_resident", False))


def _organisation_get(pk: int) -> "Organisation | None":
    # The model Customer points at, reached without importing the organisations app.
    model = Customer._meta.get_field("organisation").related_model
    return model._default_manager.filter(pk=pk).first()  # type: ignore[union-attr,return-value]


def acting_set(request: HttpRequest, organisation: "Organisation | None") -> None:
    """Act for the organisation from now on, or as oneself again with None."""
    if organisation is None:
        request.session.pop(SESSION_ACTING_ORGANISATION, None)
    else:
        request.session[SESSION_ACTING_ORGANISATION] = organisation.pk
    request.__dict__.pop("_acting", None)


def acting_check(acting: Acting, *, service: "Service | None" = None) -> Acting:
    """Raise ActingRefused unless the person may act for the customer (and service) right now;
    the acting context with the scope the organisations app gives now."""
    if acting.organisation is None:
        return acting
    scope = _scope_hook[0](acting.person, acting.organisation, service) if _scope_hook else None
    if scope is None:
        raise ActingRefused
    checked = replace(acting, scope=scope)
    if service is not None and not checked.may_see(service.pk):
        raise ActingRefused
    return checked


def acting_get_checked(request: HttpRequest) -> Acting | None:
    """For pages anyone may open: the acting context with its scope checked; a right that has
    ended shows nothing of the organisation's (the customer pages say why)."""
    acting = getattr(request, "acting", None) or acting_get(request)
    if acting is None or acting.organisation is None:
        return acting
    try:
        return acting_check(acting)
    except ActingRefused:
        return acting  # the unchecked scope: nothing


class ActingRequest(HttpRequest):
    """The request a view behind `acting_required` gets: `acting` is set and checked. Only an
    annotation: the request object is Django's own."""

    acting: Acting
    _acting: Acting  # acting_get's memo


# A page, or a streamed private file (`attachments.responses.private_file_response`).
Response = TypeVar("Response", bound=HttpResponseBase)
Params = ParamSpec("Params")


def acting_required(
    view: Callable[Concatenate[ActingRequest, Params], Response],
) -> Callable[Concatenate[HttpRequest, Params], Response | HttpResponse]:
    """Log in first; then `request.acting` is set, the right to act has been checked now and
    `request.acting.scope` says what of the customer's the person may see. A staff-only account
    is told that residents log in with strong identification."""

    @wraps(view)
    def wrapped(
        request: HttpRequest, *args: Params.args, **kwargs: Params.kwargs
    ) -> Response | HttpResponse:
        acting = acting_get(request)
        if acting is None and request.user.is_authenticated:
            return render(request, "customers/not_a_resident.html", status=403)
        if acting is None:
            return redirect_to_login(request.get_full_path())
        # The same object, from here on with `acting` set.
        checked = cast(ActingRequest, request)
        checked.acting = checked._acting = acting_check(acting)
        return view(checked, *args, **kwargs)

    return wrapped


def acting_read_audit(request: HttpRequest, acting: Acting, *, target: str) -> None:
    """Audit a resident-side page showing the acting customer's personal data, when it is not the
    person's own: acting for an organisation, the organisation's data is read by one of the
    people its role or mandate lets in. A person reading their own things (a dependant's they
    entered themself included) is not audited: the audit log is for access to someone else's
    data (docs/architecture.md, "Audit log")."""
    if acting.is_organisation:
        audit_record(action=AuditEvent.Action.PERSONAL_DATA_READ, request=request, target=target)


def acting_context(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `acting` in every template, looked up only where a template uses it."""
    return {"acting": SimpleLazyObject(lambda: acting_get(request))}
