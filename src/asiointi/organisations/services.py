"""Choosing an organisation through e-Authorizations, switching on whose behalf one acts, and the
checks of the right to act (each refusal is audit-logged)."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from asiointi.customers.acting import acting_set
from asiointi.identity.models import User
from asiointi.organisations import valtuudet
from asiointi.organisations.business_ids import business_id_normalise
from asiointi.organisations.models import AuthorizationSession, Organisation
from asiointi.organisations.selectors import Rights, rights_current, rights_remember
from asiointi.privacy.identity_codes import identity_code_decrypt
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.customers.acting import Acting, Scope

# Kept in the (server-side) session between the redirect to e-Authorizations and the return.
SESSION_PENDING = "organisations_pending"
SESSION_CHOSEN = "organisations_chosen"


class ChoiceFailed(Exception):
    """Choosing an organisation did not succeed; `reason` picks the page that explains it."""

    CANCELLED = "cancelled"
    FAILED = "failed"
    INVALID_BUSINESS_ID = "invalid-business-id"
    NO_RIGHT = "no-right"
    MESSAGES = {
        CANCELLED: _("You cancelled choosing the organisation. You act on your own behalf."),
        FAILED: _(
            "Choosing the organisation did not succeed, or the answer from Suomi.fi "
            "e-Authorizations had already been used or was not for this session. Try again."
        ),
        INVALID_BUSINESS_ID: _(
            "The business ID received for the organisation is not valid, so the organisation "
            "cannot be used. Contact the e-services advice."
        ),
        NO_RIGHT: _(
            "According to Suomi.fi e-Authorizations you have no role or mandate to act on behalf "
            "of this organisation."
        ),
    }

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def authorization_start(*, request: HttpRequest, redirect_uri: str, language: str) -> str:
    """Open an e-Authorizations session for the logged-in person; the address to send them to."""
    person: User = request.user  # type: ignore[assignment]
    if not person.identity_code_encrypted:
        # A staff or admin account was never identified: e-Authorizations has no one to ask.
        raise ChoiceFailed(ChoiceFailed.NO_RIGHT, "no identity code")
    try:
        registration = valtuudet.register(
            identity_code=identity_code_decrypt(person.identity_code_encrypted)
        )
    except valtuudet.ValtuudetError as error:
        raise ChoiceFailed(ChoiceFailed.FAILED, str(error)) from None
    session = AuthorizationSession.objects.create(person=person, session_id=registration.session_id)
    request.session[SESSION_PENDING] = session.pk
    return valtuudet.authorize_url(
        user_id=registration.user_id, redirect_uri=redirect_uri, language=language
    )


def organisation_record(*, identifier: str, name: str, kind: str) -> Organisation:
    """The organisation as e-Authorizations names it, its business ID checked first."""
    if kind not in Organisation.Kind.values:
        kind = Organisation.Kind.COMPANY
    defaults = {"name": name[:200], "kind": kind}
    if kind == Organisation.Kind.UNREGISTERED_GROUP:
        if not identifier:
            raise ChoiceFailed(ChoiceFailed.INVALID_BUSINESS_ID, "group without identifier")
        organisation, _created = Organisation.objects.update_or_create(
            group_id=identifier[:40], defaults=defaults
        )
        return organisation
    try:
        business_id = business_id_normalise(identifier)
    except ValidationError:
        raise ChoiceFailed(ChoiceFailed.INVALID_BUSINESS_ID, "invalid business ID") from None
    organisation, _created = Organisation.objects.update_or_create(
        business_id=business_id, defaults=defaults
    )
    return organisation


def authorization_complete(*, request: HttpRequest, code: str, redirect_uri: str) -> Organisation:
    """The person returned from the selection page: act for the organisation they picked.

    The pending session is taken from this browser's session once, so an answer that is
    replayed, or was made for another session, finds nothing to complete."""
    person: User = request.user  # type: ignore[assignment]
    pending_id = request.session.pop(SESSION_PENDING, None)
    session = AuthorizationSession.objects.filter(
        pk=pending_id, person=person, organisation=None, access_token=""
    ).first()
    if session is None or not code:
        raise ChoiceFailed(ChoiceFailed.FAILED, "no pending choice")
    try:
        token = valtuudet.token(code=code, redirect_uri=redirect_uri)
        answer = valtuudet.organisation_roles(
            session_id=session.session_id, access_token=token.access_token
        )
    except valtuudet.ValtuudetError as error:
        raise ChoiceFailed(ChoiceFailed.FAILED, str(error)) from None
    if len(answer) != 1:
        raise ChoiceFailed(ChoiceFailed.FAILED, f"{len(answer)} organisations in the answer")
    entry = answer[0]
    with transaction.atomic():
        organisation = organisation_record(
            identifier=entry.identifier, name=entry.name, kind=entry.kind
        )
        session.organisation = organisation
        session.access_token = token.access_token
        session.token_expires_at = token.expires_at
        session.save()
    rights = Rights(roles=entry.roles, issues=entry.issues)
    rights_remember(person=person, organisation=organisation, rights=rights)
    if not organisation_rights_check(person=person, organisation=organisation):
        raise ChoiceFailed(ChoiceFailed.NO_RIGHT)
    chosen = [pk for pk in request.session.get(SESSION_CHOSEN, []) if pk != organisation.pk]
    request.session[SESSION_CHOSEN] = [organisation.pk, *chosen]
    _act_for(request, organisation)
    return organisation


def choice_failed(*, request: HttpRequest, failure: ChoiceFailed) -> None:
    request.session.pop(SESSION_PENDING, None)
    audit_record(
        action=AuditEvent.Action.ACTING_REFUSED,
        request=request,
        target="e-authorizations",
        details={"reason": failure.reason, "detail": failure.detail[:200]},
    )


def acting_switch(*, request: HttpRequest, organisation: Organisation | None) -> bool:
    """Act as oneself (None), or for an organisation chosen earlier in this login, if the
    person still may. False when refused."""
    person: User = request.user  # type: ignore[assignment]
    if organisation is not None:
        if organisation.pk not in request.session.get(SESSION_CHOSEN, []):
            return False
        if not organisation_rights_check(person=person, organisation=organisation):
            return False
    _act_for(request, organisation)
    return True


def _act_for(request: HttpRequest, organisation: Organisation | None) -> None:
    acting_set(request, organisation)
    audit_record(
        action=AuditEvent.Action.ACTING_SWITCHED,
        request=request,
        target=f"organisation:{organisation.pk}" if organisation else "self",
    )


def chosen_forget(*, request: HttpRequest, organisation: Organisation) -> None:
    """The right to act ended: the organisation leaves the switch list, and the person acts as
    themself again."""
    request.session[SESSION_CHOSEN] = [
        pk for pk in request.session.get(SESSION_CHOSEN, []) if pk != organisation.pk
    ]
    _act_for(request, None)


def organisation_scope(
    *, person: "User", organisation: Organisation, service: "Service | None" = None
) -> "Scope | None":
    """What of the organisation's the person may see and do now: everything (a role), the
    things of the mandates' services (their ids), or None when the person may not act for it
    (for the service, when one is given). `customers.acting` asks it through its hook.

    Asked again whenever it matters (every customer page, starting or sending a form,
    enrolling): a role or mandate removed after the person chose the organisation stops working
    at the next check after the short cache. Every refusal is audit-logged.
    """
    from asiointi.catalogue.models import Service
    from asiointi.customers.acting import EVERYTHING

    rights = rights_current(person=person, organisation=organisation)
    if rights is not None and rights.allow(service):
        if rights.full:
            return EVERYTHING
        # A mandate issue is a service's identifier (slug); an unknown one opens nothing.
        ids = Service.objects.filter(slug__in=rights.issues).values_list("pk", flat=True)
        return frozenset(ids)
    audit_record(
        action=AuditEvent.Action.ACTING_REFUSED,
        user=person,
        target=f"organisation:{organisation.pk}",
        details={
            "reason": "rights unknown" if rights is None else "no right",
            "service": service.slug if service else "",
        },
    )
    return None


def organisation_rights_check(
    *, person: "User", organisation: Organisation, service: "Service | None" = None
) -> bool:
    """May the person act for the organisation now (for the service, when one is given)?"""
    return organisation_scope(person=person, organisation=organisation, service=service) is not None


class AudienceRefused(Exception):
    """The service is not for whom the person acts: a persons-only service while acting for an
    organisation, or an organisations-only service while acting as oneself."""

    def __init__(self, *, service: "Service", for_organisations: bool) -> None:
        super().__init__(service.slug)
        self.service = service
        self.for_organisations = for_organisations


def audience_check(*, acting: "Acting", service: "Service") -> None:
    """Raise AudienceRefused unless the service is for the acting customer; the middleware
    turns it into the page that explains and offers the switch."""
    from asiointi.catalogue.models import Service

    audience = service.audience
    if audience == Service.Audience.BOTH:
        return
    for_organisations = audience == Service.Audience.ORGANISATIONS
    if for_organisations == acting.is_organisation:
        return
    audit_record(
        action=AuditEvent.Action.ACTING_REFUSED,
        user=acting.person,
        target=f"service:{service.slug}",
        details={
            "reason": "audience",
            "audience": audience,
            "organisation": acting.organisation.pk if acting.organisation else None,
        },
    )
    raise AudienceRefused(service=service, for_organisations=for_organisations)
