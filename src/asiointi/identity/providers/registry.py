"""The identification methods the portal knows. Which one is used is configuration only."""

from functools import cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from asiointi.identity.keys import client_keys
from asiointi.identity.providers.base import Provider
from asiointi.identity.providers.oidc import OidcProvider
from asiointi.identity.providers.saml import SamlProvider

PROVIDERS: dict[str, type[Provider]] = {
    OidcProvider.name: OidcProvider,
    SamlProvider.name: SamlProvider,
}


@cache
def provider(name: str | None = None) -> Provider:
    name = name or settings.IDENTITY_PROVIDER
    if name not in PROVIDERS:
        raise ImproperlyConfigured(
            f"IDENTITY_PROVIDER must be one of {sorted(PROVIDERS)}, not {name!r}"
        )
    return PROVIDERS[name]()


@receiver(setting_changed)
def _forget_providers(*, setting: str, **kwargs: Any) -> None:
    # Tests switch providers and their options; a provider built from old settings must go.
    if setting.startswith(("OIDC_", "IDENTITY_", "SAML_")):
        provider.cache_clear()
        client_keys.cache_clear()
