"""Staff write a course's texts, times and terms (the back office's course editor).

The places are not here: `services.course_capacity_set` changes them, with the waiting list
promoted, and is the one way to do it. The rules are those the admin and the demo loader keep:
enrollment opens before it closes, age limits in order.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, CourseSession
from asiointi.edits import ChangedMeanwhile, differs, edit_version

LANGUAGES = ("fi", "sv", "en")
COURSE_TEXTS = ("name", "description", "place", "audience")
COURSE_SETTINGS = (
    "term",
    "address",
    "teacher",
    "price",
    "min_age",
    "max_age",
    "opens_at",
    "closes_at",
    "cancellation_deadline",
    "limit_per_term",
    "organisations_may_enroll",
    "max_group_size",
    "published",
)
COURSE_FIELDS = (
    *(f"{name}_{language}" for name in COURSE_TEXTS for language in LANGUAGES),
    *COURSE_SETTINGS,
)
Sessions = list[tuple[datetime, datetime]]


def course_problems(*, values: dict[str, Any], sessions: Sessions) -> dict[str, Any]:
    """What breaks the course's rules, by field; empty when nothing does."""
    problems: dict[str, Any] = {}
    opens, closes = values.get("opens_at"), values.get("closes_at")
    if opens and closes and opens >= closes:
        problems["closes_at"] = _("Enrollment must close after it opens.")
    deadline = values.get("cancellation_deadline")
    if opens and deadline and deadline < opens:
        problems["cancellation_deadline"] = _(
            "The cancellation deadline cannot be before enrollment opens."
        )
    low, high = values.get("min_age"), values.get("max_age")
    if low is not None and high is not None and low > high:
        problems["max_age"] = _("The maximum age cannot be below the minimum age.")
    if any(ends <= starts for starts, ends in sessions):
        problems["sessions"] = _("Each session must end after it starts.")
    return problems


def course_sessions_of(course: Course) -> Sessions:
    return [(s.starts_at, s.ends_at) for s in course.sessions.order_by("starts_at")]


def course_version(course: Course) -> str:
    times = [when for session in course_sessions_of(course) for when in session]
    return edit_version(course, COURSE_FIELDS, times)


def _sessions_set(course: Course, sessions: Sessions) -> bool:
    """Keep the sessions that stay (and their attendance), add the new ones."""
    wanted = set(sessions)
    kept = course.sessions.all()
    gone = [s.pk for s in kept if (s.starts_at, s.ends_at) not in wanted]
    have = {(s.starts_at, s.ends_at) for s in kept}
    new = [CourseSession(course=course, starts_at=a, ends_at=b) for a, b in sorted(wanted - have)]
    CourseSession.objects.filter(pk__in=gone).delete()
    CourseSession.objects.bulk_create(new)
    return bool(gone or new)


def _check(values: dict[str, Any], sessions: Sessions) -> None:
    problems = course_problems(values=values, sessions=sessions)
    if problems:
        raise ValidationError({field: [message] for field, message in problems.items()})


@transaction.atomic
def course_update(
    *, course: Course, values: dict[str, Any], sessions: Sessions, seen: str
) -> list[str]:
    """Save an edit of the course; the names of what changed ("sessions" for the times).

    Raises ChangedMeanwhile when the stored course is not the one the editor saw, and
    ValidationError (by field) when the edit breaks a rule."""
    # The same row lock as enrolling: the counters saved with the row are the current ones.
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if course_version(locked) != seen:
        raise ChangedMeanwhile(locked)
    _check(values, sessions)
    changed = [n for n in COURSE_FIELDS if n in values and differs(getattr(locked, n), values[n])]
    for name in changed:
        setattr(locked, name, values[name])
    if changed:
        locked.save()
    if _sessions_set(locked, sessions):
        changed.append("sessions")
    return changed


@transaction.atomic
def course_create(
    *,
    service: Service,
    code: str,
    values: dict[str, Any],
    sessions: Sessions,
    capacity: int,
    waiting_capacity: int,
) -> Course:
    """A new course of one of the agency's course services. A taken code is a ValidationError
    on `code` (two presses of "Create" make one course)."""
    _check(values, sessions)
    fields = {name: values[name] for name in COURSE_FIELDS if name in values}
    if Course.objects.filter(code=code).exists():
        raise ValidationError({"code": [_("Another course has this code already.")]})
    try:
        with transaction.atomic():
            course = Course.objects.create(
                code=code,
                service=service,
                agency=service.agency,
                capacity=capacity,
                waiting_capacity=waiting_capacity,
                **fields,
            )
    except IntegrityError:
        raise ValidationError({"code": [_("Another course has this code already.")]}) from None
    _sessions_set(course, sessions)
    return course
