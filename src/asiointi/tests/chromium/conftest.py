"""The other apps' browser fixtures: Chromium and `check_page` (which fails on anything a policy
refused), the built-in identity provider, the demo forms, a logged-in resident and courses."""

import pytest
from django.conf import LazySettings
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    open_page,
    site,
)
from asiointi.catalogue.tests.browser.support import Site
from asiointi.courses.tests.conftest import make_course, service  # noqa: F401
from asiointi.devidp.models import SigningKey
from asiointi.devidp.tests.conftest import _provider_jwk, provider_key  # noqa: F401
from asiointi.notify.tests.fixtures import dev_outbox  # noqa: F401
from asiointi.submissions.tests.browser.conftest import portal as forms  # noqa: F401
from asiointi.submissions.tests.browser.conftest import resident_page  # noqa: F401
from asiointi.submissions.tests.conftest import make_resident, tessa  # noqa: F401


@pytest.fixture
def portal(
    forms: Site,  # noqa: F811
    live_server: LiveServer,
    settings: LazySettings,
    provider_key: SigningKey,  # noqa: F811
    dev_outbox: None,  # noqa: F811
) -> Site:
    """The live portal with the demo catalogue and forms, logging in through its built-in
    provider, messages in the outbox, and two addresses that fail on purpose (403 and 500)."""
    settings.OIDC_ISSUER = f"{live_server.url}/devidp"
    settings.ROOT_URLCONF = "asiointi.tests.error_urls"
    return forms
