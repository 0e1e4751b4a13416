"""Reads, each with its permission check: anything the acting person may not see (another
customer's, or within a mandate another service's) is a 404."""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from stdnum.fi import hetu

from asiointi.catalogue.models import Service
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.eforms.selectors import definition_of
from asiointi.eforms.summary import Section, answers_summary
from asiointi.privacy.identity_codes import identity_code_mask
from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import AccessGrant, Draft, StatusChange, Submission

# What a draft's pages use of its version and service. The rest (the definition document and
# schema, the service's descriptions in three languages) is read once per process through
# `definition_of` and `schema_of`, or not at all: loading and decoding it on every page cost more
# than the rest of the query.
DRAFT_FIELDS = [
    *(field.name for field in Draft._meta.concrete_fields),
    "version__number",
    "version__published_at",
    "version__form_id",
    "service__slug",
    "service__agency_id",
    *(f"service__{name}" for name in ("name", "name_fi", "name_sv", "name_en")),
]


def draft_for_acting(*, acting: Acting, pk: UUID | str) -> Draft:
    try:
        draft = (
            Draft.objects.select_related("version", "service")
            .only(*DRAFT_FIELDS)
            .get(acting.visible(), pk=pk, expires_at__gt=timezone.now())
        )
    except Draft.DoesNotExist:
        raise Http404 from None
    draft.customer = acting.customer  # the filter made sure; saves reading it again for the folder
    return draft


def submission_sent_from_draft(*, acting: Acting, draft_key: UUID | str) -> Submission | None:
    """The submission a draft became (sending deletes the draft), if the person may see it."""
    return Submission.objects.filter(acting.visible(), draft_key=draft_key).first()


def _in_every_language(name: str) -> list[str]:
    return [name, *(f"{name}_{code}" for code, _name in settings.LANGUAGES)]


# What a sent form's pages (confirmation, detail, PDF) show of its version, service and agency.
_SUBMISSION_FIELDS = [
    *(field.name for field in Submission._meta.concrete_fields),
    "version__number",
    "version__published_at",
    "version__form_id",
    "service__slug",
    "service__agency_id",
    "service__contact_email",
    "service__contact_phone",
    *_in_every_language("service__name"),
    *_in_every_language("service__contact_hours"),
    "service__agency__slug",
    *_in_every_language("service__agency__name"),
]


def submission_for_acting(*, acting: Acting, pk: UUID | str) -> Submission:
    try:
        submission = (
            Submission.objects.select_related("version", "service__agency")
            .only(*_SUBMISSION_FIELDS)
            .get(acting.visible(), pk=pk)
        )
    except Submission.DoesNotExist:
        raise Http404 from None
    submission.customer = acting.customer  # the filter made sure
    return submission


def draft_service_id(key: str) -> int | None:
    """The service of a draft, for the attachments it holds (`attachment_holder_register`)."""
    return Draft.objects.filter(pk=key).values_list("service_id", flat=True).first()


def submission_service_id(key: str) -> int | None:
    return Submission.objects.filter(pk=key).values_list("service_id", flat=True).first()


def submission_history(submission: Submission) -> list[StatusChange]:
    return list(submission.history.all())


def access_grant_exists(customer: Customer, service: Service) -> bool:
    """Whether the agency has granted the customer access to the service (registered with
    `customers.grants`, which forms and courses ask)."""
    return (
        AccessGrant.objects.filter(service=service, customer=customer)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate()))
        .exists()
    )


def access_grants_of_agency(*, agency_id: int) -> list[AccessGrant]:
    """The grants to the agency's services, the latest first (ended ones included: staff see
    what has run out)."""
    return list(
        AccessGrant.objects.filter(service__agency_id=agency_id)
        .select_related("service", "customer__person", "customer__organisation", "granted_by")
        .order_by("-granted_at", "-pk")
    )


def access_grant_of_agency(*, agency_id: int, pk: int) -> AccessGrant:
    grant = AccessGrant.objects.filter(service__agency_id=agency_id, pk=pk).first()
    if grant is None:
        raise Http404
    return grant


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


def submissions_export(customer: Customer) -> dict[str, Any]:
    """The data export's "forms" part: left out when there are neither drafts nor submissions."""
    data = submissions_data(customer=customer)
    return data if data["drafts"] or data["submissions"] else {}


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item) for item in value]
    if isinstance(value, str) and hetu.is_valid(value, allow_temporary=True):
        return identity_code_mask(value.upper())
    return value


# The back office's reads. Its own selectors check first that the member of staff works for the
# agency; these only keep each query within that agency's services.


def submissions_of_agency(
    *,
    agency_id: int,
    service_id: int | None = None,
    statuses: Sequence[str] = (),
    search: str = "",
    delivery_failed: bool = False,
) -> QuerySet[Submission]:
    """An agency's sent forms, newest first: one indexed query, however many there are.

    `search` is a reference (exactly, any case), or part of the customer's name or the service's.
    """
    found = Submission.objects.filter(agency_id=agency_id)
    if service_id is not None:
        found = found.filter(service_id=service_id)
    if statuses:
        found = found.filter(status__in=list(statuses))
    if delivery_failed:
        found = found.filter(delivery_failed_at__isnull=False)
    search = search.strip()
    if search:
        # A reference finds its one case by the unique index, without reading every name.
        by_reference = found.filter(reference=search.upper())
        if by_reference.exists():
            return by_reference.order_by("-sent_at", "-pk")
        words = Q(reference=search.upper())
        if len(search) >= 2:
            words |= (
                Q(customer__person__first_name__icontains=search)
                | Q(customer__person__last_name__icontains=search)
                | Q(customer__organisation__name__icontains=search)
                | Q(service__name_fi__icontains=search)
                | Q(service__name_sv__icontains=search)
                | Q(service__name_en__icontains=search)
            )
        found = found.filter(words)
    return found.order_by("-sent_at", "-pk")


def submission_of_agency(*, agency_id: int, reference: str) -> Submission:
    submission = (
        Submission.objects.select_related(
            "version__form", "service", "customer__person", "customer__organisation", "person"
        )
        .filter(agency_id=agency_id, reference=reference)
        .first()
    )
    if submission is None:
        raise Http404
    return submission


def submission_answers_summary(submission: Submission) -> list[Section]:
    """The answers as sent, read back with the form version they were sent with."""
    definition = definition_of(submission.version)
    return answers_summary(definition, content_decrypt(submission.content_encrypted))


def submission_history_with_staff(submission: Submission) -> list[StatusChange]:
    return list(submission.history.select_related("changed_by"))
