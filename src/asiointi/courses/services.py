"""Enrolling, cancelling and changing capacity.

Every change to a course's numbers locks the course row first (`SELECT … FOR UPDATE` on
PostgreSQL; SQLite runs each transaction with the write lock taken at BEGIN IMMEDIATE), then reads
the counters, writes the enrollment and the counters, and commits: two requests can never both see
the last seat. The unique constraint on (course, customer, participant) and the check constraints on
the counters hold the same rules in the database itself.
"""

import copy
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from asiointi.courses.models import LIVE, Course, Enrollment
from asiointi.courses.notices import (
    enrollment_folder_record,
    enrollment_notify,
    promotion_notify,
)
from asiointi.courses.rules import age_on, birth_date_of_person
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.operations.metrics import ENROLLMENTS
from asiointi.organisations.services import audience_check

if TYPE_CHECKING:
    from asiointi.identity.models import User

Status = Enrollment.Status
# What the participant can still give up: a place, a waiting-list place or a queue place.
CANCELLABLE = (Status.QUEUED, Status.ENROLLED, Status.WAITING)


class EnrollmentRefused(Exception):
    """The enrollment (or cancellation) breaks one of the course's rules; `message` says which."""

    def __init__(self, message: Promise | str) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Participant:
    """Who takes the place: the acting person ("self"), a named dependant, or a group."""

    key: str
    name: str = ""
    birth_date: date | None = None
    seats: int = 1


def participant_self() -> Participant:
    return Participant(key="self")


def participant_dependant(*, name: str, birth_date: date) -> Participant:
    normalised = " ".join(name.split()).casefold()
    return Participant(
        key=f"dependant:{normalised}:{birth_date.isoformat()}",
        name=" ".join(name.split()),
        birth_date=birth_date,
    )


def participant_group(*, name: str, size: int) -> Participant:
    return Participant(key="group", name=" ".join(name.split()), seats=size)


# What a decision reads from the locked course row; the rest of the page's copy is the course's
# description, which no enrollment changes.
NUMBERS = (
    "capacity",
    "waiting_capacity",
    "enrolled_seats",
    "waiting_seats",
    "waiting_counter",
    "drawn_at",
    "opens_at",
    "closes_at",
    "published",
)


def _locked(course_id: int) -> Course:
    return Course.objects.select_for_update().get(pk=course_id)


def _locked_numbers(course: Course) -> Course:
    """Lock the course row and read only its numbers (the rush's hot path): a copy of the page's
    course with the locked numbers. A copy, because a refusal rolls the numbers back in the
    database and the page the caller then shows must not have the discarded ones."""
    row = Course.objects.select_for_update().filter(pk=course.pk).values(*NUMBERS).get()
    locked = copy.copy(course)
    for name in NUMBERS:
        setattr(locked, name, row[name])
    return locked


def _numbers(course: Course) -> tuple[object, ...]:
    return tuple(getattr(course, name) for name in NUMBERS)


def _place(course: Course, seats: int) -> str:
    """Take seats on the locked course: enrolled, waiting or full; nobody jumps the waiting list."""
    if course.waiting_seats == 0 and course.enrolled_seats + seats <= course.capacity:
        course.enrolled_seats += seats
        return Status.ENROLLED
    if course.waiting_seats + seats <= course.waiting_capacity:
        course.waiting_seats += seats
        return Status.WAITING
    return Status.FULL


def _decide(course: Course, enrollment: Enrollment, now: datetime) -> None:
    enrollment.status = _place(course, enrollment.seats)
    enrollment.decided_at = now
    if enrollment.status == Status.WAITING:
        course.waiting_counter += 1
        enrollment.waiting_number = course.waiting_counter


def _draw(course: Course, now: datetime) -> bool:
    """At opening, the pre-queue gets its places in a random order, before anyone arriving later.
    True when it drew; the caller saves the course's numbers."""
    if course.drawn_at is not None or now < course.opens_at:
        return False
    queued = list(course.enrollments.filter(status=Status.QUEUED).order_by("draw", "pk"))
    for enrollment in queued:
        _decide(course, enrollment, now)
        enrollment.save(update_fields=["status", "decided_at", "waiting_number"])
        enrollment_folder_record(enrollment)
    course.drawn_at = now
    return True


def _save_numbers(course: Course) -> None:
    course.save(
        update_fields=[
            "enrolled_seats",
            "waiting_seats",
            "waiting_counter",
            "drawn_at",
            "capacity",
            "waiting_capacity",
        ]
    )


