"""Where JavaScript runs, the idle timeout is announced before it ends the session."""

from typing import Any

import pytest
from django.conf import LazySettings
from playwright.sync_api import Browser, expect

from asiointi.identity.tests.factories import logged_in_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_warning_appears_takes_focus_and_continuing_keeps_the_session(
    browser: Browser, live_server: Any, settings: LazySettings
) -> None:
    from django.test import Client

    settings.SESSION_IDLE_TIMEOUT_SECONDS = 8  # the warning comes at half of it
    client = Client()
    logged_in_client(client)
    context = browser.new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/fi/")
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_hidden()
    expect(warning).to_be_visible(timeout=8000)
    button = warning.get_by_role("button")
    expect(button).to_be_focused()
    button.press("Enter")
    expect(warning).to_be_hidden()
    page.reload()
    expect(page.get_by_role("button", name="Kirjaudu ulos")).to_be_visible()
    context.close()
