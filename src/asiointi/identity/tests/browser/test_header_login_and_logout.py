"""A registered resident logs in from the header's "Log in" in Chromium: "Continue to the
service" opens their folder. One "Log out" ends the provider's session too, without the
provider asking; without JavaScript the portal's page asks for one more press (the ID token it
sends is POSTed, never put in an address)."""

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, assert_at, follow
from asiointi.devidp.models import IdpSession
from asiointi.identity.models import User
from asiointi.identity.tests.browser.support import Resident, persona
from asiointi.identity.tests.factories import logged_in_client

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_header_login_continues_to_the_folder_and_one_logout_ends_both(
    open_page: OpenPage, portal: Site, check: CheckPage, javascript: bool
) -> None:
    tessa = persona("testila-tessa")
    logged_in_client(Client(), identity_code=tessa.identity_code)
    User.objects.update(registered_at=timezone.now(), email="tessa@example.fi")
    page = open_page()
    resident = Resident(page, portal, "fi", check, tessa)

    page.goto(portal.base_url + resident.path("catalogue:front_page"))
    header = page.get_by_role("banner")
    follow(page, header.get_by_role("link", name=resident.t("Log in to e-services")))
    assert_at(page, resident.path("identity:login"))
    resident.log_in()
    resident.choose_method("bank")
    resident.identify()
    assert_at(page, resident.path("identity:login_succeeded"))
    onward = resident.main.get_by_role("link", name=resident.t("Continue to the service"))
    expect(onward).to_have_attribute("href", resident.path("folder:index"))
    check(page, "identification succeeded after a header login")
    follow(page, onward)
    assert_at(page, resident.path("folder:index"))
    resident.expect_logged_in()

    if not javascript:
        # The same browser with JavaScript off from here on: its cookies, a new page.
        page = open_page(javascript=False)
        cookies = resident.page.context.cookies()
        page.context.add_cookies(
            [{"name": c["name"], "value": c["value"], "url": portal.base_url} for c in cookies]
        )
        page.goto(portal.base_url + resident.path("folder:index"))
        resident.page, resident.javascript = page, False
        resident.expect_logged_in()
    resident.log_out()
    assert IdpSession.objects.get().ended_at is not None
