"""The simple report in English: the contact page appears only when a reply is wanted; the sent
report is in the folder with its status history."""

import pytest
from playwright.sync_api import Page, expect

from asiointi.catalogue.tests.browser.support import CheckPage, Site, follow
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


def test_a_resident_sends_a_report_and_finds_it_in_the_folder(
    resident_page: Page, portal: Site, check_page: CheckPage
) -> None:
    me = Filler(resident_page, portal, "en", check_page)
    me.open_form("ilmoitus-tai-palaute")
    me.expect_page("Your report")
    me.go_on()
    me.expect_errors("Choose one of the options.", "Answer this question.", "Choose yes or no.")
    expect(me.page.locator("#error-summary")).to_be_focused()
    me.choose("Street, park or traffic")
    me.fill("Your message", "A streetlight is out at Puistokatu 4.")
    me.choose("Yes")
    me.go_on()
    me.expect_page("Where to reply")
    expect(me.main.get_by_label("E-mail")).to_have_value("tessa@example.fi")
    me.go_on()
    me.expect_page("Check your answers before sending")
    me.press("Send")
    me.expect_page("Form sent")
    follow(me.page, me.main.get_by_role("link", name="See the sent form"))
    me.expect_page("Report to the city")
    expect(me.main.locator(".status-history")).to_contain_text("Received")
    expect(me.main).to_contain_text("A streetlight is out at Puistokatu 4.")
