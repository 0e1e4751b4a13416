"""The full identity code is on no page of the portal, only on the provider's test person chooser;
the contact details page shows it masked. (`check` looks for it on every page state.)"""

import pytest
from playwright.sync_api import expect

from asiointi.catalogue.tests.browser.support import (
    CheckPage,
    OpenPage,
    Site,
    assert_at,
    follow,
)
from asiointi.identity.tests.browser.support import Resident, persona

pytestmark = pytest.mark.browser

FULL = "010280-952L"
MASKED = "010280-****"


def test_the_identity_code_is_shown_only_masked(
    open_page: OpenPage, portal: Site, check: CheckPage
) -> None:
    page = open_page()
    resident = Resident(page, portal, "fi", check, persona("testila-tessa"))
    assert resident.person.identity_code == FULL
    resident.log_in_from_service("card")  # the chooser does show it: `choose_method` sees it
    resident.expect_identified(registered=False)
    resident.register(email="tessa@example.fi", mistakes=False)

    # The name in the header leads to the contact details.
    follow(page, page.get_by_role("banner").get_by_role("link", name=resident.name))
    assert_at(page, "/fi/yhteystiedot/")
    expect(resident.heading()).to_have_text("Yhteystietosi")
    expect(resident.main).to_contain_text(MASKED)
    assert FULL not in page.content()
    check(page, "contact details")

    # Pages a logged-in resident sees, in each language, with the contact details last.
    pages = [
        ("fi", "catalogue:front_page"),
        ("sv", "catalogue:service_list"),
        ("en", "identity:login_succeeded"),
        ("sv", "registration:contact_details"),
        ("en", "registration:contact_details"),
    ]
    for language, view in pages:
        in_language = Resident(page, portal, language, check, resident.person)
        page.goto(portal.base_url + in_language.path(view))
        in_language.expect_logged_in()
        check(page, f"{view} in {language}")
    expect(resident.main).to_contain_text(MASKED)
