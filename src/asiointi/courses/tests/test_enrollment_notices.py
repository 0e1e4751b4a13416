"""Course notices go through the one notification path: a place, a waiting place, a place from
the waiting list and a cancellation are each recorded and shown on the enrollment's page, and a
broken transport never stops an enrollment."""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.tests.conftest import MakePerson, client_for
from asiointi.notify.models import Notification


class BrokenSmsGateway:
    def send(self, *, to: str, text: str) -> None:
        raise ConnectionRefusedError("the SMS gateway is down")


def enroll(course: Course, client: Any, capture: Any) -> Enrollment:
    with capture(execute=True):
        response = client.post(
            reverse("courses:course_enroll", kwargs={"code": course.code}),
            {"participant": "self"},
        )
    assert response.status_code == 303
    return Enrollment.objects.latest("pk")


def test_a_broken_sms_gateway_does_not_stop_an_enrollment_and_the_page_says_so(
    course: Course,
    make_person: MakePerson,
    django_capture_on_commit_callbacks: Any,
    settings: Any,
) -> None:
    settings.SMS_BACKEND = f"{__name__}.BrokenSmsGateway"
    person = make_person(mobile_number="+358401234567", mobile_verified_at=timezone.now())
    client = client_for(person)
    enrollment = enroll(course, client, django_capture_on_commit_callbacks)
    assert enrollment.status == Enrollment.Status.ENROLLED
    record = Notification.objects.get()
    assert (record.kind, record.channel, record.status) == (
        "course_enrollment",
        "sms",
        Notification.Status.FAILED,
    )
    page = client.get(enrollment.get_absolute_url()).content.decode()
    assert "You are enrolled." in page
    assert "Enrollment confirmation" in page
    assert "+35840•••67" in page
    assert "Could not be sent" in page


def test_each_change_of_an_enrollment_is_recorded_and_shown_on_its_page(
    course: Course, make_person: MakePerson, django_capture_on_commit_callbacks: Any
) -> None:
    course.capacity = 1
    course.save()
    people = [
        make_person(email=f"resident{n}@example.fi", email_verified_at=timezone.now())
        for n in range(2)
    ]
    first = enroll(course, client_for(people[0]), django_capture_on_commit_callbacks)
    waiting = enroll(course, client_for(people[1]), django_capture_on_commit_callbacks)
    assert waiting.status == Enrollment.Status.WAITING
    with django_capture_on_commit_callbacks(execute=True):
        client_for(people[0]).post(reverse("courses:enrollment_cancel", kwargs={"pk": first.pk}))

    def kinds(enrollment: Enrollment) -> list[tuple[str, str]]:
        rows = Notification.objects.filter(about_kind="enrollment", about_key=str(enrollment.pk))
        return [(row.kind, row.status) for row in rows]

    assert kinds(first) == [("course_enrollment", "sent")] * 2  # enrolled, then cancelled
    assert kinds(waiting) == [("course_enrollment", "sent"), ("course_place", "sent")]
    page = client_for(people[1]).get(waiting.get_absolute_url()).content.decode()
    assert "A place from the waiting list" in page
    assert "re•••@example.fi" in page
