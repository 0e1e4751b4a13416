from datetime import datetime, time, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.factories import make_service
from asiointi.courses.models import Course, CourseSession
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as


def listed(**query: str) -> str:
    return Client().get(reverse("courses:course_list"), query).content.decode()


def at(course: Course, weekday: int, hour: int) -> None:
    """Move the course's session to the next such weekday (0 = Monday) and hour."""
    day = timezone.localdate() + timedelta(days=40)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    starts = timezone.make_aware(datetime.combine(day, time(hour)))
    CourseSession.objects.filter(course=course).update(
        starts_at=starts, ends_at=starts + timedelta(hours=1)
    )


def test_the_list_shows_live_numbers(course: Course, make_person: MakePerson) -> None:
    enrollment_create(
        course=course, acting=acting_as(make_person()), participant=participant_self()
    )
    page = listed()
    assert course.name_en in page
    assert "1 place left" in page
    assert "waiting list: 0 of 2" in page


def test_filters_by_weekday_time_place_and_free_places(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    monday_evening = make_course(name_en="Monday evening")
    at(monday_evening, 0, 18)
    wednesday_morning = make_course(name_en="Wednesday morning", place_en="Pool")
    at(wednesday_morning, 2, 9)
    full = make_course(name_en="Full course", capacity=1)
    at(full, 0, 10)
    enrollment_create(course=full, acting=acting_as(make_person()), participant=participant_self())

    assert {"Monday evening", "Full course"} <= set(
        filter(
            listed(weekday="1").__contains__, ["Monday evening", "Full course", "Wednesday morning"]
        )
    )
    assert "Wednesday morning" not in listed(weekday="1")
    evening = listed(time="evening")
    assert "Monday evening" in evening and "Wednesday morning" not in evening
    assert "Wednesday morning" in listed(place="Pool") and "Monday evening" not in listed(
        place="Pool"
    )
    free = listed(free="on")
    assert "Full course" not in free and "Monday evening" in free


def test_a_bad_filter_value_shows_every_course(course: Course) -> None:
    assert course.name_en in listed(weekday="9", time="midnight")


def test_an_unpublished_course_does_not_exist(make_course: MakeCourse) -> None:
    course = make_course(published=False)
    assert Client().get(course.get_absolute_url()).status_code == 404
    assert course.name_en not in listed()


def test_go_to_the_service_of_a_course_service_lists_its_courses(
    make_course: MakeCourse, service: Service
) -> None:
    mine = make_course(name_en="Wheel throwing")
    other_service = make_service(kind=Service.Kind.COURSE, name_en="Swimming school")
    make_course(name_en="Crawl for adults", service=other_service, agency=other_service.agency)
    client = Client()
    start = client.get(reverse("catalogue:service_start", kwargs={"slug": service.slug}))
    assert start.status_code == 302
    assert start["Location"] == f"{reverse('courses:course_list')}?service={service.slug}"
    page = client.get(start["Location"]).content.decode()
    assert mine.name_en in page
    assert "Crawl for adults" not in page
