from celery import shared_task
from django.conf import settings

from asiointi.submissions.delivery import DeliveryFailed, deliver
from asiointi.submissions.models import Submission
from asiointi.submissions.services import (
    NOT_YET_HANDLED,
    submission_delivered,
    submission_delivery_failed,
)


def _attempt(submission_id: str, *, final: bool) -> bool:
    """One delivery attempt; True when it is done (delivered now or before)."""
    submission = Submission.objects.select_related("service__agency", "version").get(
        pk=submission_id
    )
    if submission.status == Submission.Status.DELIVERED:
        return True
    if submission.status not in NOT_YET_HANDLED and submission.delivery_failed_at is None:
        return True  # staff handle it already, and no attempt has failed
    try:
        deliver(submission)
    except DeliveryFailed as failure:
        submission_delivery_failed(submission=submission, error=str(failure), final=final)
        return False
    submission_delivered(submission=submission)
    return True


@shared_task(bind=True, max_retries=None, acks_late=True)
def submission_deliver(self, submission_id: str) -> bool:  # type: ignore[no-untyped-def]
    """Deliver, retrying with growing pauses; after the last attempt the failure is recorded
    (staff see it, the resident sees "delayed") instead of being raised into nowhere."""
    attempts = settings.SUBMISSION_DELIVERY_ATTEMPTS
    if self.request.is_eager:
        # In-process (embedded profile, tests): no worker to come back later, so the attempts
        # are made now, one after another.
        return any(
            _attempt(submission_id, final=attempt + 1 >= attempts) for attempt in range(attempts)
        )
    final = self.request.retries + 1 >= attempts
    if _attempt(submission_id, final=final):
        return True
    if final:
        return False
    raise self.retry(countdown=min(3600, 30 * 2**self.request.retries))
