"""A resident who has registered logs in again in Chromium and goes straight to the service."""

import pytest
from playwright.sync_api import expect

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site
from asiointi.identity.models import User
from asiointi.identity.tests.browser.support import Resident, persona

pytestmark = pytest.mark.browser


def test_the_second_login_goes_to_the_service_without_registering_again(
    open_page: OpenPage, portal: Site, check: CheckPage
) -> None:
    resident = Resident(open_page(), portal, "en", check, persona("testila-tessa"))
    resident.log_in_from_service("bank")
    resident.expect_identified(registered=False)
    resident.register(email="tessa@example.fi", mistakes=False)
    resident.log_out()

    resident.log_in_from_service("mobile")
    resident.expect_identified(registered=True)
    resident.expect_service_page(logged_in=True)
    expect(resident.page.get_by_text(resident.t("Register for e-services"))).to_have_count(0)
    check(resident.page, "service page after the second login")
    assert User.objects.get().email == "tessa@example.fi"
