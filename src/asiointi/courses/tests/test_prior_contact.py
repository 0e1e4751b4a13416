"""A course service that needs contact with the agency first: an unentitled person or organisation
gets the reason and the agency's contacts, never "0 courses" or a login loop; access opens it."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.tests.conftest import MakePerson, acting_as, client_for
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.customers.services import customer_for_organisation
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.submissions.services import access_grant


@pytest.fixture
def special(service: Service) -> Service:
    service.requires_prior_contact = True
    service.audience = Service.Audience.BOTH
    service.contact_phone = "09 310 87950"
    service.contact_hours_en = "Mon–Fri 9 am–3 pm"
    service.prior_contact_instructions_en = "Call us to agree on a suitable group first."
    service.save()
    return service


def press_go_to_the_service(client: Client, service: Service) -> tuple[str, str, int]:
    start = client.get(reverse("catalogue:service_start", args=[service.slug]))
    assert start.status_code == 302
    page = client.get(start.headers["Location"])
    return start.headers["Location"], page.content.decode(), page.status_code


def assert_contact_first_page(page: str, status: int, service: Service) -> None:
    assert status == 403
    assert "Contact the agency first" in page
    assert str(service.name) in page
    assert "Call us to agree on a suitable group first." in page
    assert "09 310 87950" in page and "Mon–Fri 9 am–3 pm" in page
    assert "0 courses" not in page


def test_an_unentitled_resident_is_told_why_and_how_to_reach_the_agency(
    special: Service, course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    where, page, status = press_go_to_the_service(client, special)
    assert where == reverse("courses:service_start", args=[special.slug])
    assert_contact_first_page(page, status, special)
    enroll = client.post(
        reverse("courses:course_enroll", args=[course.code]), {"participant": "self"}
    )
    assert enroll.status_code == 403 and "Contact the agency first" in enroll.content.decode()
    assert not Enrollment.objects.exists()
    course_page = client.get(course.get_absolute_url()).content.decode()
    assert "Enrolling opens once you have contacted the agency." in course_page
    assert reverse("courses:course_enroll", args=[course.code]) not in course_page


def test_anonymous_visitors_log_in_and_come_back_to_the_reason_not_a_loop(
    special: Service, course: Course, make_person: MakePerson
) -> None:
    where, _page, status = press_go_to_the_service(Client(), special)
    assert status == 302  # to the login page, which returns to the service's own start
    client = client_for(make_person())
    page = client.get(where)
    assert_contact_first_page(page.content.decode(), page.status_code, special)


def test_once_access_is_granted_the_courses_open_and_enrolling_works(
    special: Service, course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    access_grant(service=special, customer=acting_as(person).customer)
    client = client_for(person)
    start = client.get(reverse("courses:service_start", args=[special.slug]))
    assert start.status_code == 302
    listing = client.get(start.headers["Location"]).content.decode()
    assert str(course.name) in listing
    enroll = client.post(
        reverse("courses:course_enroll", args=[course.code]), {"participant": "self"}
    )
    assert enroll.status_code == 303
    assert Enrollment.objects.get().status == Enrollment.Status.ENROLLED


def test_an_organisation_needs_its_own_access_not_its_representatives(
    special: Service, make_course: object, make_person: MakePerson
) -> None:
    course = make_course(organisations_may_enroll=True, max_group_size=10)  # type: ignore[operator]
    person = make_person()
    access_grant(service=special, customer=acting_as(person).customer)  # the person's, not theirs
    organisation = Organisation.objects.create(
        business_id="0737546-2", name="Käpylän Kotiseutuyhdistys ry", registered_at=timezone.now()
    )
    rights_remember(person=person, organisation=organisation, rights=Rights(roles=("PJ",)))
    client = client_for(person)
    session = client.session
    session[SESSION_ACTING_ORGANISATION] = organisation.pk
    session.save()

    _where, page, status = press_go_to_the_service(client, special)
    assert_contact_first_page(page, status, special)
    assert "Käpylän Kotiseutuyhdistys ry" in page

    access_grant(service=special, customer=customer_for_organisation(organisation))
    start = client.get(reverse("courses:service_start", args=[special.slug]))
    assert start.status_code == 302
    enroll = client.post(
        reverse("courses:course_enroll", args=[course.code]),
        {"group_name": "Kerhon ryhmä", "group_size": "4"},
    )
    assert enroll.status_code == 303
    assert Enrollment.objects.get().seats == 4
