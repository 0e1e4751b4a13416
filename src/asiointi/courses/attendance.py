"""Who came to a course's session: marked by its staff on the roster."""

from typing import TYPE_CHECKING

from django.db import transaction

from asiointi.courses.models import Attendance, CourseSession, Enrollment

if TYPE_CHECKING:
    from asiointi.identity.models import User


@transaction.atomic
def attendance_set(*, session: CourseSession, present: set[int], staff: "User") -> int:
    """Mark who of the session's course's enrolled came (`present`: enrollment ids); everyone
    else enrolled is marked absent. Returns how many were marked present."""
    enrolled = Enrollment.objects.filter(
        course_id=session.course_id, status=Enrollment.Status.ENROLLED
    )
    count = 0
    for enrollment_id in enrolled.values_list("pk", flat=True):
        came = enrollment_id in present
        count += came
        Attendance.objects.update_or_create(
            enrollment_id=enrollment_id,
            session=session,
            defaults={"present": came, "marked_by": staff},
        )
    return count
