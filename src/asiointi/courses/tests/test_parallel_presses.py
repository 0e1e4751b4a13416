"""Enroll and cancel pressed many times at once from one browser: every press shows the answer.

Real HTTP requests against the live server, each on its own connection and database connection.
"""

import pytest
from django.urls import reverse
from pytest_django.live_server_helper import LiveServer

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.tests.conftest import MakePerson
from asiointi.tests.parallel import (
    browser_session,
    csrf_token,
    press_together,
    skip_on_in_memory_sqlite,
)

Status = Enrollment.Status


@pytest.fixture(autouse=True)
def _live(transactional_db: None) -> None:
    skip_on_in_memory_sqlite()


@pytest.mark.parametrize("presses", [2, 5])
def test_enroll_pressed_many_times_at_once_shows_every_press_the_one_enrollment(
    live_server: LiveServer, course: Course, make_person: MakePerson, presses: int
) -> None:
    browser = browser_session(live_server.url, make_person())
    page = live_server.url + course.get_absolute_url()
    token = csrf_token(browser, page)
    enroll = live_server.url + reverse("courses:course_enroll", kwargs={"code": course.code})

    results = press_together(
        presses,
        lambda: browser.post(
            enroll,
            data={"csrfmiddlewaretoken": token, "participant": "self"},
            headers={"Referer": page},
            timeout=60,
        ),
    )

    enrollment = Enrollment.objects.get()
    assert enrollment.status == Status.ENROLLED
    shown = live_server.url + enrollment.get_absolute_url()
    assert [r.status_code for r in results] == [200] * presses, [r.text[:300] for r in results]
    assert {r.url for r in results} == {shown}
    assert all("You are enrolled." in r.text for r in results)
    course.refresh_from_db()
    assert course.enrolled_seats == 1


@pytest.mark.parametrize("presses", [2, 5])
def test_cancel_pressed_many_times_at_once_shows_every_press_the_cancelled_enrollment(
    live_server: LiveServer, make_course: Course, make_person: MakePerson, presses: int
) -> None:
    course = make_course(capacity=1, waiting_capacity=2)  # type: ignore[operator]
    first, second = make_person(), make_person()
    browser = browser_session(live_server.url, first)
    token = csrf_token(browser, live_server.url + course.get_absolute_url())
    enroll = live_server.url + reverse("courses:course_enroll", kwargs={"code": course.code})
    mine = browser.post(enroll, data={"csrfmiddlewaretoken": token, "participant": "self"})
    other = browser_session(live_server.url, second)
    other_token = csrf_token(other, live_server.url + course.get_absolute_url())
    other.post(enroll, data={"csrfmiddlewaretoken": other_token, "participant": "self"})
    enrollment = Enrollment.objects.get(status=Status.ENROLLED)
    cancel = live_server.url + reverse("courses:enrollment_cancel", args=[enrollment.pk])

    results = press_together(
        presses,
        lambda: browser.post(
            cancel, data={"csrfmiddlewaretoken": token}, headers={"Referer": mine.url}, timeout=60
        ),
    )

    assert [r.status_code for r in results] == [200] * presses, [r.text[:300] for r in results]
    assert {r.url for r in results} == {mine.url}
    assert all("This enrollment has been cancelled." in r.text for r in results)
    enrollment.refresh_from_db()
    assert enrollment.status == Status.CANCELLED
    # The place went once, to the one waiting.
    assert Enrollment.objects.get(customer__person=second).status == Status.ENROLLED
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (1, 0)
