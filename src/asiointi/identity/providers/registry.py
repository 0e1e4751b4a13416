"""The identification methods the portal knows. Which one is used is configuration only."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from asiointi.identity.providers.base import Provider
from asiointi.identity.providers.oidc import OidcProvider

PROVIDERS: dict[str, type[Provider]] = {
    OidcProvider.name: OidcProvider,
}


@cache
def provider(name: str | None = None) -> Provider:
    name = name or settings.IDENTITY_PROVIDER
    if name not in PROVIDERS:
        raise ImproperlyConfigured(
            f"IDENTITY_PROVIDER must be one of {sorted(PROVIDERS)}, not {name!r}"
        )
    return PROVIDERS[name]()
