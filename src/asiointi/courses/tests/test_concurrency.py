"""Many requests at once on PostgreSQL, each thread on its own database connection.

SQLite takes the write lock at BEGIN (transaction_mode IMMEDIATE), so its transactions never
interleave at all; the races worth testing are PostgreSQL's.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import translation

from asiointi.courses.models import LIVE, Course, Enrollment
from asiointi.courses.services import (
    course_capacity_set,
    enrollment_cancel,
    enrollment_create,
    participant_self,
)
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as
from asiointi.identity.models import User

Status = Enrollment.Status


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row-lock races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def race(*actions: Callable[[], Any]) -> list[Any]:
    """Run every action at the same moment in its own thread; their results (or exceptions)."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            with translation.override("en"):  # each thread has its own active language
                results[index] = action()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def enroller(person: User, course: Course) -> Callable[[], Enrollment]:
    return lambda: enrollment_create(
        course=course, acting=acting_as(person), participant=participant_self()
    )


def assert_consistent(course: Course) -> None:
    course.refresh_from_db()
    rows = Enrollment.objects.filter(course=course)
    enrolled = sum(e.seats for e in rows if e.status == Status.ENROLLED)
    waiting = [e for e in rows if e.status == Status.WAITING]
    assert enrolled == course.enrolled_seats <= course.capacity
    assert sum(e.seats for e in waiting) == course.waiting_seats <= course.waiting_capacity
    live = [(e.customer_id, e.participant_key) for e in rows if e.status in LIVE]
    assert len(live) == len(set(live)), "the same participant twice"
    promoted = [e.waiting_number for e in rows if e.status == Status.ENROLLED and e.waiting_number]
    if promoted and waiting:
        assert max(promoted) < min(e.waiting_number or 0 for e in waiting), "promoted out of order"


def test_the_last_seat_goes_to_exactly_one_of_many_concurrent_enrollments(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=3, waiting_capacity=0)
    for _ in range(2):
        enroller(make_person(), course)()
    people = [make_person() for _ in range(16)]
    results = race(*(enroller(person, course) for person in people))
    assert not [r for r in results if isinstance(r, Exception)]
    assert [r.status for r in results].count(Status.ENROLLED) == 1
    assert [r.status for r in results].count(Status.FULL) == 15
    assert_consistent(course)


def test_one_person_pressing_many_times_at_once_gets_one_enrollment(
    course: Course, make_person: MakePerson
) -> None:
    person = make_person()
    results = race(*(enroller(person, course) for _ in range(8)))
    assert not [r for r in results if isinstance(r, Exception)]
    assert len({r.pk for r in results}) == 1
    assert Enrollment.objects.filter(course=course).count() == 1
    assert_consistent(course)


def test_cancellations_racing_promotion_and_new_enrollments_keep_order_and_counts(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=4, waiting_capacity=6)
    first = [enroller(make_person(), course)() for _ in range(10)]
    enrolled = [e for e in first if e.status == Status.ENROLLED]
    cancels = [
        (lambda e=e: enrollment_cancel(enrollment=e, acting=acting_as(e.acting_person)))
        for e in enrolled
    ]
    newcomers = [enroller(make_person(), course) for _ in range(6)]
    results = race(*cancels, *newcomers)
    assert not [r for r in results if isinstance(r, Exception)]
    assert_consistent(course)
    # The four freed places went to the first four waiting, in order.
    waiting_first = sorted(
        (e for e in first if e.status == Status.WAITING), key=lambda e: e.waiting_number or 0
    )
    promoted = [Enrollment.objects.get(pk=e.pk).status for e in waiting_first[:4]]
    assert promoted == [Status.ENROLLED] * 4


def test_capacity_raised_while_people_enroll_never_overfills(
    make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(capacity=2, waiting_capacity=4)
    for _ in range(6):
        enroller(make_person(), course)()
    raises = [
        (lambda c=c: course_capacity_set(course=course, capacity=c, waiting_capacity=4))
        for c in (4, 6, 8)
    ]
    newcomers = [enroller(make_person(), course) for _ in range(12)]
    results = race(*raises, *newcomers)
    errors = [r for r in results if isinstance(r, Exception)]
    # A raise that comes after a bigger one would lower the places below those enrolled: refused.
    assert all("new number of places" in str(e) for e in errors), errors
    assert_consistent(course)
