"""A service manager edits a service page's Swedish description and a course's Swedish title in the
back office (a missing Finnish name refused first, with what was typed kept), and the public
Swedish pages show both at once. Every page state passes axe."""

import pytest
from playwright.sync_api import expect

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.staff_pages import course_open, staff_logs_in
from asiointi.backoffice.tests.support import url
from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.courses.models import Course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Role = AgencyMembership.Role


def _course(service: Service) -> Course:
    return course_open(
        service, code="drejning-1", name_fi="Dreijaus", name_sv="Drejning", capacity=5
    )


def test_a_service_manager_edits_a_service_page_and_a_course_in_swedish(
    portal: Site, open_page: OpenPage, check_page: CheckPage
) -> None:
    service = Service.objects.filter(kind=Service.Kind.COURSE, published=True).order_by("slug")[0]
    course = _course(service)
    public = open_page()
    public.goto(portal.base_url + url("catalogue:service_detail", service.slug, language="sv"))
    expect(public.get_by_role("main")).not_to_contain_text("Ny beskrivning på svenska")

    manager = open_page()
    staff_logs_in(manager, portal, "maija", Role.SERVICE_MANAGER, service.agency.slug)
    nav = manager.get_by_role("navigation", name="Henkilöstö")
    follow(manager, nav.get_by_role("link", name="Palvelut", exact=True))
    check_page(manager, "the agency's services")
    follow(manager, manager.get_by_role("link", name=str(service.name_fi), exact=True))
    check_page(manager, "a service page's editor")

    manager.get_by_label("Kuvaus, ruotsiksi").fill("Ny beskrivning på svenska.")
    manager.get_by_label("Nimi, suomeksi").fill("")
    follow(manager, manager.get_by_role("button", name="Tallenna"))
    expect(manager.locator(".hds-error-summary")).to_be_visible()
    expect(manager.get_by_label("Kuvaus, ruotsiksi")).to_have_value("Ny beskrivning på svenska.")
    check_page(manager, "a service page's editor, no Finnish name")

    manager.get_by_label("Nimi, suomeksi").fill(str(service.name_fi))
    follow(manager, manager.get_by_role("button", name="Tallenna"))
    expect(manager.get_by_role("main")).to_contain_text("Muutokset tallennettiin.")
    check_page(manager, "a service page's editor, saved")
    public.reload()
    expect(public.get_by_role("main")).to_contain_text("Ny beskrivning på svenska.")

    follow(manager, nav.get_by_role("link", name="Kurssit", exact=True))
    follow(manager, manager.get_by_role("link", name="Muokkaa"))
    check_page(manager, "a course's editor")
    manager.get_by_label("Nimi, ruotsiksi").fill("Drejning för nybörjare")
    follow(manager, manager.get_by_role("button", name="Tallenna"))
    expect(manager.get_by_role("main")).to_contain_text("Muutokset tallennettiin.")
    check_page(manager, "a course's editor, saved")
    public.goto(portal.base_url + url("courses:course_detail", course.code, language="sv"))
    expect(public.get_by_role("heading", level=1)).to_have_text("Drejning för nybörjare")
    check_page(public, "the public course page in Swedish")
