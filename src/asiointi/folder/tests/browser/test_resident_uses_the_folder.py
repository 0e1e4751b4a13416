"""A resident with a full folder finds a submission by its reference, reads a message, replies
with an attachment, changes notification preferences and downloads their data; every page state
passes axe in Finnish, Swedish and English."""

import json
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from asiointi.catalogue.models import Agency, Service
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.customers.services import customer_for_person
from asiointi.folder.messaging import message_send
from asiointi.folder.models import NotificationPreference
from asiointi.folder.tests.items import fill_folder
from asiointi.identity.models import User
from asiointi.identity.tests.factories import logged_in_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
    "890000000d4944415478da63f8cfc0f01f0005000201a2e5a4d90000000049454e44ae426082"
)


def _resident(site: Site) -> tuple[User, str]:
    """Tessa, logged in, with a confirmed e-mail address, 120 items and one unread message."""
    client = Client()
    person = logged_in_client(client)
    person.email, person.email_verified_at = "tessa@example.fi", timezone.now()
    person.save()
    customer = customer_for_person(person)
    parking = Service.objects.get(slug="asukaspysakointitunnus")
    fill_folder(customer, 120, parking)
    message_send(
        customer=customer,
        agency=Agency.objects.get(slug="kaupunkiymparisto"),
        subject="Rekisteriote puuttuu",
        body="Hakemuksestanne puuttuu ajoneuvon rekisteriote.",
        reference="SUB00042",
        service=parking,
    )
    return person, client.cookies["sessionid"].value


def _open(open_page: OpenPage, site: Site, session: str) -> Page:
    page = open_page()
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": site.base_url}])
    return page


def _choose(page: Page, label: str) -> None:
    """Click a radio button's label, as a person does (HDS draws the button over the input)."""
    page.locator("label.hds-radio-button__label").get_by_text(label, exact=True).click()


def _path(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def _preferences_set(page: Page, check_page: CheckPage) -> None:
    """Text messages are refused without a confirmed number; e-mail in Swedish is saved."""
    follow(page, page.get_by_role("link", name="Ilmoitukset"))
    check_page(page, "notification preferences")
    _choose(page, "Tekstiviestillä")
    follow(page, page.get_by_role("button", name="Tallenna asetukset"))
    expect(page.locator(".error-summary")).to_contain_text(
        "Vahvistettua matkapuhelinnumeroa ei ole."
    )
    check_page(page, "preferences refused")
    _choose(page, "Sähköpostilla")
    _choose(page, "Svenska")
    follow(page, page.get_by_role("button", name="Tallenna asetukset"))
    expect(page.get_by_role("status")).to_contain_text("Ilmoitusasetuksesi on tallennettu.")
    check_page(page, "preferences saved")
    preference = NotificationPreference.objects.get()
    assert (preference.channel, preference.language) == ("email", "sv")


def test_a_resident_finds_reads_replies_sets_preferences_and_downloads_their_data(
    site: Site, open_page: OpenPage, check_page: CheckPage, clamd: str, tmp_path: Path
) -> None:
    person, session = _resident(site)
    page = _open(open_page, site, session)
    page.goto(site.base_url + _path("fi", "folder:index"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Asiointikansio")
    expect(page.locator(".folder-summary")).to_contain_text("1 lukematon viesti")
    check_page(page, "folder front page")

    page.get_by_label("Hae asiointitunnuksella tai palvelun nimellä").fill("SUB00042")
    follow(page, page.get_by_role("button", name="Näytä"))
    expect(page.locator("#results")).to_have_text("2 kohdetta")
    expect(page.get_by_role("link", name="Hakemus 42", exact=True)).to_be_visible()
    check_page(page, "search by reference")

    follow(page, page.get_by_role("link", name="Rekisteriote puuttuu").first)
    expect(page.get_by_role("heading", level=1)).to_have_text("Rekisteriote puuttuu")
    expect(page.locator(".thread")).to_contain_text("ajoneuvon rekisteriote")
    check_page(page, "message thread")

    follow(page, page.get_by_role("button", name="Lähetä vastaus"))
    expect(page.locator(".error-summary")).to_contain_text("Kirjoita vastauksesi.")
    check_page(page, "reply without text")
    page.get_by_label("Vastauksesi").fill("Rekisteriote liitteenä.")
    attachment = tmp_path / "rekisteriote.png"
    attachment.write_bytes(PNG)
    page.locator("input[type=file]").set_input_files(str(attachment))
    follow(page, page.get_by_role("button", name="Lähetä vastaus"))
    expect(page.get_by_role("status")).to_contain_text("Vastauksesi on lähetetty.")
    expect(page.locator(".thread__message--customer")).to_contain_text("rekisteriote.png")
    check_page(page, "reply sent")

    follow(page, page.get_by_role("link", name="Takaisin asiointikansioon"))
    expect(page.locator(".folder-summary")).not_to_contain_text("lukematon viesti")
    _preferences_set(page, check_page)

    follow(page, page.get_by_role("link", name="Lataa tietoni"))
    check_page(page, "download my data")
    follow(page, page.get_by_role("button", name="Kokoa tietoni"))
    expect(page.get_by_role("link", name="Koneluettava kopio (JSON)")).to_be_visible()
    check_page(page, "data ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Koneluettava kopio (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text())
    assert data["person"]["name"] == person.full_name
    assert len(data["folder"]) == 121


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_folder_pages_pass_axe_in_swedish_and_english(
    site: Site, open_page: OpenPage, check_page: CheckPage, language: str
) -> None:
    _person, session = _resident(site)
    page = _open(open_page, site, session)
    for name in ("folder:index", "folder:preferences", "folder:my_data"):
        page.goto(site.base_url + _path(language, name))
        expect(page.locator("html")).to_have_attribute("lang", language)
        check_page(page, f"{name} in {language}")
    page.goto(site.base_url + _path(language, "folder:index"))
    follow(page, page.locator(".folder-summary a").first)
    check_page(page, f"thread in {language}")
