"""Personas and courses for the courses tests."""

from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from itertools import count
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from asiointi.catalogue.models import Agency, Service
from asiointi.courses.models import Course, CourseSession
from asiointi.customers.acting import Acting
from asiointi.customers.services import customer_for_person
from asiointi.identity.models import User

_numbers = count(1)

MakeCourse = Callable[..., Course]
MakePerson = Callable[..., User]


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """Addresses are reversed in English, so the pages (and their texts) are the English ones."""
    with translation.override("en"):
        yield


@pytest.fixture
def service(db: None) -> Service:
    agency = Agency.objects.create(
        slug="opisto", name_fi="Opisto", name_sv="Institut", name_en="Centre"
    )
    return Service.objects.create(
        slug="kurssi",
        name_fi="Kurssi",
        name_sv="Kurs",
        name_en="Course",
        summary_fi="Kurssi",
        description_fi="Kurssi",
        agency=agency,
        kind=Service.Kind.COURSE,
        published=True,
    )


@pytest.fixture
def make_course(service: Service) -> MakeCourse:
    def make(**fields: Any) -> Course:
        now = timezone.now()
        number = next(_numbers)
        values: dict[str, Any] = {
            "code": f"kurssi-{number}",
            "service": service,
            "agency": service.agency,
            "name_fi": f"Keramiikka {number}",
            "name_sv": f"Keramik {number}",
            "name_en": f"Ceramics {number}",
            "term": "kevät 2027",
            "place_fi": "Työväenopisto",
            "place_sv": "Arbetarinstitutet",
            "place_en": "Adult Education Centre",
            "capacity": 2,
            "waiting_capacity": 2,
            "opens_at": now - timedelta(hours=1),
            "closes_at": now + timedelta(days=30),
            "cancellation_deadline": now + timedelta(days=20),
        }
        values.update(fields)
        course = Course.objects.create(**values)
        # At 17.00 local time: a session typed back in its editor must not run past midnight.
        day = timezone.localdate(now) + timedelta(days=40)
        start = timezone.make_aware(datetime.combine(day, time(17, 0)))
        CourseSession.objects.create(
            course=course, starts_at=start, ends_at=start + timedelta(minutes=90)
        )
        return course

    return make


@pytest.fixture
def course(make_course: MakeCourse) -> Course:
    return make_course()


@pytest.fixture
def make_person(db: None) -> MakePerson:
    def make(name: str = "", **fields: Any) -> User:
        number = next(_numbers)
        # A resident is identified strongly: the digest stands for their identity code.
        fields.setdefault("identity_code_digest", f"resident-{number}")
        return User.objects.create(
            username=f"resident-{number}", first_name=name or f"Resident{number}", **fields
        )

    return make


def acting_as(person: User) -> Acting:
    return Acting(person=person, customer=customer_for_person(person))


def client_for(person: User) -> Client:
    client = Client()
    client.force_login(person)
    return client
