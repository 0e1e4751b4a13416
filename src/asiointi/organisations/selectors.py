"""Reads about organisations; the right to act for one is asked from e-Authorizations (the
answer is kept a short while in the cache). Checks that record a refusal are in services."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django.utils import timezone

from asiointi.organisations import valtuudet
from asiointi.organisations.models import AuthorizationSession, Organisation

if TYPE_CHECKING:
    from asiointi.catalogue.models import Service
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


def organisation_get(pk: int) -> Organisation:
    """The organisation as stored now, or 404."""
    return get_object_or_404(Organisation, pk=pk)


def organisations_by_ids(ids: list[int]) -> list[Organisation]:
    return list(Organisation.objects.filter(pk__in=ids))
