""" "Siirry palveluun" of every demo service leads somewhere real, for a resident and for a person
acting for an organisation: never the login page again, the same description again, or a 404/500.
A form service opens its form; a course service its list of courses, after the agency has opened
it for the customer where contact comes first."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from asiointi.catalogue.models import Service
from asiointi.courses.demo import load_demo as load_courses
from asiointi.courses.models import Course
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.customers.models import Customer
from asiointi.customers.services import customer_for_organisation, customer_for_person
from asiointi.eforms.demo import load_demo as load_forms
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.submissions.services import access_grant
from asiointi.submissions.tests.conftest import make_resident

DEAD_ENDS = (404, 405, 500)
UNAVAILABLE = {"fi": "Ei tällä hetkellä käytettävissä verkossa", "en": "Not available online"}
# A demo service with nothing online: its form, should one be published later, is taken away.
NOTHING_ONLINE = "asiakirjapyynto"


def without_form(slug: str) -> Service:
    from asiointi.eforms.models import Form, FormVersion

    FormVersion.objects.filter(form__service__slug=slug).delete()
    Form.objects.filter(service__slug=slug).delete()
    return Service.objects.select_related("agency").get(slug=slug)


@pytest.fixture
def demo_city(demo_catalogue: dict[str, int]) -> list[Service]:
    load_forms()
    load_courses()
    return list(Service.objects.filter(published=True).select_related("agency"))


@pytest.fixture
def resident(db: None) -> User:
    return make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi")


def resident_client(person: User) -> Client:
    client = Client()
    client.force_login(person)
    return client


def organisation_client(person: User) -> Client:
    organisation = Organisation.objects.create(
        business_id="0737546-2", name="Käpylän Kotiseutuyhdistys ry", registered_at=timezone.now()
    )
    rights_remember(person=person, organisation=organisation, rights=Rights(roles=("PJ",)))
    client = resident_client(person)
    session = client.session
    session[SESSION_ACTING_ORGANISATION] = organisation.pk
    session.save()
    return client


def walk(client: Client, service: Service, language: str) -> tuple[str, int, str]:
    """Press "Siirry palveluun" and follow the portal's redirects: (where, status, page)."""
    with translation.override(language):
        address = reverse("catalogue:service_start", args=[service.slug])
        description = service.get_absolute_url()
        login = reverse("identity:login")
    seen: list[str] = []
    while True:
        assert address not in seen, f"{service.slug}: a loop {[*seen, address]}"
        seen.append(address)
        response = client.get(address)
        where = urlsplit(address).path
        assert where != description, f"{service.slug}: back to its own description"
        assert not where.startswith(login), f"{service.slug}: the login page while logged in"
        if response.status_code not in (301, 302, 303):
            return address, response.status_code, response.content.decode()
        address = response.headers["Location"]
        if not address.startswith("/"):
            return address, 200, ""  # an external system, opening on its own
        assert len(seen) < 6, f"{service.slug}: too many redirects {seen}"


def check_course_list(service: Service, language: str, where: str, status: int, page: str) -> None:
    """The service's own courses, every one of them and no other, in the list of courses."""
    with translation.override(language):
        course_list = reverse("courses:course_list")
        courses = Course.objects.filter(service=service, published=True)
        addresses = [course.get_absolute_url() for course in courses]
    assert (urlsplit(where).path, status) == (course_list, 200), f"{service.slug}: {where}"
    assert addresses, f"{service.slug}: no courses"
    for address in addresses:
        assert f'href="{address}"' in page, f"{service.slug}: {address} not listed"
    assert page.count('class="service-card course-card"') == len(addresses), service.slug


def open_course_service(
    client: Client, customer: Customer, service: Service, language: str
) -> tuple[str, int, str]:
    """A course service needing contact first explains so until the agency opens it."""
    where, status, page = walk(client, service, language)
    if service.requires_prior_contact:
        with translation.override(language):
            contact_first = gettext("Contact the agency first")
        assert status == 403 and contact_first in page, f"{service.slug}: {status} at {where}"
        access_grant(service=service, customer=customer)
        where, status, page = walk(client, service, language)
    check_course_list(service, language, where, status, page)
    return where, status, page


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("persona", ["resident", "organisation"])
def test_every_service_opens_something_real_for_a_logged_in_customer(
    demo_city: list[Service], resident: User, persona: str, language: str
) -> None:
    if persona == "resident":
        client, customer = resident_client(resident), customer_for_person(resident)
    else:
        client = organisation_client(resident)
        customer = customer_for_organisation(Organisation.objects.get())
    assert len(demo_city) >= 50
    kinds = set()
    for service in demo_city:
        if service.kind == Service.Kind.COURSE:
            where, status, page = open_course_service(client, customer, service, language)
        else:
            where, status, page = walk(client, service, language)
        assert status not in DEAD_ENDS, f"{service.slug}: {status} at {where}"
        if service.kind == Service.Kind.EXTERNAL:
            assert where == service.external_url
        else:
            assert "<h1" in page and "<main" in page, f"{service.slug}: {where} is not a page"
        kinds.add((service.kind, status))
        if service.kind == Service.Kind.FORM:
            # Every form service of the demo city has its form (eforms/demo/*.toml).
            assert UNAVAILABLE[language] not in page, f"{service.slug}: nothing online"
    assert (Service.Kind.FORM, 200) in kinds and (Service.Kind.COURSE, 200) in kinds


def test_a_service_with_nothing_online_shows_the_agencys_contacts(
    demo_city: list[Service], resident: User
) -> None:
    service = without_form(NOTHING_ONLINE)
    service.contact_hours_fi = "ma–pe klo 9–15"
    service.save()
    client = resident_client(resident)
    with translation.override("fi"):
        response = client.get(reverse("catalogue:service_start", args=[service.slug]))
        agency_name = str(service.agency.name)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ei tällä hetkellä käytettävissä verkossa" in page
    agency = service.agency
    for contact in (agency_name, agency.address, "ma–pe klo 9–15"):
        assert contact in page
    assert (service.contact_phone or agency.phone) in page
    assert (service.contact_email or agency.email) in page


def test_anonymous_visitors_get_the_same_page_without_being_asked_to_log_in(
    demo_city: list[Service],
) -> None:
    without_form(NOTHING_ONLINE)
    with translation.override("sv"):
        response = Client().get(reverse("catalogue:service_start", args=[NOTHING_ONLINE]))
    assert response.status_code == 200
    assert "För tillfället inte tillgänglig på nätet" in response.content.decode()
