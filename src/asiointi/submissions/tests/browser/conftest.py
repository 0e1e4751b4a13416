"""Browser fixtures for the forms: the catalogue's Chromium and `check_page`, the demo forms, and
a resident whose browser is logged in (the login itself is the identity app's tested journey)."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
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
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.eforms.demo import load_demo
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.submissions.tests.conftest import make_resident, tessa  # noqa: F401


@pytest.fixture
def portal(site: Site) -> Site:  # noqa: F811
    load_demo()
    return site


def log_in(
    page: Page, live_server: LiveServer, person: User, organisation: Organisation | None = None
) -> None:
    """Put a logged-in session's cookie into the page's browser, as after identification (and,
    with an organisation, after choosing it in e-Authorizations as its board chair)."""
    client = Client()
    client.force_login(person)
    if organisation is not None:
        rights_remember(person=person, organisation=organisation, rights=Rights(roles=("PJ",)))
        session = client.session
        session[SESSION_ACTING_ORGANISATION] = organisation.pk
        session.save()
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


@pytest.fixture
def association(db: None) -> Organisation:
    return Organisation.objects.create(
        business_id="0737546-2", name="Käpylän Kotiseutuyhdistys ry", registered_at=timezone.now()
    )


@pytest.fixture
def association_page(
    open_page: OpenPage,  # noqa: F811
    live_server: LiveServer,
    tessa: User,  # noqa: F811
    association: Organisation,
) -> Page:
    page = open_page()
    log_in(page, live_server, tessa, association)
    return page
