"""A service manager writes a decision template by keyboard alone: the skip link comes first, the
menu and the list lead to the editor, a failed save puts focus on the error summary, whose link
puts it on the field, and the fixed template is saved. Focus is visible on every stop and every
page state passes axe."""

import pytest
from playwright.sync_api import Locator, Page, expect

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.test_grants_and_rosters import staff_logs_in
from asiointi.backoffice.tests.support import OWNING_AGENCY
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site
from asiointi.tests.a11y.focus import tab_through

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Role = AgencyMembership.Role
NAME = "Myönteinen päätös näppäimistöllä"


def tab_to(page: Page, target: Locator, *, limit: int = 60) -> None:
    """Tab forward until the target has focus, as a keyboard user would."""
    handle = target.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => el === document.activeElement", handle):
            return
    pytest.fail(f"{target} was not reached in {limit} presses of Tab")


def press_and_wait(page: Page, key: str) -> None:
    """Press a key that follows a link or sends a form, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def no_focus_problems(page: Page) -> None:
    problems = tab_through(page)
    assert not problems, "\n".join(str(problem) for problem in problems)


def test_a_manager_writes_a_decision_template_by_keyboard(
    portal: Site, open_page: OpenPage, check_page: CheckPage
) -> None:
    page = open_page()
    staff_logs_in(page, portal, "maija", Role.SERVICE_MANAGER, OWNING_AGENCY)
    page.locator("body").focus()
    page.keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()
    check_page(page, "the inbox, skip link focused")

    nav = page.get_by_role("navigation", name="Henkilöstö")
    tab_to(page, nav.get_by_role("link", name="Päätöspohjat"))
    press_and_wait(page, "Enter")
    check_page(page, "decision templates")
    no_focus_problems(page)
    # The skip link leads past the menus: the next stop is the list's own first link.
    page.locator("body").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    page.keyboard.press("Tab")
    new_template = page.get_by_role("link", name="Uusi päätöspohja")
    expect(new_template).to_be_focused()
    press_and_wait(page, "Enter")
    check_page(page, "new decision template")
    no_focus_problems(page)

    main = page.get_by_role("main")
    tab_to(page, main.get_by_label("Nimi", exact=True))
    page.keyboard.type(NAME)
    page.keyboard.press("Tab")
    expect(main.get_by_label("Palvelu")).to_be_focused()
    page.keyboard.type("Asukaspys")
    tab_to(page, main.get_by_label("Päätösteksti suomeksi"))
    page.keyboard.type("{asiakkaan_nimi} saa tunnuksen.")
    tab_to(page, main.get_by_role("button", name="Tallenna pohja"))
    press_and_wait(page, "Enter")

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Virhe: ")
    check_page(page, "new decision template, an unknown placeholder")
    no_focus_problems(page)
    summary.focus()
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link")).to_be_focused()
    page.keyboard.press("Enter")
    body = main.get_by_label("Päätösteksti suomeksi")
    expect(body).to_be_focused()
    chosen = main.get_by_label("Palvelu").evaluate("select => select.selectedOptions[0].text")
    assert chosen == "Asukaspysäköintitunnus", "the service typed was not kept"
    page.keyboard.press("Control+A")
    page.keyboard.type("{customer_name} saa asukaspysäköintitunnuksen (asia {reference}).")
    tab_to(page, main.get_by_role("button", name="Tallenna pohja"))
    press_and_wait(page, "Space")

    expect(page.get_by_role("main")).to_contain_text("Päätöspohja tallennettiin")
    row = page.get_by_role("row", name=NAME)
    expect(row).to_contain_text("Asukaspysäköintitunnus")
    check_page(page, "decision templates, the new one saved")