def enrollment_groups_refused(*, course: Course, acting: Acting | None) -> bool:
    """An organisation enrolls (a group) only in a course open to groups."""
    return bool(acting and acting.is_organisation and not course.organisations_may_enroll)


def enrollment_audience_check(*, course: Course, acting: Acting) -> None:
    """Raise AudienceRefused (the page offering the switch) unless the acting customer may enroll
    by the audience rule: a course open to groups takes an organisation's enrollment whatever
    its service's audience; otherwise the service's audience decides."""
    if not (acting.is_organisation and course.organisations_may_enroll):
        audience_check(acting=acting, service=course.service)


def _check_rules(course: Course, acting: Acting, participant: Participant, now: datetime) -> None:
    if not course.published:
        raise EnrollmentRefused(_("This course is not open for enrollment."))
    if now >= course.closes_at:
        raise EnrollmentRefused(_("Enrollment for this course has closed."))
    if enrollment_groups_refused(course=course, acting=acting):
        raise EnrollmentRefused(_("Companies and associations cannot enroll in this course."))
    if acting.is_organisation:
        if not 1 <= participant.seats <= course.max_group_size:
            raise EnrollmentRefused(_("The group is larger than this course allows."))
    elif participant.seats != 1:
        raise EnrollmentRefused(_("A person enrolls one participant at a time."))
    _check_age(course, acting, participant)
    if course.limit_per_term is not None:
        _check_term_limit(course, acting.customer, participant)


def _check_age(course: Course, acting: Acting, participant: Participant) -> None:
    if (course.min_age is None and course.max_age is None) or participant.key == "group":
        return
    born = participant.birth_date if participant.birth_date else birth_date_of_person(acting.person)
    if born is None:
        return
    first = course.sessions.order_by("starts_at").values_list("starts_at", flat=True).first()
    age = age_on(born, timezone.localdate(first) if first else timezone.localdate())
    if course.min_age is not None and age < course.min_age:
        raise EnrollmentRefused(_("The participant is younger than this course is for."))
    if course.max_age is not None and age > course.max_age:
        raise EnrollmentRefused(_("The participant is older than this course is for."))


def _check_term_limit(course: Course, customer: Customer, participant: Participant) -> None:
    # Locking the customer too: two enrollments into two different courses at once must not
    # both pass the limit.
    Customer.objects.select_for_update().filter(pk=customer.pk).get()
    taken = (
        Enrollment.objects.filter(
            customer=customer,
            participant_key=participant.key,
            status__in=LIVE,
            course__service_id=course.service_id,
            course__term=course.term,
        )
        .exclude(course=course)
        .count()
    )
    if taken >= course.limit_per_term:  # type: ignore[operator]
        raise EnrollmentRefused(
            _("You already have as many courses of this kind this term as one person may.")
        )


@transaction.atomic
def enrollment_create(
    *,
    course: Course,
    acting: Acting,
    participant: Participant,
    answers: dict[str, str] | None = None,
    language: str = "fi",
    now: datetime | None = None,
) -> Enrollment:
    """Enroll the participant, or put them in the pre-queue before opening. Pressing again
    (a double click, a resent form) gives back the same enrollment and the same answer."""
    now = now or timezone.now()
    course = _locked_numbers(course)
    numbers = _numbers(course)
    # Read after the lock: a statement that started before it was granted would not see an
    # enrollment committed by the request that held it (a double click).
    existing = (
        Enrollment.objects.filter(
            course=course, customer=acting.customer, participant_key=participant.key
        )
        .exclude(status=Status.CANCELLED)
        .first()
    )
    if existing is not None and existing.status != Status.FULL:
        return existing
    _draw(course, now)
    _check_rules(course, acting, participant, now)
    enrollment = existing or Enrollment(
        course=course,
        customer=acting.customer,
        participant_key=participant.key,
        participant_name=participant.name,
        participant_birth_date=participant.birth_date,
        seats=participant.seats,
    )
    enrollment.acting_person = acting.person
    enrollment.answers = answers or {}
    enrollment.language = language
    # A request that read the clock just before the opening but got the lock only after the
    # draw would wait in a queue nobody draws again: once drawn, everyone gets an answer.
    if now < course.opens_at and course.drawn_at is None:
        enrollment.status = Status.QUEUED
        enrollment.draw = secrets.randbits(62)
    else:
        _decide(course, enrollment, now)
    enrollment.save()
    if _numbers(course) != numbers:  # a queue place or "full" changes no number
        _save_numbers(course)
    enrollment_folder_record(enrollment)
    status = str(enrollment.status)
    transaction.on_commit(lambda: ENROLLMENTS.labels(status=status).inc())
    if enrollment.status != Status.FULL:
        enrollment_notify(enrollment)
    return enrollment


