"""Browser fixtures for the forms: the catalogue's Chromium and `check_page`, the demo forms, and
a resident whose browser is logged in (the login itself is the identity app's tested journey)."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    open_page,
    site,
)
from asiointi.catalogue.tests.browser.support import OpenPage, Site
from asiointi.eforms.demo import load_demo
from asiointi.identity.models import User
from asiointi.submissions.tests.conftest import make_resident, tessa  # noqa: F401


@pytest.fixture
def portal(site: Site) -> Site:  # noqa: F811
    load_demo()
    return site


def log_in(page: Page, live_server: LiveServer, person: User) -> None:
    """Put a logged-in session's cookie into the page's browser, as after identification."""
    client = Client()
    client.force_login(person)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.fixture
def resident_page(open_page: OpenPage, live_server: LiveServer, tessa: User) -> Page:  # noqa: F811
    page = open_page()
    log_in(page, live_server, tessa)
    return page
