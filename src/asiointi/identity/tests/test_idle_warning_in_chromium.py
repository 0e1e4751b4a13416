"""Where JavaScript runs, the idle timeout is announced before it ends the session, in a modal
dialog that keeps focus, continues the session on Escape and states the time actually left."""

import re
import time
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from asiointi.identity.tests.factories import logged_in_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in(browser: Browser, live_server: Any) -> Page:
    client = Client()
    logged_in_client(client)
    context = browser.new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def seconds_left(text: str) -> int:
    found = re.search(r"(?:(\d+) min )?(\d+) s", text)
    assert found, text
    return int(found.group(1) or 0) * 60 + int(found.group(2))


def test_the_warning_is_modal_keeps_focus_and_continuing_keeps_the_session(
    browser: Browser, live_server: Any, settings: LazySettings
) -> None:
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 20  # the warning comes at half of it
    page = logged_in(browser, live_server)
    page.goto(f"{live_server.url}/fi/")
    loaded = time.monotonic()
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_hidden()
    expect(warning).to_be_visible(timeout=15_000)
    expect(warning).to_have_attribute("aria-modal", "true")
    assert page.evaluate("() => document.getElementById('session-warning').matches(':modal')")
    button = warning.get_by_role("button")
    expect(button).to_be_focused()
    # The time it states is what is left of the twenty seconds, not "two minutes".
    assert 1 <= seconds_left(warning.inner_text()) <= 20 - (time.monotonic() - loaded) + 1
    for _ in range(4):  # Tab stays in the dialog
        page.keyboard.press("Tab")
        assert page.evaluate(
            "() => document.getElementById('session-warning').contains(document.activeElement)"
            " || document.activeElement === document.body"
        )
    button.focus()
    page.keyboard.press("Escape")
    expect(warning).to_be_hidden()
    # Past the first deadline: Escape kept the session.
    page.wait_for_timeout(max(0, 21 - (time.monotonic() - loaded)) * 1000)
    page.reload()
    expect(page.get_by_role("button", name="Kirjaudu ulos")).to_be_visible()
    page.context.close()


def test_when_the_time_is_up_the_dialog_says_so_and_offers_to_log_in_again(
    browser: Browser, live_server: Any, settings: LazySettings
) -> None:
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 4
    page = logged_in(browser, live_server)
    page.goto(f"{live_server.url}/en/")
    ended = page.get_by_role("alertdialog", name="Your session has ended")
    expect(ended).to_be_visible(timeout=10_000)
    expect(ended.get_by_role("link", name="Log in again")).to_be_focused()
    page.reload()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    page.context.close()
