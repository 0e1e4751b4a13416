"""Feedback in the retention job (privacy.retention).

Feedback is kept from when it arrived or, once answered, from the answer; then it is deleted
with its file, or anonymised: the message, the answer, the sender's contact details and the file
go, while that the agency got feedback of that kind on that service, when, and that it was
answered stays (the accessibility statement's figures).
"""

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from asiointi.attachments.services import attachments_delete_held
from asiointi.feedback.models import Feedback
from asiointi.privacy.models import RetentionAction, RetentionKind
from asiointi.privacy.retention import Counts, Kind, KindRules, retention_kind_register

ANONYMISED = "–"


@transaction.atomic
def feedback_delete(feedback: QuerySet[Feedback]) -> int:
    count = 0
    for item in feedback:
        attachments_delete_held(holder=item.holder)
        item.delete()
        count += 1
    return count


@transaction.atomic
def feedback_anonymise(feedback: QuerySet[Feedback]) -> int:
    count = 0
    for item in feedback.exclude(message=ANONYMISED):
        attachments_delete_held(holder=item.holder)
        Feedback.objects.filter(pk=item.pk).update(
            message=ANONYMISED,
            answer=ANONYMISED if item.answer else "",
            contact_name="",
            contact_email="",
            contact_phone="",
            customer=None,
            person=None,
            answer_to_folder=False,
        )
        count += 1
    return count


def _feedback(rules: KindRules, now: datetime) -> Counts:
    counts = {"deleted": 0, "anonymised": 0}
    kept_from = Feedback.objects.annotate(kept_from=Coalesce("answered_at", "created_at"))
    for rows, rule in rules.groups("service"):
        due = kept_from.filter(rows, kept_from__lt=rule.cutoff(now))
        if rule.action == RetentionAction.ANONYMISE:
            counts["anonymised"] += feedback_anonymise(due)
        else:
            counts["deleted"] += feedback_delete(due)
    return counts


def register() -> None:
    retention_kind_register(Kind(RetentionKind.FEEDBACK, _feedback))
