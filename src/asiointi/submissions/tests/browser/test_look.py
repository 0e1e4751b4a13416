"""How the form pages look: every page kind at 1280 px and 320 px, saved under var/screenshots/ for
a person to look at, with the layout checks a screenshot alone would not prove: three short date
fields on one row, a summary row with question, answer and change link side by side, numbers and
dates in the page's language, and nothing wider than a phone's screen."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from asiointi.catalogue.tests.browser.support import CheckPage, Site
from asiointi.submissions.tests.browser.steps import Filler
from asiointi.tests.test_pdf import pdf_objects

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
WIDTHS = (1280, 320)


def shoot(page: Page, name: str) -> None:
    """Both widths, and at each no sideways scrolling and a date's three fields on one row."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for date in page.locator(".date-input").all():
            assert boxes_on_one_row(page, f"#{date.evaluate('e => e.parentElement.id')} input")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at {width} px"
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def boxes_on_one_row(page: Page, selector: str) -> bool:
    tops = page.locator(selector).evaluate_all(
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
    )
    return len(tops) > 1 and len(set(tops)) == 1


def test_the_parking_permit_pages_look_finished(
    resident_page: Page, portal: Site, check_page: CheckPage
) -> None:
    me = Filler(resident_page, portal, "fi", check_page)
    me.open_form("asukaspysakointitunnus")
    me.expect_page("Hakijan tiedot")
    me.fill("Postinumero", "100")
    me.go_on()
    me.expect_errors("Anna postinumero viidellä numerolla")
    summary = me.page.locator(".hds-error-summary")
    assert summary.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
    postal = me.main.get_by_label("Postinumero").bounding_box()
    assert postal and postal["width"] < 160  # five digits need no full-width box
    shoot(me.page, "form-errors")
    me.fill("Postinumero", "00100")
    me.go_on()

    me.expect_page("Asuminen")
    me.choose("Kyllä")
    me.go_on()
    me.expect_page("Ajoneuvo")
    me.fill("Rekisteritunnus", "ABC-123")
    me.choose("Omistaja tai haltija")  # a leased car would add the certificate page
    me.go_on()

    me.expect_page("Voimassaolo")
    me.choose("12 kuukautta")
    me.go_on()
    me.expect_errors("Anna päivämäärä.")
    assert boxes_on_one_row(me.page, ".date-input .hds-text-input__input")
    # The example in the hint is a date the question accepts: it asks for a future date.
    hint = me.main.locator(".date-input").locator("xpath=..").locator(".form-field__hint")
    day, month, year = hint.inner_text().split()[-3:]
    shoot(me.page, "form-date")
    me.fill("Päivä", day)
    me.fill("Kuukausi", month)
    me.fill("Vuosi", year)
    me.go_on()

    me.expect_page("Vakuutus")
    me.choose("Vakuutan antamani tiedot oikeiksi.")
    me.go_on()
    me.expect_page("Tarkista vastauksesi ennen lähettämistä")
    row = me.main.locator(".summary-list__row").filter(has_text="Rekisteritunnus")
    tops = row.locator("dt, dd").evaluate_all(
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, "question, answer and change link share one row at 1280 px"
    expect(me.main).to_contain_text(f"{int(day)}.{int(month)}.{year}")
    # The declaration is stated once, beside "Lähetä", not also as an answer to change.
    assert me.main.inner_text().count("Vakuutan antamani tiedot oikeiksi.") == 1
    shoot(me.page, "check-answers")

    me.press("Lähetä")
    me.expect_page("Lomake lähetetty")
    shoot(me.page, "receipt")
    with me.page.expect_download() as download:
        me.main.get_by_role("link", name="Lataa vastauksesi PDF-tiedostona").click()
    objects = pdf_objects(download.value.path().read_bytes())
    assert b"/StructTreeRoot" in objects and b"/Lang (fi)" in objects
    assert b"<dc:title>" in objects and b'pdfuaid:part="1"' in objects


def test_a_repeating_page_keeps_a_decimal_comma_and_looks_finished(
    resident_page: Page, portal: Site, check_page: CheckPage
) -> None:
    me = Filler(resident_page, portal, "sv", check_page)
    me.open_form("varhaiskasvatushakemus")
    me.expect_page("Vårdnadshavarens uppgifter")
    me.fill("Telefonnummer", "040 123 4567")
    me.go_on()
    me.expect_page("Barnen som du söker plats för")
    first = me.main.get_by_role("group", name="Barn 1", exact=True)
    first.get_by_label("Förnamn", exact=True).fill("Olli")
    first.get_by_label("Uppskattad vårdtid").fill("8,5")
    me.press("Lägg till ett barn")
    me.go_on()
    me.expect_errors("Ange ett datum.")
    expect(first.get_by_label("Uppskattad vårdtid")).to_have_value("8,5")
    item = me.main.locator(".repeat-item").first
    assert item.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    shoot(me.page, "form-repeating")


def test_a_long_finnish_service_name_stays_inside_its_card(
    resident_page: Page, portal: Site, check_page: CheckPage
) -> None:
    me = Filler(resident_page, portal, "fi", check_page)
    me.page.goto(me.url("catalogue:service_list") + "?q=asukaspysäköintitunnus")
    me.check(me.page, "service list")
    assert me.page.locator("html").get_attribute("lang") == "fi"
    me.page.set_viewport_size({"width": 320, "height": 900})
    title = me.main.locator(".service-card__title").first
    assert title.evaluate("e => getComputedStyle(e).hyphens") == "auto"
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth")
    shoot(me.page, "service-cards")
