"""A service manager edits a course's texts, times and terms, and creates a new course (or a copy):
the public course page shows the change; broken rules (closing before opening, ages the wrong
way round, a taken code) are refused with a clear message and nothing typed lost; a stale save
is refused; clerks 404; every save is audit-logged by field."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.content_support import course_post
from asiointi.backoffice.tests.support import staff_client, url
from asiointi.courses.models import Course
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
Role = AgencyMembership.Role


@pytest.fixture
def manager(course: Course) -> Client:
    return staff_client("manager", agency_slug=course.agency.slug, role=Role.SERVICE_MANAGER)


def edit_url(course: Course) -> str:
    return url("backoffice:course_edit", course.agency.slug, course.code)


def local(when: Any) -> str:
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


def test_a_new_swedish_title_and_times_show_on_the_public_course_page(
    manager: Client, course: Course
) -> None:
    data = course_post(
        course, name_sv="Drejning för alla", sessions="3.2.2030 17.00–18.30", price="12,50"
    )
    response = manager.post(edit_url(course), data)
    assert response.status_code == 303
    course.refresh_from_db()
    assert course.price == Decimal("12.50")
    page = Client().get(url("courses:course_detail", course.code, language="sv")).content.decode()
    assert "Drejning för alla" in page
    assert list(course.sessions.values_list("starts_at__year", flat=True)) == [2030]
    event = AuditEvent.objects.get(action=AuditEvent.Action.CONTENT_CHANGED)
    assert event.details["fields"] == ["name_sv", "price", "sessions"]


def test_enrollment_closing_before_it_opens_is_refused_and_the_typed_text_stays(
    manager: Client, course: Course
) -> None:
    data = course_post(
        course,
        description_en="Typed description",
        closes_at=local(course.opens_at - timedelta(days=1)),
    )
    response = manager.post(edit_url(course), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ilmoittautumisen on päätyttävä sen alkamisen jälkeen." in page
    assert "Typed description" in page
    course.refresh_from_db()
    assert course.description_en != "Typed description"


def test_ages_the_wrong_way_round_and_a_bad_session_line_are_refused(
    manager: Client, course: Course
) -> None:
    data = course_post(course, min_age="12", max_age="7", sessions="maanantaina kuudelta")
    page = manager.post(edit_url(course), data).content.decode()
    assert "Rivi 1: kirjoita kerta muodossa 3.2.2027 17.00–18.30." in page
    data = course_post(course, min_age="12", max_age="7")
    page = manager.post(edit_url(course), data).content.decode()
    assert "Yläikäraja ei voi olla alaikärajaa pienempi." in page
    course.refresh_from_db()
    assert course.min_age is None


def test_a_stale_course_save_is_refused_with_the_current_text(
    manager: Client, course: Course
) -> None:
    seen = course_post(course)
    assert manager.post(edit_url(course), {**seen, "name_fi": "Ensimmäinen"}).status_code == 303
    second = manager.post(edit_url(course), {**seen, "name_fi": "Toinen"})
    page = second.content.decode()
    assert second.status_code == 409
    assert "Toinen" in page and "Ensimmäinen" in page
    course.refresh_from_db()
    assert course.name_fi == "Ensimmäinen"


def test_a_manager_creates_a_course_from_a_copy(manager: Client, course: Course) -> None:
    new_url = url("backoffice:course_new", course.agency.slug)
    page = manager.get(new_url + f"?copy={course.code}").content.decode()
    assert course.name_sv in page
    data = course_post(course, code="uusi-kurssi", seen="", name_fi="Uusi kurssi")
    data.update(service=str(course.service_id), capacity="10", waiting_capacity="3")
    response = manager.post(new_url, data)
    assert response.status_code == 303, response.content.decode()[:3000]
    created = Course.objects.get(code="uusi-kurssi")
    assert (created.name_fi, created.name_sv, created.capacity) == (
        "Uusi kurssi",
        course.name_sv,
        10,
    )
    assert created.sessions.count() == 1 and created.agency == course.agency
    again = manager.post(new_url, data)
    assert again.status_code == 400
    assert "Toisella kurssilla on jo tämä tunnus." in again.content.decode()


def test_clerks_may_see_rosters_but_not_edit_courses(course: Course) -> None:
    clerk = staff_client("clerk", agency_slug=course.agency.slug, role=Role.CLERK)
    assert clerk.get(edit_url(course)).status_code == 404
    assert clerk.get(url("backoffice:course_new", course.agency.slug)).status_code == 404
    assert clerk.get(url("backoffice:roster", course.agency.slug, course.code)).status_code == 200
