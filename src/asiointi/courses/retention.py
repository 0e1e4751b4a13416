"""Enrollments in the retention job (privacy.retention).

A course has ended at the end of its last session (or, without sessions, when enrollment
closed); its enrollments are kept for the rule's days after that for questions and invoicing,
then deleted with their folder entries, or anonymised (the participant's name, date of birth
and answers go; the row stays in the course's numbers). The course itself stays.
"""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F, Max, QuerySet
from django.db.models.functions import Coalesce

from asiointi.courses.models import Course, Enrollment
from asiointi.folder.services import folder_item_remove, folder_items_kept_until_set
from asiointi.privacy.models import RetentionAction, RetentionKind
from asiointi.privacy.retention import Counts, Kind, KindRules, retention_kind_register


def _courses_with_end() -> QuerySet[Course, Any]:
    return Course.objects.annotate(ended_at=Coalesce(Max("sessions__ends_at"), F("closes_at")))


def courses_ended_before(moment: datetime) -> list[int]:
    ended = _courses_with_end().filter(ended_at__lt=moment)  # type: ignore[misc]
    return list(ended.values_list("pk", flat=True))


@transaction.atomic
def enrollments_delete(enrollments: Any) -> int:
    """Delete these enrollments and their folder entries; the course keeps its numbers."""
    keys = [str(pk) for pk in enrollments.values_list("pk", flat=True)]
    for key in keys:
        folder_item_remove(kind="enrollment", key=key)
    Enrollment.objects.filter(pk__in=keys).delete()
    return len(keys)


def _enrollments(rules: KindRules, now: datetime) -> Counts:
    counts = {"deleted": 0, "anonymised": 0}
    for rows, rule in rules.groups("course__service"):
        ended = Enrollment.objects.filter(
            rows, course_id__in=courses_ended_before(rule.cutoff(now))
        )
        if rule.action == RetentionAction.ANONYMISE:
            counts["anonymised"] += ended.exclude(
                participant_name="", participant_birth_date=None, answers={}
            ).update(participant_name="", participant_birth_date=None, answers={})
        else:
            counts["deleted"] += enrollments_delete(ended)
    _kept_until_refresh(rules)
    return counts


def _kept_until_refresh(rules: KindRules) -> None:
    """Every enrollment's folder entry says until when it is kept: its course's end + the rule.
    (A course's end is not known on the enrollment's own busy path, so the job writes it.)"""
    for course in _courses_with_end().filter(enrollments__isnull=False).distinct():
        until = rules.for_service(course.service_id).until(course.ended_at)  # type: ignore[attr-defined]
        keys = [str(pk) for pk in course.enrollments.values_list("pk", flat=True)]
        folder_items_kept_until_set(kind="enrollment", keys=keys, kept_until=until)


def register() -> None:
    retention_kind_register(Kind(RetentionKind.ENROLLMENTS, _enrollments))
