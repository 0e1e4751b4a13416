from typing import Any

import pytest
from django.conf import LazySettings

from asiointi.customers.gdpr import tokens
from asiointi.customers.tests.holdings import holdings  # noqa: F401


@pytest.fixture
def gdpr_api(live_server: Any, settings: LazySettings) -> str:
    """The GDPR API trusting the built-in provider on the live server as its issuer."""
    settings.GDPR_API_ISSUER = f"{live_server.url}/devidp"
    settings.GDPR_API_AUDIENCE = "asiointi-gdpr"
    settings.GDPR_API_QUERY_SCOPE = "asiointi.gdprquery"
    settings.GDPR_API_DELETE_SCOPE = "asiointi.gdprdelete"
    tokens._cache.clear()
    return "/gdpr-api/v1/profiles/"
