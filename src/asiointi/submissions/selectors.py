"""Reads, each with its permission check: anything not the acting customer's is a 404."""

from uuid import UUID

from django.http import Http404
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.customers.acting import Acting
from asiointi.submissions.models import AccessGrant, Draft, StatusChange, Submission


def draft_for_acting(*, acting: Acting, pk: UUID | str) -> Draft:
    draft = (
        Draft.objects.select_related("version__form", "service__agency")
        .filter(pk=pk, customer=acting.customer, expires_at__gt=timezone.now())
        .first()
    )
    if draft is None:
        raise Http404
    return draft


def submission_for_acting(*, acting: Acting, pk: UUID | str) -> Submission:
    submission = (
        Submission.objects.select_related("version__form", "service__agency")
        .filter(pk=pk, customer=acting.customer)
        .first()
    )
    if submission is None:
        raise Http404
    return submission


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
            customer=acting.customer, service=service, expires_at__gt=timezone.now()
        ).order_by("-updated_at")
    )
