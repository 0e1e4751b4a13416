from celery import shared_task
from django.conf import settings

from asiointi.submissions.delivery import DeliveryFailed, deliver
from asiointi.submissions.models import Submission
from asiointi.submissions.services import (
    drafts_expired_delete,
    submission_delivered,
    submission_delivery_failed,
)


@shared_task(bind=True, max_retries=None, acks_late=True)
def submission_deliver(self, submission_id: str) -> str:  # type: ignore[no-untyped-def]
    """Deliver, retrying with growing pauses; after the last attempt the failure is recorded
    (staff see it, the resident sees "delayed") instead of being raised into nowhere."""
    submission = Submission.objects.select_related("service__agency", "version").get(pk=submission_id)
    if submission.status != Submission.Status.RECEIVED and submission.delivery_failed_at is None:
        return "already delivered"
    try:
        deliver(submission)
    except DeliveryFailed as failure:
        final = self.request.retries + 1 >= settings.SUBMISSION_DELIVERY_ATTEMPTS
        submission_delivery_failed(submission=submission, error=str(failure), final=final)
        if final:
            return "failed"
        raise self.retry(countdown=min(3600, 30 * 2**self.request.retries)) from None
    submission_delivered(submission=submission)
    return "delivered"


@shared_task
def drafts_expired_delete_task() -> int:
    return drafts_expired_delete()