def course_open_if_due(*, course: Course, now: datetime | None = None) -> Course:
    """Draw the pre-queue once the opening time has come; the course with its current numbers."""
    now = now or timezone.now()
    if course.drawn_at is not None or now < course.opens_at:
        return course
    with transaction.atomic():
        course = _locked(course.pk)
        if _draw(course, now):
            _save_numbers(course)
    return course


def _promote(course: Course, now: datetime) -> None:
    """Freed places go to the waiting list in order; a group that does not fit keeps its turn."""
    waiting = course.enrollments.filter(status=Status.WAITING).order_by("waiting_number")
    for enrollment in waiting:
        if course.enrolled_seats + enrollment.seats > course.capacity:
            break
        course.enrolled_seats += enrollment.seats
        course.waiting_seats -= enrollment.seats
        enrollment.status = Status.ENROLLED
        enrollment.decided_at = now
        enrollment.save(update_fields=["status", "decided_at"])
        enrollment_folder_record(enrollment)
        promotion_notify(enrollment)


def enrollment_open_if_due(*, enrollment: Enrollment) -> Enrollment:
    """The enrollment as it stands once its course has opened if due: a queue place may have been
    decided by the draw this call made."""
    course = course_open_if_due(course=enrollment.course)
    if course.drawn_at and enrollment.status == Status.QUEUED:
        enrollment.refresh_from_db()
    enrollment.course = course
    return enrollment


def enrollment_cancellable(
    enrollment: Enrollment, *, course: Course, now: datetime | None = None
) -> bool:
    if enrollment.status not in CANCELLABLE:
        return False
    if enrollment.status != Status.ENROLLED:
        return True
    return (now or timezone.now()) <= course.cancellation_deadline


@transaction.atomic
def enrollment_cancel(
    *, enrollment: Enrollment, acting: Acting, now: datetime | None = None
) -> Enrollment:
    """Give up the place (or the waiting-list or queue place); the first waiting gets it."""
    return _cancel(enrollment=enrollment, person=acting.person, now=now, deadline_applies=True)


@transaction.atomic
def enrollment_cancel_by_staff(
    *, enrollment: Enrollment, staff: "User", now: datetime | None = None
) -> Enrollment:
    """The organiser cancels on the participant's behalf (the deadline is the participant's,
    not the organiser's); the participant is told and the first waiting gets the place."""
    return _cancel(enrollment=enrollment, person=staff, now=now, deadline_applies=False)


def _cancel(
    *, enrollment: Enrollment, person: "User", now: datetime | None, deadline_applies: bool
) -> Enrollment:
    now = now or timezone.now()
    course = _locked(enrollment.course_id)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status in (Status.CANCELLED, Status.FULL):
        return enrollment
    if deadline_applies and not enrollment_cancellable(enrollment, course=course, now=now):
        raise EnrollmentRefused(_("The cancellation deadline has passed. Contact the organiser."))
    if enrollment.status == Status.ENROLLED:
        course.enrolled_seats -= enrollment.seats
    elif enrollment.status == Status.WAITING:
        course.waiting_seats -= enrollment.seats
    enrollment.status = Status.CANCELLED
    enrollment.cancelled_at = now
    enrollment.acting_person = person
    enrollment.save(update_fields=["status", "cancelled_at", "acting_person"])
    enrollment_folder_record(enrollment)
    enrollment_notify(enrollment)
    _promote(course, now)
    _save_numbers(course)
    return enrollment


@transaction.atomic
def course_capacity_set(
    *, course: Course, capacity: int, waiting_capacity: int, now: datetime | None = None
) -> Course:
    """Staff change the places; more places go to the waiting list at once."""
    now = now or timezone.now()
    course = _locked(course.pk)
    if capacity < course.enrolled_seats:
        raise EnrollmentRefused(_("More people are enrolled than the new number of places."))
    if waiting_capacity < course.waiting_seats:
        raise EnrollmentRefused(
            _("More people are on the waiting list than the new number of waiting places.")
        )
    course.capacity = capacity
    course.waiting_capacity = waiting_capacity
    _promote(course, now)
    _save_numbers(course)
    return course
