"""What a change of an enrollment tells the customer: the folder entry, the promotion message."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from asiointi.courses.models import Enrollment
from asiointi.folder.messaging import customer_notify
from asiointi.folder.services import folder_item_record

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
        status_label=STATUS_LABELS[enrollment.status],  # type: ignore[index]
        link_name="courses:enrollment_detail",
        link_args=(enrollment.pk,),
        reference=enrollment.course.code,
        service=enrollment.course.service,
        occurred_at=enrollment.decided_at or enrollment.created_at,
    )


def promotion_notify(enrollment: Enrollment) -> None:
    """Tell the customer (an organisation at its own contacts) of the place, as they chose."""

    def context(language: str) -> dict[str, Any]:
        return {
            "course_name": enrollment_title(enrollment)[language],
            "course_code": enrollment.course.code,
        }

    customer_notify(
        customer=enrollment.customer,
        template="course_place",
        context=context,
        language=enrollment.language,
    )
