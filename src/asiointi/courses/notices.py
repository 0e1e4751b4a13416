"""What a change of an enrollment tells the customer: the folder entry and a message."""

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from asiointi.courses.models import Enrollment
from asiointi.folder.services import folder_item_record
from asiointi.notify.services import customer_notify

LANGUAGES = ("fi", "sv", "en")
STATUS_LABELS = {
    Enrollment.Status.QUEUED: _("In the queue for enrollment"),
    Enrollment.Status.ENROLLED: _("Enrolled"),
    Enrollment.Status.WAITING: _("On the waiting list"),
    Enrollment.Status.FULL: _("Course full"),
    Enrollment.Status.CANCELLED: _("Enrollment cancelled"),
}


def enrollment_title(enrollment: Enrollment) -> dict[str, str]:
    course = enrollment.course
    titles = {}
    for language in LANGUAGES:
        name = getattr(course, f"name_{language}") or course.name
        titles[language] = (
            f"{name}: {enrollment.participant_name}" if enrollment.participant_name else name
        )
    return titles


def enrollment_folder_record(enrollment: Enrollment) -> None:
    folder_item_record(
        customer=enrollment.customer,
        kind="enrollment",
        key=str(enrollment.pk),
        title=enrollment_title(enrollment),
        status=enrollment.status,
        reference=enrollment.reference,
        service=enrollment.course.service,
        occurred_at=enrollment.decided_at or enrollment.created_at,
    )


def _first_session(enrollment: Enrollment) -> str:
    first = enrollment.course.sessions.order_by("starts_at").first()
    return date_format(timezone.localtime(first.starts_at), "DATETIME_FORMAT") if first else ""


def enrollment_notify(enrollment: Enrollment, *, template: str = "course_enrollment") -> None:
    """Tell the customer what became of the enrollment (a place, a waiting-list or queue place,
    a cancellation) by the channel they chose; sent once the change commits."""

    def context() -> dict[str, str]:
        language = translation.get_language() or "fi"
        course = enrollment.course
        return {
            "course_name": enrollment_title(enrollment)[language],
            "course_code": course.code,
            "reference": enrollment.reference,
            "status": enrollment.status,
            "place": str(course.place) + (f", {course.address}" if course.address else ""),
            "first_session": _first_session(enrollment),
        }

    customer_notify(
        customer=enrollment.customer,
        template=template,
        context=context,
        about=("enrollment", enrollment.pk),
    )


def promotion_notify(enrollment: Enrollment) -> None:
    """A place from the waiting list."""
    enrollment_notify(enrollment, template="course_place")
