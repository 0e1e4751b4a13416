"""A clerk logs in with a TOTP code and takes a case from new to decided; the resident sees
each step in their folder and is told of each in the dev outbox. Every page state passes axe."""

from typing import Any

import pytest
from django.conf import LazySettings
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.backoffice.tests.browser.conftest import log_in
from asiointi.backoffice.tests.browser.staff_pages import staff_log_in
from asiointi.backoffice.tests.fixtures import totp_code
from asiointi.backoffice.tests.support import send_parking, staff_member, url
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.identity.models import User
from asiointi.notify.models import OutboxMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _choose(page: Page, label: str) -> None:
    page.locator("label.hds-radio-button__label").get_by_text(label, exact=True).click()


def _folder_shows(page: Page, site: Site, text: str) -> None:
    page.goto(site.base_url + url("folder:index"))
    expect(page.locator("main")).to_contain_text(text)


def _told(tessa: User) -> int:
    return OutboxMessage.objects.filter(recipient=tessa.email).count()


def _clerk_logged_in(clerk: Page, portal: Site, check_page: CheckPage, device: TOTPDevice) -> Page:
    """Kaisa logs in at the back office with her password and authenticator code."""
    staff_log_in(clerk, portal, "kaisa", totp_code(device), check_page=check_page)
    expect(clerk.get_by_role("heading", level=1)).to_contain_text("Asiat:")
    check_page(clerk, "inbox")
    return clerk


def test_a_clerk_takes_a_case_from_new_to_decided_and_the_resident_follows_it(
    portal: Site,
    live_server: LiveServer,
    open_page: OpenPage,
    check_page: CheckPage,
    tessa: User,
    settings: LazySettings,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.test import Client

    settings.EMAIL_BACKEND = "asiointi.notify.outbox.OutboxEmailBackend"
    resident_client = Client()
    resident_client.force_login(tessa)
    case = send_parking(resident_client, django_capture_on_commit_callbacks)
    _user, device = staff_member("kaisa")
    resident = open_page()
    log_in(resident, live_server, tessa)

    clerk = _clerk_logged_in(open_page(), portal, check_page, device)

    follow(clerk, clerk.get_by_role("link", name=case.reference))
    expect(clerk.locator(".case-status")).to_have_text("Uusi")
    check_page(clerk, "new case")

    told = _told(tessa)
    clerk.get_by_label("Uusi tila").select_option("in_progress")
    follow(clerk, clerk.get_by_role("button", name="Muuta tilaa"))
    expect(clerk.locator(".case-status")).to_have_text("Käsittelyssä")
    check_page(clerk, "in progress")
    _folder_shows(resident, portal, "Käsittelyssä")
    assert _told(tessa) == told + 1

    _choose(clerk, "Pyydä asiakkaalta lisätietoja")
    clerk.get_by_label("Viesti asiakkaalle").fill("Lähettäkää rekisteriote.")
    follow(clerk, clerk.get_by_role("button", name="Lähetä asiakkaalle"))
    expect(clerk.locator(".case-status")).to_have_text("Odottaa asiakasta")
    check_page(clerk, "waiting for the customer")
    _folder_shows(resident, portal, "Odottaa vastaustasi")
    check_page(resident, "resident's folder, asked for more")
    assert _told(tessa) == told + 2

    follow(
        resident, resident.get_by_role("link", name=f"{case.service.name} {case.reference}").first
    )
    resident.get_by_label("Vastauksesi").fill("Rekisteriote tulee postissa.")
    follow(resident, resident.get_by_role("button", name="Lähetä vastaus"))
    clerk.reload()
    expect(clerk.locator(".case-status")).to_have_text("Käsittelyssä")
    expect(clerk.locator(".thread")).to_contain_text("Rekisteriote tulee postissa.")

    _choose(clerk, "Päätös")
    clerk.get_by_label("Viesti asiakkaalle").fill("Pysäköintitunnus myönnetään.")
    follow(clerk, clerk.get_by_role("button", name="Lähetä asiakkaalle"))
    expect(clerk.locator(".case-status")).to_have_text("Ratkaistu")
    check_page(clerk, "decided")
    _folder_shows(resident, portal, "Ratkaistu")
    expect(resident.locator("main")).to_contain_text("Päätös:")
    check_page(resident, "resident's folder, decided")
    assert _told(tessa) == told + 3
