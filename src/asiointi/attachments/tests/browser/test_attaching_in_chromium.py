"""Attaching files in Chromium: limits shown, refusals named, nothing lost, removing works."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.attachments.models import Attachment
from asiointi.attachments.tests.conftest import PDF
from asiointi.attachments.tests.fixtures import EICAR
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site
from asiointi.identity.tests.factories import logged_in_client

pytestmark = [pytest.mark.browser, pytest.mark.urls("asiointi.attachments.tests.browser.page")]


@pytest.fixture
def page(open_page: OpenPage, site: Site, live_server: LiveServer) -> Page:
    client = Client()
    logged_in_client(client)
    page = open_page()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.set_default_timeout(30_000)  # uploads are scanned; a shared CI machine can be slow
    page.goto(f"{live_server.url}/en/liitekoe/")
    return page


def test_a_resident_attaches_loses_nothing_and_removes(
    page: Page, clamd: str, check_page: CheckPage, tmp_path: Path
) -> None:
    """clamd with the local EICAR signature."""
    files = page.get_by_label("Attachments (optional)")
    expect(page.get_by_text("At most 2 files, each at most 10.0")).to_be_visible()
    check_page(page, "empty reply")

    (tmp_path / "hakemus.pdf").write_bytes(PDF)
    files.set_input_files(tmp_path / "hakemus.pdf")
    page.get_by_role("button", name="Send").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("list", name="Attached files")).to_contain_text("hakemus.pdf")
    check_page(page, "message missing, one file attached")

    (tmp_path / "virus.pdf").write_bytes(PDF + EICAR)
    page.get_by_label("Message").fill("Tässä liitteet")
    page.get_by_label("Attachments (optional)").set_input_files(tmp_path / "virus.pdf")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#error-summary")).to_contain_text("virus.pdf")
    expect(page.get_by_role("list", name="Attached files")).to_contain_text("hakemus.pdf")
    expect(page.get_by_label("Message")).to_have_value("Tässä liitteet")
    check_page(page, "infected file refused")

    page.get_by_role("button", name="Remove hakemus.pdf").click()
    expect(page.get_by_role("list", name="Attached files")).to_have_count(0)
    expect(page.get_by_label("Message")).to_have_value("Tässä liitteet")
    assert not Attachment.objects.exists()

    (tmp_path / "toinen.pdf").write_bytes(PDF)
    page.get_by_label("Attachments (optional)").set_input_files(tmp_path / "toinen.pdf")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Sent")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="toinen.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF
