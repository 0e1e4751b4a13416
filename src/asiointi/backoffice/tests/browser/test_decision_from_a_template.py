"""A service manager writes a decision template (an unknown placeholder is refused first); a clerk
logs in with a TOTP code and decides a case from it with reasoning; the resident opens the
decision's PDF from the folder. Every page state passes axe."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.conftest import log_in
from asiointi.backoffice.tests.browser.staff_pages import staff_logs_in
from asiointi.backoffice.tests.support import OWNING_AGENCY, send_parking, url
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.identity.models import User
from asiointi.tests.test_pdf import poppler

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Role = AgencyMembership.Role
BODY = "{customer_name} saa asukaspysäköintitunnuksen (asia {reference})."


def _manager_writes_the_template(manager: Page, portal: Site, check_page: CheckPage) -> None:
    staff_logs_in(manager, portal, "maija", Role.SERVICE_MANAGER, OWNING_AGENCY)
    nav = manager.get_by_role("navigation", name="Henkilöstö")
    follow(manager, nav.get_by_role("link", name="Päätöspohjat"))
    check_page(manager, "decision templates, none yet")
    follow(manager, manager.get_by_role("link", name="Uusi päätöspohja"))
    check_page(manager, "new decision template")
    manager.get_by_label("Nimi", exact=True).fill("Tunnus myönnetään")
    manager.get_by_label("Palvelu").select_option(label="Asukaspysäköintitunnus")
    manager.get_by_label("Päätösteksti suomeksi").fill("{asiakkaan_nimi} saa tunnuksen.")
    manager.get_by_label("Oikaisuvaatimusohje suomeksi").fill("Oikaisua voi hakea 14 päivässä.")
    follow(manager, manager.get_by_role("button", name="Tallenna pohja"))
    expect(manager.locator(".hds-error-summary")).to_contain_text(
        "Tuntematon paikkamerkki {asiakkaan_nimi}"
    )
    check_page(manager, "new decision template, an unknown placeholder")
    manager.get_by_label("Päätösteksti suomeksi").fill(BODY)
    follow(manager, manager.get_by_role("button", name="Tallenna pohja"))
    expect(manager.get_by_role("table")).to_contain_text("Tunnus myönnetään")
    check_page(manager, "decision templates, one saved")


def _clerk_decides(clerk: Page, portal: Site, check_page: CheckPage, reference: str) -> None:
    staff_logs_in(clerk, portal, "kaisa", Role.CLERK, OWNING_AGENCY)
    expect(clerk.get_by_role("navigation", name="Henkilöstö")).not_to_contain_text("Päätöspohjat")
    follow(clerk, clerk.get_by_role("link", name=reference))
    clerk.locator("label.hds-radio-button__label").get_by_text("Päätös", exact=True).click()
    clerk.get_by_label("Päätöspohja").select_option(label="Tunnus myönnetään")
    clerk.get_by_label("Viesti asiakkaalle").fill("Ajoneuvo on hakijan hallinnassa.")
    check_page(clerk, "case, a decision from a template chosen")
    follow(clerk, clerk.get_by_role("button", name="Lähetä asiakkaalle"))
    expect(clerk.locator(".case-status")).to_have_text("Ratkaistu")
    expect(clerk.locator(".thread")).to_contain_text("Tessa Testilä saa asukaspysäköintitunnuksen")
    check_page(clerk, "case, decided from a template")


def test_a_manager_makes_a_template_a_clerk_decides_with_it_and_the_resident_opens_it(
    portal: Site,
    live_server: LiveServer,
    open_page: OpenPage,
    check_page: CheckPage,
    tessa: User,
    django_capture_on_commit_callbacks: Any,
    tmp_path: Path,
) -> None:
    resident_client = Client()
    resident_client.force_login(tessa)
    case = send_parking(resident_client, django_capture_on_commit_callbacks)
    _manager_writes_the_template(open_page(), portal, check_page)
    _clerk_decides(open_page(), portal, check_page, case.reference)

    resident = open_page()
    log_in(resident, live_server, tessa)
    resident.goto(portal.base_url + url("folder:index"))
    follow(resident, resident.get_by_role("link", name=f"Päätös: {case.service.name}").first)
    check_page(resident, "resident's decision in its thread")
    link = resident.get_by_role("link", name="Lataa päätös (PDF)")
    answer = resident.request.get(portal.base_url + str(link.first.get_attribute("href")))
    assert answer.headers["content-type"] == "application/pdf"
    text = " ".join(poppler("pdftotext", answer.body(), tmp_path).split())
    assert f"Tessa Testilä saa asukaspysäköintitunnuksen (asia {case.reference})." in text
    assert "Ajoneuvo on hakijan hallinnassa." in text
    assert "Oikaisua voi hakea 14 päivässä." in text
