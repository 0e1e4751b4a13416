"""Drafts and sent forms in the retention job (privacy.retention).

Each row carries its own date, set when written from the rules (a service's override, else the
form's own setting, else the default) and shown to the person: a draft is deleted after
`expires_at`; a sent form, after `delete_after`, is deleted or anonymised as its service's
rule says.
"""

from datetime import datetime

from django.utils import timezone

from asiointi.privacy.models import RetentionAction, RetentionKind
from asiointi.privacy.retention import Counts, Kind, KindRules, retention_kind_register
from asiointi.submissions.erasure import drafts_delete, submissions_anonymise, submissions_delete
from asiointi.submissions.models import Draft, Submission


def _drafts(rules: KindRules, now: datetime) -> Counts:
    return {"deleted": drafts_delete(Draft.objects.filter(expires_at__lt=now))}


def _submissions(rules: KindRules, now: datetime) -> Counts:
    due = Submission.objects.filter(delete_after__lt=timezone.localdate(now))
    counts = {"deleted": 0, "anonymised": 0}
    for rows, rule in rules.groups("service"):
        if rule.action == RetentionAction.ANONYMISE:
            counts["anonymised"] += submissions_anonymise(due.filter(rows))
        else:
            counts["deleted"] += submissions_delete(due.filter(rows))
    return counts


def register() -> None:
    retention_kind_register(Kind(RetentionKind.DRAFTS, _drafts, actions=(RetentionAction.DELETE,)))
    retention_kind_register(Kind(RetentionKind.SUBMISSIONS, _submissions))
