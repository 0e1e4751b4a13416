from datetime import timedelta

from django.utils import timezone

from asiointi.catalogue.demo import load_demo as load_catalogue
from asiointi.catalogue.models import Service
from asiointi.courses.demo import load_demo
from asiointi.courses.models import Course, CourseSession


def test_the_demo_term_has_a_course_whose_places_are_taken_with_waiting_places_free(
    db: None,
) -> None:
    load_catalogue()
    load_demo()
    course = Course.objects.get(code="ty-keramiikka")
    assert course.places_left == 0
    assert course.waiting_seats == 2
    assert course.waiting_places_left > 0
    assert not course.nothing_left


SERVICES_ONCE_WITHOUT_COURSES = (
    "annantalon-taidekurssit",
    "erityisliikunnan-ryhmat",
    "ikaantyneiden-kuntosaliryhmat",
    "leikkipuiston-kerho",
)


def test_every_course_service_of_the_demo_city_has_courses_of_the_term(db: None) -> None:
    load_catalogue()
    load_demo()
    course_services = Service.objects.filter(kind=Service.Kind.COURSE, published=True)
    assert {*SERVICES_ONCE_WITHOUT_COURSES} <= {service.slug for service in course_services}
    for service in course_services:
        assert service.courses.filter(published=True).exists(), service.slug
    now = timezone.now()
    for slug in SERVICES_ONCE_WITHOUT_COURSES:
        courses = Course.objects.filter(service__slug=slug)
        assert courses.filter(opens_at__lte=now, closes_at__gt=now).exists(), f"{slug}: none open"
        for course in courses:
            for name in ("name", "description", "place", "audience"):
                for language in ("fi", "sv", "en"):
                    assert getattr(course, f"{name}_{language}"), (course.code, name, language)
            assert course.sessions.count() >= 4 and course.waiting_capacity > 0
            assert course.opens_at < course.cancellation_deadline < course.closes_at
    assert Course.objects.filter(service__slug__in=SERVICES_ONCE_WITHOUT_COURSES, price=0).exists()
    assert Course.objects.filter(opens_at__gt=now + timedelta(days=1)).exists()


def test_loading_again_adds_nothing_and_refreshing_keeps_the_enrollments(db: None) -> None:
    load_catalogue()
    first = load_demo()
    sessions = CourseSession.objects.count()
    assert load_demo() == {"courses": first["courses"], "new courses": 0}
    assert load_demo(refresh=True)["new courses"] == 0
    assert CourseSession.objects.count() == sessions
    assert Course.objects.get(code="ty-keramiikka").places_left == 0
