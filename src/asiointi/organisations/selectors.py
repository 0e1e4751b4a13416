"""Reads about organisations; the right to act for one is asked from e-Authorizations."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from asiointi.organisations import valtuudet
from asiointi.organisations.models import AuthorizationSession, Organisation
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
    from asiointi.customers.acting import Acting, Scope
    from asiointi.identity.models import User

# Trade register and register of associations roles that may act without a mandate: CEO and
# deputy, board chair and members, partners, sole trader, signing right.
ACTING_ROLES = frozenset({"TJ", "TJS", "PJ", "J", "YS", "EL", "NK"})


@dataclass(frozen=True)
class Rights:
    """A person's roles in an organisation and the mandate issues they hold for it."""

    roles: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        """A role acting without a mandate: every service, the whole folder."""
        return bool(ACTING_ROLES.intersection(self.roles))

    def allow(self, service: "Service | None" = None) -> bool:
        """A role acts for every service; a mandate only for the services it names (a service's
        mandate issue is its identifier). Reading the folder needs any right."""
        if self.full:
            return True
        if service is None:
            return bool(self.issues)
        return service.slug in self.issues


def _cache_key(person_id: int, organisation_id: int) -> str:
    return f"organisations:rights:{person_id}:{organisation_id}"


def rights_remember(*, person: "User", organisation: Organisation, rights: Rights) -> None:
    cache.set(
        _cache_key(person.pk, organisation.pk),
        rights,
        settings.ORGANISATION_RIGHTS_CACHE_SECONDS,
    )


def rights_forget(*, person: "User", organisation: Organisation) -> None:
    """The next check asks e-Authorizations, whatever it answered a moment ago."""
    cache.delete(_cache_key(person.pk, organisation.pk))


def rights_current(*, person: "User", organisation: Organisation) -> Rights | None:
    """The rights as e-Authorizations gives them now (or gave them a moment ago); None when they
    cannot be known: no session for the organisation, its token expired, or the service refused."""
    cached: Rights | None = cache.get(_cache_key(person.pk, organisation.pk))
    if cached is not None:
        return cached
    session = (
        AuthorizationSession.objects.filter(person=person, organisation=organisation)
        .exclude(access_token="")
        .first()
    )
    if session is None or session.token_expires_at is None:
        return None
    if session.token_expires_at <= timezone.now():
        return None
    try:
        answer = valtuudet.organisation_roles(
            session_id=session.session_id, access_token=session.access_token
        )
    except valtuudet.ValtuudetError:
        return None
    entry = next((e for e in answer if e.identifier == organisation.identifier), None)
    rights = Rights(roles=entry.roles, issues=entry.issues) if entry else Rights()
    rights_remember(person=person, organisation=organisation, rights=rights)
    return rights


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


def organisations_by_ids(ids: list[int]) -> list[Organisation]:
    return list(Organisation.objects.filter(pk__in=ids))
