"""Reads, each with its permission check: anything the acting person may not see (another
customer's, or within a mandate another service's) is a 404."""

from typing import Any
from uuid import UUID

from django.http import Http404
from django.utils import timezone
from stdnum.fi import hetu

from asiointi.catalogue.models import Service
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.privacy.identity_codes import identity_code_mask
from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import AccessGrant, Draft, StatusChange, Submission


def draft_for_acting(*, acting: Acting, pk: UUID | str) -> Draft:
    draft = (
        Draft.objects.select_related("version__form", "service__agency")
        .filter(acting.visible(), pk=pk, expires_at__gt=timezone.now())
        .first()
    )
    if draft is None:
        raise Http404
    draft.customer = acting.customer  # the filter made sure; saves reading it again for the folder
    return draft


def submission_sent_from_draft(*, acting: Acting, draft_key: UUID | str) -> Submission | None:
    """The submission a draft became (sending deletes the draft), if the person may see it."""
    return Submission.objects.filter(acting.visible(), draft_key=draft_key).first()


def submission_for_acting(*, acting: Acting, pk: UUID | str) -> Submission:
    submission = (
        Submission.objects.select_related("version__form", "service__agency")
        .filter(acting.visible(), pk=pk)
        .first()
    )
    if submission is None:
        raise Http404
    submission.customer = acting.customer  # the filter made sure
    return submission


def draft_service_id(key: str) -> int | None:
    """The service of a draft, for the attachments it holds (`attachment_holder_register`)."""
    return Draft.objects.filter(pk=key).values_list("service_id", flat=True).first()


def submission_service_id(key: str) -> int | None:
    return Submission.objects.filter(pk=key).values_list("service_id", flat=True).first()


def submission_history(submission: Submission) -> list[StatusChange]:
    return list(submission.history.all())


def access_granted(*, acting: Acting, service: Service) -> bool:
    """A service requiring prior contact opens only after the agency has granted access."""
    if not service.requires_prior_contact:
        return True
    return AccessGrant.objects.filter(service=service, customer=acting.customer).exists()


def drafts_of_service(*, acting: Acting, service: Service) -> list[Draft]:
    return list(
        Draft.objects.filter(
            acting.visible(), service=service, expires_at__gt=timezone.now()
        ).order_by("-updated_at")
    )


def submissions_data(*, customer: Customer) -> dict[str, Any]:
    """The customer's drafts and sent submissions with their answers, for their own copy.

    Identity codes inside answers are masked like everywhere the portal shows one.
    """
    drafts = Draft.objects.filter(customer=customer, expires_at__gt=timezone.now())
    submissions = Submission.objects.filter(customer=customer).prefetch_related("history")
    return {
        "drafts": [
            {
                "service": draft.service.name,
                "started_at": draft.created_at,
                "saved_at": draft.updated_at,
                "kept_until": draft.expires_at,
                "answers": _masked(content_decrypt(draft.answers_encrypted)),
            }
            for draft in drafts.select_related("service")
        ],
        "submissions": [
            {
                "reference": submission.reference,
                "service": submission.service.name,
                "sent_at": submission.sent_at,
                "sent_by": submission.person.full_name if submission.person else "",
                "status": submission.get_status_display(),
                "history": [
                    {"status": change.get_status_display(), "at": change.at}
                    for change in submission.history.all()
                ],
                "kept_until": submission.delete_after,
                "answers": _masked(content_decrypt(submission.content_encrypted)),
            }
            for submission in submissions.select_related("service", "person")
        ],
    }


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item) for item in value]
    if isinstance(value, str) and hetu.is_valid(value, allow_temporary=True):
        return identity_code_mask(value.upper())
    return value
