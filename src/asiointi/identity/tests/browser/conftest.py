"""The catalogue's browser fixtures (one Chromium, a fresh context per page, `check_page`), the
built-in test identity provider as the portal's identity provider over the live server's real
HTTP, and `check`, which adds to `check_page` that no full identity code is on the page."""

from urllib.parse import urlsplit

import pytest
from django.conf import LazySettings
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    open_page,
    site,
)
from asiointi.catalogue.tests.browser.support import CheckPage, Site, describe
from asiointi.devidp.models import SigningKey
from asiointi.devidp.persons import all_persons
from asiointi.devidp.tests.conftest import _provider_jwk, provider_key  # noqa: F401
from asiointi.identity.tests.browser.support import PERSON_CHOOSER_PATH
from asiointi.notify.tests.fixtures import dev_outbox  # noqa: F401


@pytest.fixture
def portal(
    site: Site,  # noqa: F811
    live_server: LiveServer,
    settings: LazySettings,
    provider_key: SigningKey,  # noqa: F811
    dev_outbox: None,  # noqa: F811
) -> Site:
    """The live portal, logging in through its built-in provider, with messages in the outbox."""
    settings.OIDC_ISSUER = f"{live_server.url}/devidp"
    return site


@pytest.fixture
def check(check_page: CheckPage) -> CheckPage:  # noqa: F811
    """`check_page`, and no test person's full identity code anywhere in the page, its source
    included, except on the provider's own test person chooser."""
    codes = [person.identity_code for person in all_persons()]

    def check_(page: Page, state: str) -> None:
        if urlsplit(page.url).path != PERSON_CHOOSER_PATH:
            html = page.content()
            shown = [code for code in codes if code in html]
            assert not shown, f"{state}, {describe(page)}: shows the full identity code {shown}"
        check_page(page, state)

    return check_
