"""The form pages not walked in every language by the longer tests, checked in fi, sv and en:
the exit page, "saved", and the agency's instructions where contact must come first."""

import pytest
from playwright.sync_api import Page

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import LANGUAGES, CheckPage, Site
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_exit_saved_and_prior_contact_pages_in_each_language(
    resident_page: Page, portal: Site, check_page: CheckPage, language: str
) -> None:
    me = Filler(resident_page, portal, language, check_page)
    me.open_form("asukaspysakointitunnus")
    me.check(me.page, "first page")
    me.go_on()
    me.check(me.page, "second page")
    me.choose(me.t("No"))
    me.go_on()
    me.check(me.page, "exit page")
    me.page.go_back()
    me.press(me.t("Save and continue later"))
    me.expect_page(me.t("Your answers are saved"))

    Service.objects.filter(slug="ilmoitus-tai-palaute").update(requires_prior_contact=True)
    me.page.goto(me.url("eforms:start", "ilmoitus-tai-palaute"))
    me.expect_page(me.t("Contact the agency first"))
