"""A person identifies in Chromium, by clicking like a person; every page state passes axe-core
(WCAG 2.1 A and AA)."""

import os
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from asiointi.devidp.clients import ensure_client
from asiointi.devidp.models import SigningKey
from asiointi.devidp.tests.support import authorization_request, query
from asiointi.tests.browser import AXE_OPTIONS

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fi-FI")
    yield context.new_page()
    context.close()


def accessible(page: Page, name: str = "") -> None:
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert violations == [], [(v["id"], v["help"]) for v in violations]
    assert page.locator("h1").count() == 1
    assert page.locator("script").count() == 0  # works without JavaScript: there is none
    if name and os.environ.get("DEVIDP_SCREENSHOTS"):
        page.screenshot(path=f"{os.environ['DEVIDP_SCREENSHOTS']}/{name}.png", full_page=True)


def test_a_person_identifies_by_clicking_and_every_page_is_accessible(
    live_server: LiveServer, provider_key: SigningKey, page: Page
) -> None:
    callback = f"{live_server.url}/rp/callback"
    ensure_client(client_id="rp", name="Kirjasto", secret="s", redirect_uris=[callback])
    request = authorization_request(client_id="rp", redirect_uri=callback, ui_locales="fi")
    page.goto(f"{live_server.url}/devidp/authorize?{urlencode(request.params)}")
    accessible(page, "methods")
    page.get_by_role("button", name="Mobiilivarmenne").click()
    accessible(page, "persons")
    page.get_by_text("Kivi Joni Kristian").click()
    assert page.get_by_label("Kivi Joni Kristian").is_checked()
    page.get_by_role("button", name="Tunnistaudu").click()
    page.wait_for_url(f"{callback}?**")
    assert query(page.url)["state"] == request.state

    page.goto(f"{live_server.url}/devidp/")
    accessible(page, "overview")
    page.get_by_role("button", name="Päätä istuntoni kaikkialla").click()
    accessible(page, "ended")


def test_the_error_and_logout_pages_are_accessible(
    live_server: LiveServer, provider_key: SigningKey, page: Page
) -> None:
    page.goto(f"{live_server.url}/devidp/authorize?client_id=nobody")
    accessible(page)
    page.goto(f"{live_server.url}/devidp/end-session?client_id=asiointi")
    accessible(page)
    page.get_by_role("button", name="Kirjaudu ulos").click()
    accessible(page)
