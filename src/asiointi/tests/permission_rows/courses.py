"""Courses: public lists, enrolling, an enrollment and its cancelling."""

from asiointi.tests import permission_matrix as m
from asiointi.tests.permission_matrix import (
    OK,
    Answer,
    Row,
    Rule,
    Target,
    below,
    customer,
    owners,
    redirect,
    starts,
)
from asiointi.tests.permission_rows.common import (
    FORM_ERRORS,
    GET_ONLY,
    PUBLIC,
    SEE_OTHER,
)
from asiointi.tests.permission_world import World


def enrollments(world: World) -> list[Target]:
    return [Target({"pk": e.pk}, owner) for owner, e in world.enrollments.items()]


def fresh_enrollments(world: World) -> list[Target]:
    return [Target({"pk": world.fresh_enrollment(owner).pk}, owner) for owner in world.services]


def courses(world: World) -> list[Target]:
    return [Target({"code": c.code}, owner) for owner, c in world.courses.items()]


def course_services(world: World) -> list[Target]:
    return [Target({"slug": s.slug}, o) for o, s in world.course_services.items()]


PRIOR_CONTACT = Answer((403,), label="403, contact the agency first")


def _course_start(persona: str, owner: str) -> Answer:
    """A course service's courses; one needing prior contact only once the agency has opened
    it to the customer (here to the resident only)."""
    if refused := m.not_a_customer(persona):
        return refused
    if persona == m.NO_RIGHTS:
        return m.REFUSED
    if owner == m.OF_RESIDENT and persona != m.RESIDENT:
        return PRIOR_CONTACT
    return redirect("courses:course_list")


ROWS: list[Row] = [
    Row("courses:course_list", get=PUBLIC, post=GET_ONLY),
    Row("courses:course_detail", targets=courses, get=PUBLIC, post=GET_ONLY),
    Row(
        "courses:course_enroll",
        targets=courses,
        get=GET_ONLY,
        post=starts(FORM_ERRORS, groups_anywhere=True),
    ),
    Row(
        "courses:service_start",
        targets=course_services,
        get=Rule(_course_start),
        post=GET_ONLY,
        note="[organisation, no service]: a course service open to all",
    ),
    Row(
        "courses:course_review",
        targets=courses,
        get=customer(redirect(below("courses:course_detail", code="CODE"), statuses=SEE_OTHER)),
        post=starts(FORM_ERRORS, groups_anywhere=True),
        note="GET: back to the course page; POST: the enrollment form checked first",
    ),
    Row("courses:enrollment_detail", targets=enrollments, get=owners(OK), post=GET_ONLY),
    Row(
        "courses:enrollment_cancel",
        targets=fresh_enrollments,
        fresh=True,
        get=owners(OK),
        post=owners(redirect(below("courses:enrollment_detail", pk=987654), statuses=SEE_OTHER)),
        note="GET asks first",
    ),
]
