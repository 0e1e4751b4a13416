"""Enrollments are personal data: they are deleted a while after their course has ended.

A course has ended at the end of its last session (or, without sessions, when enrollment closed);
its enrollment rows, and their folder entries, are kept COURSE_ENROLLMENT_RETENTION_DAYS after that
for questions and invoicing. The course itself stays, with its numbers.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from asiointi.courses.models import Course, Enrollment
from asiointi.folder.services import folder_item_remove


def courses_ended_before(moment: datetime) -> list[int]:
    ended = Course.objects.annotate(ended_at=Coalesce(Max("sessions__ends_at"), F("closes_at")))
    return list(ended.filter(ended_at__lt=moment).values_list("pk", flat=True))


@transaction.atomic
def enrollments_prune(*, days: int | None = None, now: datetime | None = None) -> int:
    """Delete the enrollments of courses that ended more than `days` ago; how many were deleted."""
    days = settings.COURSE_ENROLLMENT_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    old = Enrollment.objects.filter(course_id__in=courses_ended_before(cutoff))
    keys = [str(pk) for pk in old.values_list("pk", flat=True)]
    for key in keys:
        folder_item_remove(kind="enrollment", key=key)
    old.delete()
    return len(keys)
