from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import (
    EnrollmentRefused,
    enrollment_create,
    participant_dependant,
    participant_self,
)
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as, client_for
from asiointi.folder.models import FolderItem
from asiointi.privacy.models import AuditEvent

Status = Enrollment.Status


def enroll_url(course: Course) -> str:
    return reverse("courses:course_enroll", kwargs={"code": course.code})


def test_answers_are_enrolled_then_waiting_with_position_then_full(
    course: Course, make_person: MakePerson
) -> None:
    answers = []
    for _ in range(5):
        client = client_for(make_person())
        response = client.post(enroll_url(course), {"participant": "self"}, follow=True)
        answers.append(response.content.decode())
    assert "You are enrolled." in answers[0]
    assert "You are enrolled." in answers[1]
    assert "You are number 1 on the waiting list." in answers[2]
    assert "You are number 2 on the waiting list." in answers[3]
    assert "The course and its waiting list are full." in answers[4]
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (2, 2)


def test_pressing_twice_gives_one_enrollment_and_the_same_answer(
    course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    first = client.post(enroll_url(course), {"participant": "self"})
    second = client.post(enroll_url(course), {"participant": "self"})
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Enrollment.objects.count() == 1
    course.refresh_from_db()
    assert course.enrolled_seats == 1


def test_a_child_and_the_parent_are_two_participants_but_the_same_child_is_one(
    course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    client.post(enroll_url(course), {"participant": "self"})
    child = {
        "participant": "dependant",
        "dependant_name": "Aino  Virtanen",
        "dependant_birth_date": "24.5.2018",
    }
    client.post(enroll_url(course), child)
    client.post(enroll_url(course), {**child, "dependant_name": "aino virtanen"})
    assert Enrollment.objects.filter(status=Status.ENROLLED).count() == 2
    assert Enrollment.objects.filter(participant_name="Aino Virtanen").count() == 1


def test_enrollment_goes_to_the_folder_with_customer_and_acting_person(
    course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    client_for(person).post(enroll_url(course), {"participant": "self"})
    enrollment = Enrollment.objects.get()
    assert enrollment.customer.person == person
    assert enrollment.acting_person == person
    item = FolderItem.objects.get(kind="enrollment", key=str(enrollment.pk))
    assert item.customer == enrollment.customer
    assert item.status == "enrolled"
    assert item.title["sv"] == course.name_sv
    assert item.get_absolute_url() == enrollment.get_absolute_url()


def test_a_missing_dependant_name_is_explained_and_what_was_typed_is_kept(
    course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    response = client.post(
        enroll_url(course), {"participant": "dependant", "dependant_birth_date": "24.5.2018"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the participant&#x27;s name." in page
    assert 'value="24.5.2018"' in page
    assert not Enrollment.objects.exists()


def test_a_required_course_question_must_be_answered_and_the_answer_is_kept(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(
        questions=[
            {
                "key": "device",
                "text": {"fi": "Laite?", "sv": "Apparat?", "en": "Device?"},
                "required": True,
            }
        ]
    )
    client = client_for(make_person())
    assert client.post(enroll_url(course), {"participant": "self"}).status_code == 400
    client.post(enroll_url(course), {"participant": "self", "q_device": "Android"})
    assert Enrollment.objects.get().answers == {"device": "Android"}


def test_enrollment_after_closing_is_refused_with_a_reason(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(closes_at=timezone.now() - timedelta(minutes=1))
    response = client_for(make_person()).post(enroll_url(course), {"participant": "self"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Enrollment for this course has closed." in page, page[page.find("<main") :][:3000]
    assert not Enrollment.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in(course: Course) -> None:
    response = Client().post(enroll_url(course), {"participant": "self"})
    assert response.status_code == 302
    assert not Enrollment.objects.exists()


def test_a_stranger_gets_404_for_someone_elses_enrollment(
    course: Course, make_person: MakePerson
) -> None:
    enrollment = enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    stranger = client_for(make_person())
    assert stranger.get(enrollment.get_absolute_url()).status_code == 404
    cancel = reverse("courses:enrollment_cancel", kwargs={"pk": enrollment.pk})
    assert stranger.post(cancel).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == Status.ENROLLED


def test_per_term_limit_counts_courses_of_the_same_service(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    courses = [make_course(limit_per_term=2) for _ in range(3)]
    acting = acting_as(make_person())
    for course in courses[:2]:
        enrollment_create(course=course, acting=acting, participant=participant_self())
    try:
        enrollment_create(course=courses[2], acting=acting, participant=participant_self())
    except EnrollmentRefused as refusal:
        assert "this term" in str(refusal.message)
    else:
        raise AssertionError("a third course of the service was allowed")


def test_age_limits_are_checked_for_a_dependant(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(min_age=5, max_age=9)
    acting = acting_as(make_person())
    today = timezone.localdate()
    too_young = participant_dependant(name="Vauva", birth_date=today.replace(year=today.year - 2))
    try:
        enrollment_create(course=course, acting=acting, participant=too_young)
    except EnrollmentRefused as refusal:
        assert "younger" in str(refusal.message)
    else:
        raise AssertionError("a two-year-old was enrolled in a course for 5–9-year-olds")
    child = participant_dependant(name="Aino", birth_date=today.replace(year=today.year - 7))
    assert (
        enrollment_create(course=course, acting=acting, participant=child).status == Status.ENROLLED
    )


def test_a_person_reading_their_own_enrollments_is_not_audit_logged(
    course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    client = client_for(person)
    child = {
        "participant": "dependant",
        "dependant_name": "Aino Virtanen",
        "dependant_birth_date": "24.5.2018",
    }
    assert not AuditEvent.objects.exists()
    client.get(course.get_absolute_url())
    assert not AuditEvent.objects.exists(), "nothing of the person's on the page yet"
    page = client.post(enroll_url(course), child, follow=True)
    assert "Aino Virtanen" in page.content.decode()
    enrollment = Enrollment.objects.get()
    assert "Aino Virtanen" in client.get(course.get_absolute_url()).content.decode()
    assert "Aino Virtanen" in client.get(enrollment.get_absolute_url()).content.decode()
    # Their own enrollment (and the child they entered): docs/architecture.md, Audit log.
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PERSONAL_DATA_READ).exists()


def test_an_answer_that_changes_no_number_does_not_write_the_course(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=1, waiting_capacity=0)

    def course_writes() -> int:
        with CaptureQueriesContext(connection) as queries:
            enrollment_create(
                course=course, acting=acting_as(make_person()), participant=participant_self()
            )
        return sum('UPDATE "courses_course"' in q["sql"] for q in queries.captured_queries)

    assert course_writes() == 1  # enrolled: the counter and the opening draw's time
    assert course_writes() == 0  # full
    course.refresh_from_db()
    assert (course.enrolled_seats, course.waiting_seats) == (1, 0)


def test_control_characters_in_a_participant_name_are_refused_and_the_rest_kept(
    course: Course, make_person: MakePerson
) -> None:
    client = client_for(make_person())
    response = client.post(
        enroll_url(course),
        {
            "participant": "dependant",
            "dependant_name": "Aino\u202e Virtanen\x1b",
            "dependant_birth_date": "24.5.2018",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Remove the invisible control character (U+202E)" in page
    assert 'value="24.5.2018"' in page
    assert not Enrollment.objects.exists()
