"""A service manager builds a form in the editor, each change a form post: a condition and a
repeating page; previews it in Finnish and Swedish, fixes the problem publishing reports,
publishes, and a resident fills it in and sends it. Every page state passes axe."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.conftest import log_in
from asiointi.backoffice.tests.fixtures import totp_code
from asiointi.backoffice.tests.support import PASSWORD, staff_member, url
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.formeditor.tests.support import editor_url
from asiointi.identity.models import User
from asiointi.submissions.models import Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SERVICE = "puunkaatolupa"  # a demo service of the manager's agency; its demo form is taken away


def _without_its_demo_form() -> None:
    """Every demo form service has a published form; the manager here starts from nothing."""
    from asiointi.eforms.models import Form, FormVersion

    FormVersion.objects.filter(form__service__slug=SERVICE).delete()
    Form.objects.filter(service__slug=SERVICE).delete()


def _fill(page: Page, **labels: str) -> None:
    for label, value in labels.items():
        page.get_by_label(label, exact=True).fill(value)


def _tick(page: Page, label: str) -> None:
    """A radio button or box of the design system: its label lies over the input."""
    page.locator("label").get_by_text(label, exact=True).click()


def _texts(page: Page, stem: str, fi: str, sv: str, en: str) -> None:
    _fill(page, **{f"{stem} suomeksi": fi, f"{stem} ruotsiksi": sv, f"{stem} englanniksi": en})


def _manager_logs_in(page: Page, site: Site, check_page: CheckPage) -> None:
    _user, device = staff_member("maija", role=AgencyMembership.Role.SERVICE_MANAGER)
    page.goto(site.base_url + url("backoffice:login"))
    _fill(page, Käyttäjätunnus="maija", Salasana=PASSWORD)
    page.get_by_label("Koodi todennussovelluksesta tai varakoodi").fill(totp_code(device))
    follow(page, page.get_by_role("button", name="Kirjaudu"))
    page.goto(site.base_url + editor_url("index"))
    check_page(page, "the editor's list of forms")
    follow(page, page.get_by_role("link", name="Puunkaatolupa omalle tontille"))
    follow(page, page.get_by_role("button", name="Aloita muokkaus"))
    check_page(page, "an empty form")


def _add_question(page: Page, kind: str, key: str, fi: str, sv: str, en: str) -> None:
    follow(page, page.get_by_role("link", name="Lisää kysymys"))
    _tick(page, kind)
    follow(page, page.get_by_role("button", name="Jatka"))
    _fill(page, **{"Kysymyksen tunnus": key})
    _texts(page, "Kysymys", fi, sv, en)
    _tick(page, "Vastaus on pakollinen")
    follow(page, page.get_by_role("button", name="Lisää kysymys"))


def _build(page: Page, check_page: CheckPage) -> None:
    follow(page, page.get_by_role("link", name="Lisää sivu"))
    _fill(page, **{"Sivun tunnus": "tree"})
    _texts(page, "Sivun otsikko", "Puu", "Trädet", "The tree")
    follow(page, page.get_by_role("button", name="Lisää sivu"))
    _add_question(
        page,
        "Kyllä tai ei",
        "dangerous",
        "Onko puu vaarallinen?",
        "Är trädet farligt?",
        "Is the tree dangerous?",
    )
    check_page(page, "a page with a question")

    follow(page, page.get_by_role("link", name="Takaisin lomakkeeseen"))
    follow(page, page.get_by_role("link", name="Lisää sivu"))
    _fill(page, **{"Sivun tunnus": "trees"})
    _texts(page, "Sivun otsikko", "Puut", "Träden", "The trees")
    page.get_by_label("Näytä vain, kun vastaus kysymykseen", exact=True).select_option("dangerous")
    _fill(page, **{"on jokin näistä": "yes"})
    _tick(
        page, "Toistuva sivu: vastataan kerran kutakin kohdetta kohden, ”Lisää uusi” -painikkeella"
    )
    _fill(page, Vähintään="1", Enintään="3")
    _texts(page, "Yhden kohteen nimi (toistuva sivu)", "Puu", "Träd", "Tree")
    _texts(
        page,
        "”Lisää uusi” -painike (toistuva sivu)",
        "Lisää puu",
        "Lägg till ett träd",
        "Add a tree",
    )
    follow(page, page.get_by_role("button", name="Lisää sivu"))
    # The Swedish question is forgotten: publishing names it.
    _add_question(page, "Lyhyt teksti", "species", "Puulaji", "", "Species")
    check_page(page, "a repeating page")


def _fix_the_reported_problem(page: Page, check_page: CheckPage) -> None:
    follow(page, page.get_by_role("link", name="Takaisin lomakkeeseen"))
    follow(page, page.get_by_role("link", name="Julkaise", exact=True))
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Kysymys species")
    expect(page.get_by_role("button", name="Julkaise uusi versio")).to_have_count(0)
    check_page(page, "publishing refused with a problem")
    follow(page, summary.get_by_role("link", name="Korjaa"))
    page.get_by_label("Kysymys ruotsiksi", exact=True).fill("Trädslag")
    follow(page, page.get_by_role("button", name="Tallenna kysymys"))


def _preview(page: Page, check_page: CheckPage) -> None:
    follow(page, page.get_by_role("link", name="Takaisin lomakkeeseen"))
    follow(page, page.get_by_role("link", name="Esikatselu"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Puu")
    check_page(page, "preview in Finnish")
    _tick(page, "Kyllä")
    follow(page, page.get_by_role("button", name="Jatka", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Puut")
    follow(page, page.get_by_role("link", name="På svenska"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Träden")
    expect(page.locator("main")).to_contain_text("Trädslag")
    check_page(page, "preview of the repeating page in Swedish")
    follow(
        page, page.get_by_role("link", name="Tillbaka till redigeraren")
    )  # the preview's language


def _publish(page: Page, check_page: CheckPage) -> None:
    follow(page, page.get_by_role("link", name="Julkaise", exact=True))
    check_page(page, "ready to publish")
    follow(page, page.get_by_role("button", name="Julkaise uusi versio"))
    expect(page.locator("main")).to_contain_text("Versio 1 on julkaistu.")
    check_page(page, "the versions")


def _resident_sends(page: Page, site: Site, check_page: CheckPage) -> None:
    with_url = site.base_url + url("eforms:start", SERVICE)
    page.goto(with_url)
    follow(page, page.get_by_role("button", name="Aloita"))
    _tick(page, "Kyllä")
    follow(page, page.get_by_role("button", name="Jatka", exact=True))
    page.get_by_label("Puulaji").first.fill("Koivu")
    follow(page, page.get_by_role("button", name="Lisää puu"))
    page.get_by_label("Puulaji").nth(1).fill("Mänty")
    check_page(page, "the resident's repeating page")
    follow(page, page.get_by_role("button", name="Jatka", exact=True))
    expect(page.locator("main")).to_contain_text("Mänty")
    follow(page, page.get_by_role("button", name="Lähetä"))
    check_page(page, "sent")


def test_a_manager_builds_previews_fixes_and_publishes_and_a_resident_sends_it(
    portal: Site,
    live_server: LiveServer,
    open_page: OpenPage,
    check_page: CheckPage,
    tessa: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _without_its_demo_form()
    manager = open_page()
    _manager_logs_in(manager, portal, check_page)
    _build(manager, check_page)
    _fix_the_reported_problem(manager, check_page)
    _preview(manager, check_page)
    _publish(manager, check_page)

    resident = open_page()
    log_in(resident, live_server, tessa)
    _resident_sends(resident, portal, check_page)
    sent = Submission.objects.get(service__slug=SERVICE)
    assert sent.version.number == 1
