from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.cache import cache

from asiointi.devidp.tests.conftest import _provider_jwk, provider_key  # noqa: F401
from asiointi.notify.tests.fixtures import dev_outbox  # noqa: F401


@pytest.fixture
def portal(
    live_server: Any,
    settings: LazySettings,
    provider_key: Any,  # noqa: F811
    dev_outbox: None,  # noqa: F811
) -> Iterator[str]:
    """The live portal with its built-in identity provider and e-Authorizations service."""
    settings.OIDC_ISSUER = f"{live_server.url}/devidp"
    settings.VALTUUDET_URL = f"{live_server.url}/devidp/valtuudet"
    cache.clear()
    yield live_server.url
    cache.clear()
