"""On a repeating page, Enter in a text field continues and never removes an item; removing asks
first and says what happened, and focus goes to what each button changed (WCAG 3.3.4, 3.2.2)."""

import pytest
from playwright.sync_api import Locator, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site
from asiointi.identity.models import User
from asiointi.submissions.tests.browser.conftest import log_in
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


def item(me: Filler, number: int) -> Locator:
    return me.main.get_by_role("group", name=f"Child {number}", exact=True)


def child(me: Filler, number: int, given: str) -> None:
    it = item(me, number)
    it.get_by_label("First names", exact=True).fill(given)
    it.get_by_label("Last name", exact=True).fill("Testilä")
    it.get_by_label("Child's personal identity code").fill("010120A985C")
    it.get_by_label("Day", exact=True).fill("1")
    it.get_by_label("Month", exact=True).fill("8")
    it.get_by_label("Year", exact=True).fill("2099")
    it.get_by_label("Estimated hours of care").fill("8")


def enter(me: Filler, field: Locator) -> None:
    with me.page.expect_navigation():
        field.press("Enter")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_enter_continues_and_removing_asks_first(
    javascript: bool,
    open_page: OpenPage,
    live_server: LiveServer,
    portal: Site,
    check_page: CheckPage,
    tessa: User,
) -> None:
    page = open_page(javascript=javascript)
    log_in(page, live_server, tessa)
    # Without JavaScript, axe cannot check a page that depends on focus (check_page says why).
    me = Filler(page, portal, "en", check_page if javascript else lambda *_: None)
    me.open_form("varhaiskasvatushakemus")
    me.expect_page("Guardian")
    me.fill("Phone number", "040 123 4567")
    me.go_on()
    me.expect_page("Children you are applying for")
    child(me, 1, "Olli")
    me.press("Add another child")
    expect(item(me, 2)).to_be_focused()
    me.check(me.page, "a child added, focus on it")

    # Enter in child 2's first name: the page's primary action, "Continue", with its errors.
    first_name = item(me, 2).get_by_label("First names", exact=True)
    first_name.fill("Ella")
    enter(me, first_name)
    me.expect_errors("Enter the first name and the last name.")
    expect(me.page.locator("#error-summary")).to_be_focused()
    expect(item(me, 1).get_by_label("First names", exact=True)).to_have_value("Olli")
    expect(item(me, 2).get_by_label("First names", exact=True)).to_have_value("Ella")
    child(me, 2, "Ella")

    # "Remove" asks first; "No" keeps the child and everything typed.
    me.press("Remove Child 1")
    question = me.page.locator("#remove-question")
    expect(question).to_be_focused()
    expect(question).to_contain_text("Remove Child 1 and its answers?")
    me.check(me.page, "asking before removing")
    me.press("No, keep Child 1")
    expect(item(me, 1)).to_be_focused()
    expect(item(me, 1).get_by_label("First names", exact=True)).to_have_value("Olli")
    expect(item(me, 2).get_by_label("Last name", exact=True)).to_have_value("Testilä")

    # "Yes" removes it and says so, with focus on the message.
    me.press("Remove Child 1")
    me.press("Yes, remove Child 1")
    message = me.page.locator("#page-message")
    expect(message).to_be_focused()
    expect(message).to_contain_text("Child 1 was removed with its answers.")
    expect(message).to_contain_text("The items after it have been renumbered.")
    expect(item(me, 2)).to_have_count(0)
    expect(item(me, 1).get_by_label("First names", exact=True)).to_have_value("Ella")
    me.check(me.page, "a child removed, the message focused")

    enter(me, item(me, 1).get_by_label("Estimated hours of care"))
    me.expect_page("Preferences")
