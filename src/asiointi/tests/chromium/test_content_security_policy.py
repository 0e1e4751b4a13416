"""Every kind of page under the enforced Content-Security-Policy in Chromium: nothing refused
(`check_page` fails on any refusal the console shows), and a refusal is indeed seen."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import LazySettings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.support import (
    PARKING,
    CheckPage,
    OpenPage,
    PolicyViolations,
    Site,
    follow,
)
from asiointi.courses.tests.conftest import MakeCourse
from asiointi.devidp.forms import METHODS
from asiointi.devidp.models import SigningKey
from asiointi.identity.tests.browser.support import Resident, persona
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


def url(site: Site, name: str, language: str = "fi", **kwargs: object) -> str:
    with translation.override(language):
        return site.base_url + reverse(name, kwargs=kwargs or None)


def another_origin(live_server: LiveServer) -> str:
    """The live portal under its other name: another origin to the browser, the same server."""
    host = urlsplit(live_server.url).hostname or ""
    return live_server.url.replace(host, "127.0.0.1" if host == "localhost" else "localhost")


def visit(page: Page, address: str, check: CheckPage, state: str, status: int = 200) -> None:
    response = page.goto(address)
    assert response is not None and response.status == status, f"{state}: {address}"
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    check(page, state)


def test_public_pages_error_pages_and_the_identity_provider_are_refused_nothing(
    portal: Site, open_page: OpenPage, check_page: CheckPage, settings: LazySettings
) -> None:
    page = open_page()
    visit(page, url(portal, "catalogue:front_page"), check_page, "front page")
    visit(page, url(portal, "catalogue:service_detail", slug=PARKING), check_page, "service")
    visit(page, url(portal, "catalogue:service_list") + "?q=pysäköinti", check_page, "search")
    visit(page, url(portal, "catalogue:help_page", slug="neuvonta"), check_page, "help page")
    visit(page, url(portal, "courses:course_list"), check_page, "course list")
    visit(page, portal.base_url + "/sv/ingen-sida/", check_page, "404", 404)
    visit(page, portal.base_url + "/en/forbidden/", check_page, "403", 403)
    visit(page, portal.base_url + "/fi/broken/", check_page, "500", 500)
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2
    search = url(portal, "catalogue:service_list", "sv") + "?q=a&a=1&b=2"
    visit(page, search, check_page, "400", 400)
    expect(page.get_by_role("heading", level=1)).to_have_text("Begäran kunde inte behandlas")
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

    # "Log in" is a form whose POST is answered by a redirect to the identity provider: the
    # policy's form-action must allow the whole chain, to the provider and back.
    resident = Resident(page, portal, "fi", check_page, persona("testila-tessa"))
    visit(page, url(portal, "identity:login"), check_page, "login page")
    resident.log_in()
    resident.choose_method(next(iter(dict(METHODS))))
    resident.identify()
    resident.expect_identified(registered=False)
    visit(page, url(portal, "notify:outbox_list"), check_page, "dev outbox")
    visit(page, portal.base_url + "/devidp/", check_page, "the provider's session page")
    page.goto(url(portal, "catalogue:front_page"))
    resident.log_out()


def test_a_residents_folder_form_check_page_receipt_and_course_are_refused_nothing(
    portal: Site,
    resident_page: Page,
    check_page: CheckPage,
    make_course: MakeCourse,
) -> None:
    visit(resident_page, url(portal, "folder:index"), check_page, "folder")
    course = make_course()
    visit(
        resident_page, url(portal, "courses:course_detail", code=course.code), check_page, "course"
    )
    me = Filler(resident_page, portal, "en", check_page)
    me.open_form("ilmoitus-tai-palaute")
    me.expect_page("Your report")
    me.go_on()
    me.expect_errors("Choose one of the options.")
    me.choose("Street, park or traffic")
    me.fill("Your message", "A streetlight is out at Puistokatu 4.")
    me.choose("Yes")
    me.go_on()
    me.expect_page("Where to reply")
    me.go_on()
    me.expect_page("Check your answers before sending")
    me.press("Send")
    me.expect_page("Form sent")
    follow(me.page, me.main.get_by_role("link", name="See the sent form"))
    me.expect_page("Report to the city")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_form_sent_from_an_expired_page_gets_the_portals_page_and_back_keeps_the_answers(
    language: str, portal: Site, resident_page: Page, check_page: CheckPage
) -> None:
    me = Filler(resident_page, portal, language, check_page)
    me.open_form("ilmoitus-tai-palaute")
    page_title = me.page.get_by_role("heading", level=1).inner_text()
    message = me.main.locator("textarea")
    message.fill("A streetlight is out at Puistokatu 4.")
    # The CSRF cookie is gone, as when it was renewed in another window.
    me.page.context.clear_cookies(name="csrftoken")
    me.go_on()
    expect(me.page.get_by_role("heading", level=1)).to_have_text(me.t("The page had expired"))
    expect(me.page.locator("html")).to_have_attribute("lang", language)
    expect(me.page.get_by_role("banner")).to_be_visible()  # the portal's own look
    check_page(me.page, "CSRF failure page")
    follow(me.page, me.main.get_by_role("link", name=me.t("Back to the previous page")))
    expect(me.page.get_by_role("heading", level=1)).to_have_text(page_title)
    expect(message).to_have_value("A streetlight is out at Puistokatu 4.")
    me.go_on()  # sent again, it is taken: the errors are about the questions left unanswered
    expect(me.page.get_by_role("heading", level=1)).to_have_text(page_title)
    expect(me.page.get_by_role("alert")).to_be_visible()
    expect(message).to_have_value("A streetlight is out at Puistokatu 4.")


def test_inline_style_and_script_are_refused_and_the_refusal_is_seen(
    site: Site, open_page: OpenPage, check_page: CheckPage, policy_violations: PolicyViolations
) -> None:
    page = open_page()
    page.goto(url(site, "catalogue:front_page"))
    page.evaluate(
        """() => {
          document.querySelector('h1').insertAdjacentHTML('afterend',
            '<p id="styled" style="color: rgb(255, 0, 0)">styled</p>');
          const script = document.createElement('script');
          script.textContent = 'document.body.dataset.ran = "yes"';
          document.body.append(script);
        }"""
    )
    expect(page.locator("#styled")).not_to_have_css("color", "rgb(255, 0, 0)")
    assert page.evaluate("document.body.dataset.ran") is None
    page.wait_for_timeout(200)
    refused = "\n".join(policy_violations.seen(page.context))
    assert re.search(r"style-src", refused), refused
    assert re.search(r"script-src", refused), refused
    with pytest.raises(AssertionError, match="refused by policy"):
        check_page(page, "front page with inline style and script")


def test_form_action_lets_log_in_go_to_an_identity_provider_on_another_origin(
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    live_server: LiveServer,
    settings: LazySettings,
    provider_key: SigningKey,
) -> None:
    other_origin = another_origin(live_server)
    settings.OIDC_ISSUER = f"{other_origin}/devidp"
    page = open_page()
    page.goto(url(site, "identity:login"))
    follow(
        page,
        page.get_by_role("main").get_by_role("button", name=site.text("fi", "Log in", "button")),
    )
    assert page.url.startswith(f"{other_origin}/devidp/authorize"), page.url
    check_page(page, "the provider's method chooser on another origin")


def test_without_the_providers_origin_in_form_action_log_in_would_be_blocked(
    site: Site,
    open_page: OpenPage,
    live_server: LiveServer,
    settings: LazySettings,
    provider_key: SigningKey,
    policy_violations: PolicyViolations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reason the origins are there: Chromium checks form-action on the redirect too."""
    other_origin = another_origin(live_server)
    settings.OIDC_ISSUER = f"{other_origin}/devidp"
    monkeypatch.setattr("asiointi.security.form_action_origins", lambda: [])
    page = open_page()
    page.goto(url(site, "identity:login"))
    with page.expect_console_message(lambda message: "form-action" in message.text):
        page.get_by_role("main").get_by_role(
            "button", name=site.text("fi", "Log in", "button")
        ).click()
    assert not page.url.startswith(other_origin)
    assert any("form-action" in seen for seen in policy_violations.seen(page.context))
