"""The early childhood education application in Swedish: children added and removed on a
repeating page, "save and continue later", logging out, and the draft resumed from the folder."""

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.identity.models import User
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.browser.conftest import log_in
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


def child(me: Filler, number: int, given: str, code: str) -> None:
    item = me.main.get_by_role("group", name=f"Barn {number}", exact=True)
    item.get_by_label("Förnamn", exact=True).fill(given)
    item.get_by_label("Efternamn", exact=True).fill("Testilä")
    item.get_by_label("Barnets personbeteckning").fill(code)
    item.get_by_label("Dag", exact=True).fill("1")
    item.get_by_label("Månad", exact=True).fill("8")
    item.get_by_label("År", exact=True).fill("2099")
    item.get_by_label("Uppskattad vårdtid").fill("8")


def _children(me: Filler) -> None:
    """Two children, a third added and removed, a wrong identity code refused."""
    me.expect_page("Barnen som du söker plats för")
    child(me, 1, "Olli", "010120A985C")
    me.press("Lägg till ett barn")
    child(me, 2, "Ella", "010120A985C")
    me.press("Lägg till ett barn")
    expect(me.main.get_by_role("group", name="Barn 3", exact=True)).to_be_visible()
    me.check(me.page, "three children")
    me.press("Ta bort Barn 3")
    me.press("Ja, ta bort Barn 3")
    expect(me.main.get_by_role("group", name="Barn 3", exact=True)).to_have_count(0)
    me.main.get_by_role("group", name="Barn 2", exact=True).get_by_label(
        "Barnets personbeteckning"
    ).fill("010120A98")
    me.go_on()
    me.expect_errors("Kontrollera personbeteckningen.")
    me.main.get_by_role("group", name="Barn 2", exact=True).get_by_label(
        "Barnets personbeteckning"
    ).fill("020220A9988")


def test_a_guardian_applies_for_two_children_and_resumes_after_logging_out(
    resident_page: Page,
    portal: Site,
    check_page: CheckPage,
    open_page: OpenPage,
    live_server: LiveServer,
    tessa: User,
) -> None:
    me = Filler(resident_page, portal, "sv", check_page)
    me.open_form("varhaiskasvatushakemus")
    me.expect_page("Vårdnadshavarens uppgifter")
    me.fill("Telefonnummer", "040 123 4567")
    me.go_on()

    _children(me)
    me.press("Spara och fortsätt senare")
    me.expect_page("Dina svar har sparats")

    # Log out; on another day, log in again and open the draft from the folder.
    follow(me.page, me.page.get_by_role("banner").get_by_role("button", name="Logga ut"))
    again = open_page()
    log_in(again, live_server, tessa)
    me = Filler(again, portal, "sv", check_page)
    me.page.goto(me.url("folder:index"))
    me.check(me.page, "folder with a draft")
    follow(me.page, me.main.get_by_role("link", name="Ansökan om småbarnspedagogik").first)
    me.expect_page("Barnen som du söker plats för")
    expect(
        me.main.get_by_role("group", name="Barn 2", exact=True).get_by_label("Förnamn")
    ).to_have_value("Ella")
    me.go_on()

    me.expect_page("Önskemål")
    me.choose("Daghem")
    me.choose("Svenska")
    me.go_on()
    me.expect_page("Försäkran")
    me.choose("Jag försäkrar att uppgifterna är riktiga.")
    me.go_on()
    me.expect_page("Kontrollera dina svar innan du skickar")
    expect(me.main).to_contain_text("Barn 2")
    expect(me.main).to_contain_text("020220A****")
    me.press("Skicka")
    me.expect_page("Blanketten har skickats")
    assert Submission.objects.count() == 1 and not Draft.objects.exists()
