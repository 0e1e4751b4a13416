"""A service manager grants a resident access to a prior-contact service and the resident finds
the form open; a clerk raises a course's places and the first waiting participant gets the place
and is told; the menu leads to both and to the feedback inbox. Every page state passes axe."""

import pytest
from django.conf import LazySettings
from django.test import Client
from playwright.sync_api import expect

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.staff_pages import course_open, staff_logs_in
from asiointi.backoffice.tests.support import OWNING_AGENCY, url
from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.customers.acting import Acting
from asiointi.customers.services import customer_for_person
from asiointi.identity.models import User
from asiointi.notify.models import OutboxMessage
from asiointi.submissions.tests.conftest import make_resident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Role = AgencyMembership.Role
FORM = "ilmoitus-tai-palaute"


def form_opens(tessa: User) -> int:
    client = Client()
    client.force_login(tessa)
    start = client.get(url("catalogue:service_start", FORM))
    return client.get(start.headers["Location"]).status_code


def test_a_service_manager_opens_a_prior_contact_service_to_a_resident(
    portal: Site, open_page: OpenPage, check_page: CheckPage, tessa: User
) -> None:
    Service.objects.filter(slug=FORM).update(requires_prior_contact=True)
    agency = Service.objects.get(slug=FORM).agency
    assert form_opens(tessa) == 403
    manager = open_page()
    staff_logs_in(manager, portal, "maija", Role.SERVICE_MANAGER, agency.slug)
    nav = manager.get_by_role("navigation", name="Henkilöstö")
    follow(manager, nav.get_by_role("link", name="Palvelujen käyttöoikeudet"))
    check_page(manager, "access grants")

    manager.get_by_label("Henkilötunnus tai Y-tunnus").fill("010280-95")
    follow(manager, manager.get_by_role("button", name="Hae", exact=True))
    expect(manager.locator(".hds-error-summary")).to_contain_text("Tarkista tunnus")
    check_page(manager, "access grants, a mistyped code")

    manager.get_by_label("Henkilötunnus tai Y-tunnus").fill("010280-952L")
    follow(manager, manager.get_by_role("button", name="Hae", exact=True))
    expect(manager.locator("#found")).to_contain_text("Tessa Testilä (010280-****)")
    check_page(manager, "access grants, customer found")
    manager.get_by_label("Palvelu").select_option(label=str(Service.objects.get(slug=FORM).name))
    follow(manager, manager.get_by_role("button", name="Anna käyttöoikeus"))
    expect(manager.get_by_role("table")).to_contain_text("Tessa Testilä")
    check_page(manager, "access grants, granted")
    assert form_opens(tessa) == 200

    follow(manager, manager.get_by_role("button", name="Peru").first)
    expect(manager.get_by_role("main")).to_contain_text("Kenellekään ei ole vielä annettu")
    assert form_opens(tessa) == 403
    follow(manager, nav.get_by_role("link", name="Palaute"))
    check_page(manager, "feedback inbox from the menu")


def _course(service: Service) -> Course:
    return course_open(
        service, code="keramiikka-1", name_fi="Keramiikka", capacity=1, waiting_capacity=2
    )


def test_a_clerk_raises_the_places_and_the_first_waiting_is_told(
    portal: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    settings: LazySettings,
) -> None:
    settings.EMAIL_BACKEND = "asiointi.notify.outbox.OutboxEmailBackend"
    service = Service.objects.filter(agency__slug=OWNING_AGENCY).first()
    assert service is not None
    course = _course(service)
    people = [
        make_resident(code, first, "Osallistuja", f"{first.lower()}@example.fi")
        for code, first in (("010280-952L", "Tessa"), ("010594Y9032", "Joni"))
    ]
    for person in people:
        enrollment_create(
            course=course,
            acting=Acting(person=person, customer=customer_for_person(person)),
            participant=participant_self(),
        )
    waiting = Enrollment.objects.get(status="waiting")
    clerk = open_page()
    staff_logs_in(clerk, portal, "kaisa", Role.CLERK, OWNING_AGENCY)
    nav = clerk.get_by_role("navigation", name="Henkilöstö")
    expect(nav.get_by_role("link", name="Palvelujen käyttöoikeudet")).to_have_count(0)
    follow(clerk, nav.get_by_role("link", name="Kurssit"))
    check_page(clerk, "the agency's courses")
    follow(clerk, clerk.get_by_role("link", name="Keramiikka"))
    check_page(clerk, "roster")

    clerk.get_by_role("spinbutton", name="Paikat", exact=True).fill("0")
    follow(clerk, clerk.get_by_role("button", name="Muuta paikkamäärää"))
    expect(clerk.locator(".hds-error-summary")).to_be_visible()
    check_page(clerk, "roster, places below the enrolled")

    clerk.get_by_role("spinbutton", name="Paikat", exact=True).fill("2")
    follow(clerk, clerk.get_by_role("button", name="Muuta paikkamäärää"))
    expect(clerk.get_by_role("main")).to_contain_text("1 paikka annettiin varasijalta")
    check_page(clerk, "roster, a waiting participant promoted")
    waiting.refresh_from_db()
    assert waiting.status == "enrolled"
    assert OutboxMessage.objects.filter(recipient="joni@example.fi").exists()

    clerk.get_by_role("textbox", name="Viesti kaikille ilmoittautuneille").fill(
        "Tervetuloa kurssille."
    )
    follow(clerk, clerk.get_by_role("button", name="Lähetä viesti"))
    expect(clerk.get_by_role("main")).to_contain_text("Viesti lähetettiin 2 asiakkaalle.")
    check_page(clerk, "roster, message sent")
