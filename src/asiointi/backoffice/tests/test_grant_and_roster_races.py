"""Back-office buttons pressed at the same moment, each request on its own PostgreSQL connection:
one grant, one message each, and places that never go below the enrolled while people enroll."""

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.support import staff_client, url
from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.backoffice.tests.test_grants import SLUG, TESSA_CODE, find
from asiointi.backoffice.tests.test_rosters import fill, roster_url
from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, client_for
from asiointi.folder.models import Message
from asiointi.submissions.models import AccessGrant
from asiointi.submissions.tests.conftest import make_resident

Role = AgencyMembership.Role
Status = Enrollment.Status


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def test_grant_pressed_three_times_at_once_makes_one_grant(demo_forms: None) -> None:
    Service.objects.filter(slug=SLUG).update(requires_prior_contact=True)
    prior = Service.objects.select_related("agency").get(slug=SLUG)
    make_resident(TESSA_CODE, "Tessa", "Testilä", "tessa@example.fi")
    manager = staff_client("manager", agency_slug=prior.agency.slug, role=Role.SERVICE_MANAGER)
    page = find(manager, prior, TESSA_CODE)
    token = page.split('name="customer" value="')[1].split('"')[0]
    address = url("backoffice:grant_add", prior.agency.slug)
    data = {"customer": token, "service": prior.pk, "valid_until": ""}
    answers = race(*(lambda: manager.post(address, data).status_code for _ in range(3)))
    assert answers == [303, 303, 303]
    assert AccessGrant.objects.count() == 1


def _numbers_hold(course: Course) -> None:
    course.refresh_from_db()
    enrolled = Enrollment.objects.filter(course=course, status=Status.ENROLLED)
    waiting = Enrollment.objects.filter(course=course, status=Status.WAITING)
    assert course.enrolled_seats == sum(e.seats for e in enrolled) <= course.capacity
    assert course.waiting_seats == sum(e.seats for e in waiting) <= course.waiting_capacity


@pytest.mark.parametrize("rounds", range(3))
def test_lowering_places_while_someone_enrolls_never_goes_below_the_enrolled(
    make_course: MakeCourse, make_person: MakePerson, rounds: int
) -> None:
    course = make_course(capacity=3, waiting_capacity=2)
    fill(course, make_person, 2)
    clerk = staff_client(f"clerk{rounds}", agency_slug=course.agency.slug)
    resident = client_for(make_person(email_verified_at=timezone.now()))
    lower = roster_url("backoffice:roster_capacity", course)
    enroll = url("courses:course_enroll", course.code)
    answers = race(
        lambda: clerk.post(lower, {"capacity": "2", "waiting_capacity": "2"}).status_code,
        lambda: resident.post(enroll, {"participant": "self"}).status_code,
    )
    assert answers[0] in (303, 400), answers
    _numbers_hold(course)
    assert Enrollment.objects.filter(course=course).count() == 3
    newcomer = Enrollment.objects.filter(course=course).latest("created_at")
    if answers[0] == 303:  # the places went down first: the newcomer waits
        assert (course.capacity, newcomer.status) == (2, Status.WAITING)
    else:  # the newcomer took the third place first: the places could not go below it
        assert (course.capacity, newcomer.status) == (3, Status.ENROLLED)


def test_raising_places_while_someone_enrolls_keeps_the_waiting_list_order(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=2, waiting_capacity=3)
    *_, first_waiting = fill(course, make_person, 3)
    clerk = staff_client("clerk", agency_slug=course.agency.slug)
    resident = client_for(make_person(email_verified_at=timezone.now()))
    answers = race(
        lambda: (
            clerk.post(
                roster_url("backoffice:roster_capacity", course),
                {"capacity": "3", "waiting_capacity": "3"},
            ).status_code
        ),
        lambda: (
            resident.post(
                url("courses:course_enroll", course.code), {"participant": "self"}
            ).status_code
        ),
    )
    assert answers[0] == 303, answers
    _numbers_hold(course)
    assert Enrollment.objects.get(pk=first_waiting.pk).status == Status.ENROLLED
    newcomer = Enrollment.objects.filter(course=course).latest("created_at")
    assert newcomer.status == Status.WAITING


def test_a_message_pressed_twice_at_once_reaches_each_enrolled_once(
    make_course: MakeCourse, make_person: MakePerson, django_capture_on_commit_callbacks: Any
) -> None:
    course = make_course(capacity=2, waiting_capacity=2)
    fill(course, make_person, 2)
    clerk = staff_client("clerk", agency_slug=course.agency.slug)
    address = roster_url("backoffice:roster_message", course)
    data = {"body": "Kurssi alkaa.", "form_key": "pressed-twice"}
    answers = race(*(lambda: clerk.post(address, data).status_code for _ in range(2)))
    assert answers == [303, 303]
    assert Message.objects.filter(body="Kurssi alkaa.").count() == 2
