""" "Siirry palveluun" in Chromium where nothing is online, and where the agency must be contacted
first (a course service for a resident, a form service for an association): axe-checked, with and
without JavaScript, at 1280 and 320 px; screenshots in var/screenshots/ for a person to look at."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import (
    PHONE,
    CheckPage,
    OpenPage,
    Site,
    follow,
)
from asiointi.catalogue.tests.test_every_service_leads_somewhere import NOTHING_ONLINE, without_form
from asiointi.courses.models import Course
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.submissions.services import access_grant
from asiointi.submissions.tests.browser.conftest import log_in

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def look(page: Page, check: CheckPage, name: str) -> None:
    """Check the page at 1280 and 320 px and keep a screenshot of each."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, viewport in ((1280, {"width": 1280, "height": 800}), (320, PHONE)):
        page.set_viewport_size(viewport)  # type: ignore[arg-type]
        check(page, f"{name} at {width}px")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def go_to_the_service(page: Page, site: Site, language: str, slug: str) -> None:
    page.goto(site.url(language, "service_detail", slug=slug))
    follow(page, page.get_by_role("link", name=site.text(language, "Go to the service")))


@pytest.mark.parametrize("javascript", [True, False])
def test_a_service_with_nothing_online_shows_the_agencys_contacts(
    open_page: OpenPage,
    live_server: LiveServer,
    portal: Site,
    tessa: User,
    check_page: CheckPage,
    javascript: bool,
) -> None:
    page = open_page(javascript=javascript)
    if javascript:
        # Without JavaScript as an anonymous visitor: axe checks such a page by loading the same
        # address with JavaScript in a new browser, which has no session.
        log_in(page, live_server, tessa)
    service = without_form(NOTHING_ONLINE)
    go_to_the_service(page, portal, "fi", NOTHING_ONLINE)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ei tällä hetkellä käytettävissä verkossa"
    )
    main = page.get_by_role("main")
    expect(main).to_contain_text(service.agency.address)
    phone = service.contact_phone or service.agency.phone
    expect(main.get_by_role("link", name=phone)).to_be_visible()
    look(page, check_page, f"nothing-online-fi{'' if javascript else '-nojs'}")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_course_service_needing_contact_first_then_opening_for_a_resident(
    open_page: OpenPage,
    live_server: LiveServer,
    portal: Site,
    tessa: User,
    check_page: CheckPage,
    language: str,
) -> None:
    service = Service.objects.select_related("agency").get(slug="erityisliikunnan-ryhmat")
    now = timezone.now()
    course = Course.objects.create(
        code="erityisliikunta-1",
        service=service,
        agency=service.agency,
        name_fi="Soveltava kuntosaliryhmä",
        name_sv="Anpassad gymgrupp",
        name_en="Adapted gym group",
        term="kevät 2027",
        place_fi="Myllypuron liikuntapuisto",
        capacity=8,
        waiting_capacity=4,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=30),
        cancellation_deadline=now + timedelta(days=20),
    )
    page = open_page()
    log_in(page, live_server, tessa)
    go_to_the_service(page, portal, language, service.slug)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        portal.text(language, "Contact the agency first")
    )
    expect(page.get_by_role("main")).to_contain_text(portal.name(language, service))
    look(page, check_page, f"prior-contact-course-{language}")

    access_grant(service=service, customer=customer_for_person(tessa))
    go_to_the_service(page, portal, language, service.slug)
    expect(page.get_by_role("main")).to_contain_text(portal.name(language, course))


def test_a_form_service_needing_contact_first_for_an_association(
    association_page: Page,
    association: Organisation,
    portal: Site,
    check_page: CheckPage,
) -> None:
    Service.objects.filter(slug="ilmoitus-tai-palaute").update(requires_prior_contact=True)
    page = association_page
    go_to_the_service(page, portal, "sv", "ilmoitus-tai-palaute")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontakta förvaltningen först")
    expect(page.get_by_role("main")).to_contain_text(association.name)
    look(page, check_page, "prior-contact-form-organisation-sv")

    service = Service.objects.get(slug="ilmoitus-tai-palaute")
    access_grant(service=service, customer=customer_for_organisation(association))
    go_to_the_service(page, portal, "sv", "ilmoitus-tai-palaute")
    expect(page.get_by_role("button", name=portal.text("sv", "Start"))).to_be_visible()
