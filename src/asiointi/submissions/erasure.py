"""Deleting and anonymising drafts and sent forms, for the retention job (retention.py) and for
erasing a person (personal_data.py): their files and folder items go with them."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from asiointi.attachments.services import attachments_delete_held
from asiointi.folder.services import folder_item_remove
from asiointi.submissions.models import Submission


@transaction.atomic
def submissions_anonymise(submissions: Any) -> int:
    """What the agency must keep stays (that the form was sent, its reference, service, status
    history and dates); whose it was, its answers and its files go."""
    count = 0
    for submission in submissions.filter(anonymised_at__isnull=True).select_for_update():
        holder = f"submission:{submission.pk}"
        attachments_delete_held(holder=holder)
        folder_item_remove(kind="submission", key=str(submission.pk))
        Submission.objects.filter(pk=submission.pk).update(
            customer=None,
            person=None,
            business_id="",
            content_encrypted="",
            delivery_error="",
            anonymised_at=timezone.now(),
        )
        count += 1
    return count


@transaction.atomic
def submissions_delete(submissions: Any) -> int:
    count = 0
    for submission in submissions.select_for_update():
        attachments_delete_held(holder=f"submission:{submission.pk}")
        folder_item_remove(kind="submission", key=str(submission.pk))
        submission.delete()
        count += 1
    return count


@transaction.atomic
def drafts_delete(drafts: Any) -> int:
    count = 0
    for draft in drafts:
        attachments_delete_held(holder=f"draft:{draft.pk}")
        folder_item_remove(kind="draft", key=str(draft.pk))
        draft.delete()
        count += 1
    return count
