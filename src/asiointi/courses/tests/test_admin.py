from types import SimpleNamespace

from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from asiointi.courses.admin import CourseAdmin
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.courses.tests.conftest import MakePerson, acting_as


def staff_saves(course: Course, changed: list[str]) -> list[str]:
    request = RequestFactory().post("/")
    request.session = {}  # type: ignore[assignment]
    storage = FallbackStorage(request)
    request._messages = storage  # type: ignore[attr-defined]
    CourseAdmin(Course, admin.site).save_model(
        request, course, SimpleNamespace(changed_data=changed), change=True
    )
    return [str(message) for message in storage]


def test_staff_adding_places_in_the_admin_promotes_the_waiting(
    course: Course, make_person: MakePerson
) -> None:
    enrollments = [
        enrollment_create(
            course=course, acting=acting_as(make_person()), participant=participant_self()
        )
        for _ in range(4)
    ]
    course.capacity = 3
    course.teacher = "Anna Savi"
    assert staff_saves(course, ["capacity", "teacher"]) == []
    course.refresh_from_db()
    assert (course.capacity, course.enrolled_seats, course.waiting_seats, course.teacher) == (
        3,
        3,
        1,
        "Anna Savi",
    )
    assert Enrollment.objects.get(pk=enrollments[2].pk).status == Enrollment.Status.ENROLLED


def test_staff_cannot_cut_places_below_those_enrolled(
    course: Course, make_person: MakePerson
) -> None:
    for _ in range(2):
        enrollment_create(
            course=course, acting=acting_as(make_person()), participant=participant_self()
        )
    course.capacity = 1
    assert staff_saves(course, ["capacity"]) == [
        "More people are enrolled than the new number of places."
    ]
    course.refresh_from_db()
    assert course.capacity == 2
