from datetime import timedelta
from typing import Any

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import (
    EnrollmentRefused,
    course_capacity_set,
    enrollment_cancel,
    enrollment_create,
    participant_self,
)
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as, client_for
from asiointi.folder.models import FolderItem

Status = Enrollment.Status


def fill(course: Course, make_person: MakePerson, people: int) -> list[Enrollment]:
    enrollments = []
    for number in range(people):
        person = make_person(email=f"resident{number}@example.fi", email_verified_at=timezone.now())
        enrollments.append(
            enrollment_create(
                course=course, acting=acting_as(person), participant=participant_self()
            )
        )
    return enrollments


def test_cancelling_gives_the_place_to_the_first_waiting_who_is_told_by_email(
    course: Course, make_person: MakePerson, django_capture_on_commit_callbacks: Any
) -> None:
    first, _second, waiting_1, waiting_2 = fill(course, make_person, 4)
    client = client_for(first.acting_person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses:enrollment_cancel", kwargs={"pk": first.pk}))
    assert response.status_code == 303
    statuses = {e.pk: e.status for e in Enrollment.objects.all()}
    assert statuses[first.pk] == Status.CANCELLED
    assert statuses[waiting_1.pk] == Status.ENROLLED
    assert statuses[waiting_2.pk] == Status.WAITING
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (2, 1)
    # The one who cancelled is told of the cancellation, the first waiting of the place.
    cancelled, placed = mail.outbox
    assert cancelled.to == ["resident0@example.fi"]
    assert course.name_fi in cancelled.subject
    assert first.reference in cancelled.body
    assert placed.to == ["resident2@example.fi"]
    assert course.name_fi in placed.subject
    promoted = FolderItem.objects.get(kind="enrollment", key=str(waiting_1.pk))
    assert promoted.status == "enrolled"
    page = client_for(waiting_2.acting_person).get(waiting_2.get_absolute_url()).content.decode()
    assert "You are number 1 on the waiting list." in page


def test_cancelling_twice_frees_one_place(course: Course, make_person: MakePerson) -> None:
    first, *_ = fill(course, make_person, 4)
    acting = acting_as(first.acting_person)
    enrollment_cancel(enrollment=first, acting=acting)
    enrollment_cancel(enrollment=first, acting=acting)
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (2, 1)


def test_cancelling_after_the_deadline_is_refused(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(cancellation_deadline=timezone.now() - timedelta(minutes=1))
    (enrollment,) = fill(course, make_person, 1)
    try:
        enrollment_cancel(enrollment=enrollment, acting=acting_as(enrollment.acting_person))
    except EnrollmentRefused:
        pass
    else:
        raise AssertionError("cancelled after the deadline")
    enrollment.refresh_from_db()
    assert enrollment.status == Status.ENROLLED
    page = client_for(enrollment.acting_person).get(enrollment.get_absolute_url()).content.decode()
    assert "Cancel enrollment" not in page


def test_raising_capacity_promotes_the_waiting_in_order(
    course: Course, make_person: MakePerson
) -> None:
    enrollments = fill(course, make_person, 4)
    course_capacity_set(course=course, capacity=3, waiting_capacity=2)
    statuses = [Enrollment.objects.get(pk=e.pk).status for e in enrollments]
    assert statuses == [Status.ENROLLED] * 3 + [Status.WAITING]


def test_capacity_cannot_go_below_those_enrolled(course: Course, make_person: MakePerson) -> None:
    fill(course, make_person, 2)
    try:
        course_capacity_set(course=course, capacity=1, waiting_capacity=2)
    except EnrollmentRefused:
        pass
    else:
        raise AssertionError("capacity went below the enrolled")
    course.refresh_from_db()
    assert course.capacity == 2


def test_after_a_full_answer_a_freed_waiting_place_can_be_taken_by_trying_again(
    course: Course, make_person: MakePerson
) -> None:
    *_, waiting, full = fill(course, make_person, 5)
    assert full.status == Status.FULL
    enrollment_cancel(enrollment=waiting, acting=acting_as(waiting.acting_person))
    again = enrollment_create(
        course=course, acting=acting_as(full.acting_person), participant=participant_self()
    )
    assert again.pk == full.pk
    assert again.status == Status.WAITING


def test_cancelling_asks_first_and_only_the_answer_cancels(
    course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    enrollment = enrollment_create(
        course=course, acting=acting_as(person), participant=participant_self()
    )
    client = client_for(person)
    url = reverse("courses:enrollment_cancel", kwargs={"pk": enrollment.pk})
    asked = client.get(url)
    assert asked.status_code == 200
    assert "Cancel the enrollment?" in asked.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ENROLLED
    assert client.post(url).status_code == 303
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CANCELLED
    # Nothing left to cancel: the question leads back to the enrollment.
    assert client.get(url)["Location"] == enrollment.get_absolute_url()


def test_a_stranger_cannot_see_the_question(course: Course, make_person: MakePerson) -> None:
    enrollment = enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    url = reverse("courses:enrollment_cancel", kwargs={"pk": enrollment.pk})
    assert client_for(make_person()).get(url).status_code == 404
