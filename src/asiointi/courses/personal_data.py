"""Course enrollments' section of the personal data registry (privacy.personal_data)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asiointi.courses.models import LIVE, Enrollment
from asiointi.courses.retention import courses_ended_before, enrollments_delete
from asiointi.courses.selectors import enrollments_data
from asiointi.customers.models import Customer
from asiointi.privacy.personal_data import ErasureBlocker, Section, personal_data_register

UPCOMING_COURSE = ErasureBlocker(
    "UPCOMING_COURSE",
    _(
        "You have a place in a course that has not ended yet. Cancel the place, or wait "
        "until the course has ended, and your data can be erased."
    ),
)


def _blockers(customer: Customer) -> list[ErasureBlocker]:
    live = Enrollment.objects.filter(customer=customer, status__in=LIVE).exclude(
        course_id__in=courses_ended_before(timezone.now())
    )
    return [UPCOMING_COURSE] if live.exists() else []


def _erase(customer: Customer) -> int:
    return enrollments_delete(Enrollment.objects.filter(customer=customer))


def register() -> None:
    personal_data_register(
        Section(
            "course_enrollments",
            _("Course enrollments"),
            lambda customer: enrollments_data(customer=customer),
            erase=_erase,
            blockers=_blockers,
            order=70,
        )
    )
