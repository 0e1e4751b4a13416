from datetime import datetime, timedelta

from django.test import Client
from django.utils import timezone, translation

from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import course_open_if_due, enrollment_create, participant_self
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as, client_for

Status = Enrollment.Status


def arrive(course: Course, make_person: MakePerson, at: datetime) -> Enrollment:
    return enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self(), now=at
    )


def test_before_opening_everyone_queues_and_at_opening_the_queue_is_drawn_first(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    opens = timezone.now() + timedelta(minutes=5)
    course = make_course(opens_at=opens, capacity=3, waiting_capacity=3)
    early = [arrive(course, make_person, opens - timedelta(seconds=60 - n)) for n in range(5)]
    assert {e.status for e in early} == {Status.QUEUED}
    late = arrive(course, make_person, opens + timedelta(seconds=1))
    early_statuses = [Enrollment.objects.get(pk=e.pk) for e in early]
    assert sorted(e.status for e in early_statuses).count(Status.ENROLLED) == 3
    assert sorted(e.status for e in early_statuses).count(Status.WAITING) == 2
    # The one arriving after opening comes after the whole pre-queue, whoever pressed first.
    assert late.status == Status.WAITING
    assert (late.waiting_number or 0) > max(e.waiting_number or 0 for e in early_statuses)
    # The draw is in the random order, not the order of arrival.
    enrolled_order = sorted(early_statuses, key=lambda e: e.draw or 0)
    assert [e.status for e in enrolled_order][:3] == [Status.ENROLLED] * 3


def test_the_draw_order_is_random_not_arrival(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    opens = timezone.now() + timedelta(minutes=5)
    firsts_enrolled = set()
    for _round in range(6):
        course = make_course(opens_at=opens, capacity=1, waiting_capacity=10)
        queued = [arrive(course, make_person, opens - timedelta(seconds=30 - n)) for n in range(6)]
        course_open_if_due(course=course, now=opens)
        statuses = [Enrollment.objects.get(pk=e.pk).status for e in queued]
        firsts_enrolled.add(statuses.index(Status.ENROLLED))
    # Six rounds of six: the first to arrive won every time with probability 6**-5.
    assert firsts_enrolled != {0}


def test_the_queue_page_says_the_opening_time_and_refreshes_itself(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(minutes=2))
    person = make_person()
    enrollment = enrollment_create(
        course=course, acting=acting_as(person), participant=participant_self()
    )
    client = client_for(person)
    response = client.get(enrollment.get_absolute_url())
    page = response.content.decode()
    assert "You are in the queue." in page
    assert "1 person is in the queue." in page
    assert "Refresh" not in response
    url = enrollment.get_absolute_url()
    assert f'<noscript><meta http-equiv="refresh" content="60; url={url}"></noscript>' in page
    assert "This page updates itself every 60 seconds" in page
    stopped = client.get(enrollment.get_absolute_url(), {"updates": "off"})
    assert 'http-equiv="refresh"' not in stopped.content.decode()
    assert "This page no longer updates itself." in stopped.content.decode()


def test_the_course_page_before_opening_shows_the_time_and_a_countdown(
    make_course: MakeCourse,
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(minutes=10))
    with translation.override("en"):
        page = Client().get(course.get_absolute_url()).content.decode()
    assert "Enrollment opens" in page
    assert "in 9\xa0minutes" in page or "in 10\xa0minutes" in page
    assert "This page updates itself" in page


def test_a_request_from_just_before_the_opening_served_after_the_draw_gets_an_answer(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    opens = timezone.now() + timedelta(minutes=5)
    course = make_course(opens_at=opens, capacity=1, waiting_capacity=1)
    arrive(course, make_person, opens - timedelta(seconds=10))
    course_open_if_due(course=course, now=opens)
    # Its clock said a moment before the opening; the course lock came after the draw.
    late = arrive(course, make_person, opens - timedelta(milliseconds=5))
    assert late.status == Status.WAITING
    assert Enrollment.objects.filter(status=Status.QUEUED).count() == 0
