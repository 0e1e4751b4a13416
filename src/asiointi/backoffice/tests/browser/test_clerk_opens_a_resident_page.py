"""A clerk who opens the residents' folder is told that residents log in with strong
identification, and finds the way back to the back office; the page passes axe."""

import pytest
from playwright.sync_api import expect

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.staff_pages import staff_logs_in
from asiointi.backoffice.tests.support import OWNING_AGENCY, url
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.customers.models import Customer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_at_the_folder_is_told_where_residents_log_in(
    portal: Site, open_page: OpenPage, check_page: CheckPage
) -> None:
    clerk = open_page()
    staff_logs_in(clerk, portal, "kaisa", AgencyMembership.Role.CLERK, OWNING_AGENCY)
    clerk.goto(portal.base_url + url("folder:index"))
    expect(clerk.get_by_role("heading", level=1)).to_have_text(
        "Olet kirjautunut virkailijan tunnuksella"
    )
    check_page(clerk, "a clerk at the residents' folder")
    follow(clerk, clerk.get_by_role("link", name="Siirry virkailijan työtilaan"))
    expect(clerk.get_by_role("heading", level=1)).to_contain_text("Asiat:")
    assert not Customer.objects.filter(person__username="kaisa").exists()
