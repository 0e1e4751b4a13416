"""Course enrollments' section of the personal data registry (privacy.personal_data)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asiointi.courses.models import LIVE, Enrollment
from asiointi.courses.retention import courses_ended_before
from asiointi.courses.selectors import enrollments_data
from asiointi.customers.models import Customer
from asiointi.folder.services import folder_item_remove
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


@transaction.atomic
def enrollments_delete(enrollments: object) -> int:
    """Delete these enrollments and their folder entries; the course keeps its numbers."""
    keys = [str(pk) for pk in enrollments.values_list("pk", flat=True)]  # type: ignore[attr-defined]
    for key in keys:
        folder_item_remove(kind="enrollment", key=key)
    Enrollment.objects.filter(pk__in=keys).delete()
    return len(keys)


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
