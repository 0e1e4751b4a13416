"""Enrolling goes through a review page: what the enrollment means, then one confirming press."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as, client_for
from asiointi.customers.services import customer_for_person
from asiointi.folder.models import FolderItem
from asiointi.folder.services import notification_preference_set
from asiointi.notify.models import OutboxMessage
from asiointi.notify.tests.fixtures import dev_outbox

__all__ = ["dev_outbox"]

Status = Enrollment.Status
CHILD = {
    "participant": "dependant",
    "dependant_name": "Aino Esimerkki",
    "dependant_birth_date": "24.5.2018",
}


def review_url(course: Course) -> str:
    return reverse("courses:course_review", kwargs={"code": course.code})


def enroll_url(course: Course) -> str:
    return reverse("courses:course_enroll", kwargs={"code": course.code})


def test_the_course_page_form_leads_to_the_review_not_to_enrolling(
    course: Course, make_person: MakePerson
) -> None:
    page = client_for(make_person()).get(course.get_absolute_url()).content.decode()
    assert f'action="{review_url(course)}#error-summary"' in page
    assert f'action="{enroll_url(course)}' not in page


def test_the_review_shows_price_place_times_and_terms_and_enrolls_nobody(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(price=Decimal("45.00"), address="Helsinginkatu 26")
    response = client_for(make_person()).post(review_url(course), CHILD)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check your enrollment" in page
    assert "45.00 €" in page or "45,00 €" in page
    assert "Adult Education Centre, Helsinginkatu 26" in page
    assert "Free of charge until" in page
    assert "Aino Esimerkki" in page
    assert "Confirm enrollment" in page
    assert f'action="{enroll_url(course)}"' in page
    assert 'type="hidden" name="dependant_name" value="Aino Esimerkki"' in page
    assert not Enrollment.objects.exists()


def test_a_free_course_is_reviewed_too_and_says_free(
    course: Course, make_person: MakePerson
) -> None:
    page = client_for(make_person()).post(review_url(course), {"participant": "self"})
    assert "Free of charge</dd>" in page.content.decode()


def test_confirming_enrolls_with_what_was_typed(course: Course, make_person: MakePerson) -> None:
    client = client_for(make_person())
    client.post(review_url(course), CHILD)
    response = client.post(enroll_url(course), CHILD)
    assert response.status_code == 303
    enrollment = Enrollment.objects.get()
    assert (enrollment.status, enrollment.participant_name) == (Status.ENROLLED, "Aino Esimerkki")
    assert client.session.get(f"courses.review:{course.code}") is None


def test_going_back_from_the_review_keeps_what_was_typed(
    course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    client.post(review_url(course), {**CHILD, "dependant_name": "Eino Esimerkki"})
    page = client.get(course.get_absolute_url()).content.decode()
    assert 'value="Eino Esimerkki"' in page
    assert 'value="24.5.2018"' in page
    assert 'value="dependant" checked' in page


def test_bad_input_on_the_way_to_the_review_is_shown_on_the_course_page(
    course: Course, make_person: MakePerson
) -> None:
    response = client_for(make_person()).post(review_url(course), {"participant": "dependant"})
    assert response.status_code == 400
    assert "Enter the participant&#x27;s name." in response.content.decode()
    assert not Enrollment.objects.exists()


def test_the_review_says_when_only_the_waiting_list_is_left(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=1, waiting_capacity=1)
    enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    page = client_for(make_person()).post(review_url(course), {"participant": "self"})
    text = page.content.decode()
    assert "Confirming puts you on the waiting list" in text
    assert "Confirm and join the waiting list" in text


def test_a_course_with_nothing_left_says_so_and_offers_no_enrollment(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=1, waiting_capacity=1)
    for _ in range(2):
        enrollment_create(
            course=course, acting=acting_as(make_person()), participant=participant_self()
        )
    client = client_for(make_person())
    page = client.get(course.get_absolute_url()).content.decode()
    assert "The course and its waiting list are full." in page
    assert review_url(course) not in page
    response = client.post(review_url(course), {"participant": "self"})
    assert response.status_code == 303
    assert response["Location"] == course.get_absolute_url()


def test_a_place_behind_a_waiting_list_is_not_left_for_anyone(make_course: MakeCourse) -> None:
    course = make_course(capacity=3, waiting_capacity=1, enrolled_seats=1, waiting_seats=1)
    assert course.nothing_left


def test_the_folder_shows_the_enrollments_own_reference(
    course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    enrollment = enrollment_create(
        course=course, acting=acting_as(person), participant=participant_self()
    )
    other = enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    item = FolderItem.objects.get(kind="enrollment", key=str(enrollment.pk))
    assert len(enrollment.reference) == 8
    assert item.reference == enrollment.reference != other.reference
    assert item.reference != course.code
    page = client_for(person).get(reverse("folder:index")).content.decode()
    assert enrollment.reference in page
    own = client_for(person).get(enrollment.get_absolute_url()).content.decode()
    assert f"Reference: {enrollment.reference}" in own


@pytest.mark.usefixtures("dev_outbox")
@pytest.mark.parametrize(("channel", "expected"), [("email", {"email"}), ("sms", {"sms"})])
def test_enrolling_waiting_and_cancelling_are_confirmed_by_the_chosen_channel(
    make_course: MakeCourse,
    make_person: MakePerson,
    django_capture_on_commit_callbacks: Any,
    channel: str,
    expected: set[str],
) -> None:
    course = make_course(capacity=1, waiting_capacity=1)
    enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    now = timezone.now()
    person = make_person(
        email="waiting@example.fi",
        email_verified_at=now,
        mobile_number="+358401234567",
        mobile_verified_at=now,
    )
    notification_preference_set(
        customer=customer_for_person(person), person=person, channel=channel, language="en"
    )
    client = client_for(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(enroll_url(course), {"participant": "self"})
    enrollment = Enrollment.objects.get(customer__person=person)
    assert enrollment.status == Status.WAITING
    sent = list(OutboxMessage.objects.all())
    assert {m.channel for m in sent} == expected
    assert all("waiting list" in m.body and enrollment.reference in m.body for m in sent)
    OutboxMessage.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:enrollment_cancel", args=[enrollment.pk]))
    sent = list(OutboxMessage.objects.all())
    assert {m.channel for m in sent} == expected
    assert all("cancelled" in m.body for m in sent)


@pytest.mark.usefixtures("dev_outbox")
def test_a_full_answer_sends_nothing(
    make_course: MakeCourse, make_person: MakePerson, django_capture_on_commit_callbacks: Any
) -> None:
    course = make_course(capacity=1, waiting_capacity=0)
    enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    person = make_person(email="late@example.fi", email_verified_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enrollment_create(
            course=course, acting=acting_as(person), participant=participant_self()
        )
    assert enrollment.status == Status.FULL
    assert not OutboxMessage.objects.filter(recipient="late@example.fi").exists()


def test_the_review_address_opened_by_get_goes_to_the_course_page_with_the_answers(
    course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    client.post(review_url(course), CHILD)
    response = client.get(review_url(course))
    assert response.status_code == 303
    assert response["Location"] == f"{course.get_absolute_url()}#enroll"
    assert 'value="Aino Esimerkki"' in client.get(course.get_absolute_url()).content.decode()
