"""The resident parking permit in Finnish: prefilled details, an error and its fix, the exit page
for someone not eligible, Change from the check page, Lähetä once, the confirmation and the PDF."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from asiointi.attachments.tests.conftest import PDF
from asiointi.catalogue.tests.browser.support import CheckPage, Site, follow
from asiointi.submissions.models import Submission
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


def _applicant_and_residence(me: Filler) -> None:
    """An error and its fix on the applicant's page; the exit page for someone not eligible."""
    me.expect_page("Hakijan tiedot")
    # Prefilled from the register, shown masked and not editable.
    expect(me.main).to_contain_text("010280-****")
    expect(me.main.get_by_label("Katuosoite")).to_have_value("Mannerheimintie 1 A 2")
    me.fill("Postinumero", "100")
    me.go_on()
    me.expect_errors("Anna postinumero viidellä numerolla, esimerkiksi 00100.")
    expect(me.main.get_by_label("Katuosoite")).to_have_value("Mannerheimintie 1 A 2")
    me.fill("Postinumero", "00100")
    me.go_on()

    me.expect_page("Asuminen")
    me.choose("Ei")
    me.go_on()
    me.expect_page("Et voi hakea asukaspysäköintitunnusta")
    follow(me.page, me.main.get_by_role("link", name="Muuta vastaustasi"))
    me.choose("Kyllä")
    me.go_on()


def _vehicle_to_insurance(me: Filler, tmp_path: Path) -> None:
    """A leased car with its certificate, the permit's period, the insurance confirmed."""
    me.expect_page("Ajoneuvo")
    me.fill("Rekisteritunnus", "ABC-123")
    me.choose("Leasing-auto")
    me.fill("Hiilidioksidipäästöt (vapaaehtoinen)", "95")
    me.go_on()

    # A leased car: the leasing company's certificate of the right to use it.
    me.expect_page("Käyttöoikeus")
    certificate = tmp_path / "leasingtodistus.pdf"
    certificate.write_bytes(PDF)
    label = "Työnantajan tai leasingyhtiön todistus käyttöoikeudesta"
    me.main.get_by_label(label).set_input_files([str(certificate)])
    me.go_on()

    me.expect_page("Voimassaolo")
    me.choose("12 kuukautta")
    me.fill("Päivä", "1")
    me.fill("Kuukausi", "6")
    me.fill("Vuosi", "2099")
    me.go_on()

    me.expect_page("Vakuutus")
    me.go_on()
    me.expect_errors("Vahvista rastittamalla ruutu.")
    me.choose("Vakuutan antamani tiedot oikeiksi.")
    me.go_on()


def test_a_resident_applies_for_a_parking_permit(
    resident_page: Page, portal: Site, check_page: CheckPage, tmp_path: Path
) -> None:
    me = Filler(resident_page, portal, "fi", check_page)
    me.open_form("asukaspysakointitunnus")

    _applicant_and_residence(me)
    _vehicle_to_insurance(me, tmp_path)

    me.expect_page("Tarkista vastauksesi ennen lähettämistä")
    expect(me.main).to_contain_text("Leasing-auto")
    follow(me.page, me.main.get_by_role("link", name=f"{me.t('Change')} Rekisteritunnus"))
    me.expect_page("Ajoneuvo")
    me.fill("Rekisteritunnus", "XYZ-987")
    me.press("Tallenna ja palaa tarkistukseen")
    me.expect_page("Tarkista vastauksesi ennen lähettämistä")
    expect(me.main).to_contain_text("XYZ-987")

    me.press("Lähetä")
    me.expect_page("Lomake lähetetty")
    submission = Submission.objects.get()
    expect(me.main.locator(".reference")).to_have_text(submission.reference)
    # Reloading the confirmation, or going back and sending again, makes no second submission.
    me.page.go_back()
    me.page.reload()
    assert Submission.objects.count() == 1

    me.page.goto(me.url("submissions:confirmation", submission.pk))
    with me.page.expect_download() as download:
        me.main.get_by_role("link", name="Lataa vastauksesi PDF-tiedostona").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    assert download.value.suggested_filename == f"{submission.reference}.pdf"
