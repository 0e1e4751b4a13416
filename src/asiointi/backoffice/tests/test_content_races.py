"""Two managers saving the same page at the same moment, each request on its own PostgreSQL
connection: one save wins, the other is refused as stale and changes nothing; "Create" pressed
twice at once makes one course."""

import pytest
from django.db import connection

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.content_support import course_post, service_post
from asiointi.backoffice.tests.support import staff_client, url
from asiointi.backoffice.tests.test_admin_login_concurrency import race
from asiointi.catalogue.models import Service
from asiointi.courses.models import Course
from asiointi.privacy.models import AuditEvent

Role = AgencyMembership.Role


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def test_two_managers_saving_one_service_page_at_once_one_wins_one_is_refused(
    demo_catalogue: dict[str, int],
) -> None:
    service = Service.objects.select_related("agency").filter(published=True).order_by("slug")[0]
    slug = service.agency.slug
    first = staff_client("first", agency_slug=slug, role=Role.SERVICE_MANAGER)
    second = staff_client("second", agency_slug=slug, role=Role.AGENCY_ADMIN)
    address = url("backoffice:service_edit", slug, service.slug)
    seen = service_post(service)
    answers = race(
        lambda: first.post(address, {**seen, "summary_fi": "Ensimmäinen"}).status_code,
        lambda: second.post(address, {**seen, "summary_fi": "Toinen"}).status_code,
    )
    assert sorted(answers) == [303, 409], answers
    service.refresh_from_db()
    assert service.summary_fi == ("Ensimmäinen" if answers[0] == 303 else "Toinen")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CONTENT_CHANGED).count() == 1


def test_two_managers_saving_one_course_at_once_one_wins_one_is_refused(course: Course) -> None:
    slug = course.agency.slug
    first = staff_client("first", agency_slug=slug, role=Role.SERVICE_MANAGER)
    second = staff_client("second", agency_slug=slug, role=Role.SERVICE_MANAGER)
    address = url("backoffice:course_edit", slug, course.code)
    seen = course_post(course)
    answers = race(
        lambda: first.post(address, {**seen, "name_sv": "Första"}).status_code,
        lambda: second.post(address, {**seen, "name_sv": "Andra"}).status_code,
    )
    assert sorted(answers) == [303, 409], answers
    course.refresh_from_db()
    assert course.name_sv == ("Första" if answers[0] == 303 else "Andra")


def test_create_pressed_three_times_at_once_makes_one_course(course: Course) -> None:
    manager = staff_client("manager", agency_slug=course.agency.slug, role=Role.SERVICE_MANAGER)
    data = course_post(course, code="kopio", seen="")
    data.update(service=str(course.service_id), capacity="5", waiting_capacity="0")
    address = url("backoffice:course_new", course.agency.slug)
    answers = race(*(lambda: manager.post(address, data).status_code for _ in range(3)))
    assert sorted(answers) == [303, 400, 400], answers
    assert Course.objects.filter(code="kopio").count() == 1
    assert Course.objects.get(code="kopio").sessions.count() == 1
