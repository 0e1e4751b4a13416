"""Writes: drafts saved page by page, sending (once), delivery outcomes, access grants."""

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.services import attachments_hold, attachments_release
from asiointi.catalogue.models import Service
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.customers.reference import reference_new
from asiointi.eforms.models import FormVersion
from asiointi.eforms.pages import UNCHECKED
from asiointi.eforms.prefill import prefill_answers
from asiointi.eforms.routing import answers_on_path
from asiointi.eforms.selectors import definition_of, schema_of
from asiointi.eforms.validation import Problem, answers_problems
from asiointi.folder.services import folder_item_record, folder_item_remove
from asiointi.identity.models import User
from asiointi.notify.services import customer_notify
from asiointi.operations.metrics import SUBMISSIONS_SENT
from asiointi.privacy.models import RetentionKind
from asiointi.privacy.retention import retention_days
from asiointi.submissions.crypto import content_decrypt, content_encrypt
from asiointi.submissions.models import AccessGrant, Draft, StatusChange, Submission
from asiointi.submissions.selectors import DRAFT_FIELDS

Status = Submission.Status
DRAFT_STATUS = _("Draft")
STATUS_LABELS = {status.value: status.label for status in Status}


class SendRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def draft_answers(draft: Draft) -> dict[str, Any]:
    """The draft's answers, decrypted once per request however many steps ask for them."""
    token = draft.answers_encrypted
    cached = getattr(draft, "_answers", None)
    if cached is None or cached[0] is not token:
        cached = (token, content_decrypt(token))
        draft._answers = cached  # type: ignore[attr-defined]
    return dict(cached[1])


def draft_prefilled(draft: Draft) -> dict[str, Any]:
    answers = draft_answers(draft)
    return {key: answers[key] for key in draft.prefilled if key in answers}


def _expiry(version: FormVersion, service_id: int | None) -> datetime.datetime:
    own = definition_of(version).draft_retention_days
    days = retention_days(RetentionKind.DRAFTS, service_id, own=own)
    return timezone.now() + datetime.timedelta(days=days)


def _draft_in_folder(draft: Draft) -> None:
    folder_item_record(
        customer=draft.customer,
        kind="draft",
        key=str(draft.pk),
        title=definition_of(draft.version).title.values,
        status="draft",
        service=draft.service,
        needs_action=True,
        occurred_at=draft.updated_at,
        kept_until=timezone.localdate(draft.expires_at),
    )


@transaction.atomic
def draft_start(*, acting: Acting, service: Service, version: FormVersion) -> Draft:
    """A new draft, with what the portal knows filled in (and marked as such)."""
    prefilled = prefill_answers(definition_of(version), acting)
    draft = Draft.objects.create(
        customer=acting.customer,
        person=acting.person,
        service=service,
        version=version,
        answers_encrypted=content_encrypt(prefilled),
        prefilled=sorted(prefilled),
        expires_at=_expiry(version, service.pk),
    )
    _draft_in_folder(draft)
    return draft


@transaction.atomic
def draft_save(
    *,
    draft: Draft,
    acting: Acting,
    answers: dict[str, Any],
    page_key: str,
    unchecked: dict[str, Any] | None = None,
) -> Draft:
    """Merge one page's answers into the draft; its retention starts again from now.

    `unchecked` is what was typed on the page into answers that did not pass their checks
    ("Save and continue later"); the page shows it again, and sending refuses until it is fixed.
    """
    # Locked and read again: another tab may have saved a page since this request read the draft.
    # Only the answers are read; the version and service loaded with the draft never change.
    locked = Draft.objects.select_for_update().filter(pk=draft.pk)
    draft.answers_encrypted = locked.values_list("answers_encrypted", flat=True).get()
    merged = {**draft_answers(draft), **answers}
    typed = {**(merged.pop(UNCHECKED, None) or {}), page_key: unchecked or {}}
    typed = {key: value for key, value in typed.items() if value}
    if typed:
        merged[UNCHECKED] = typed
    draft.answers_encrypted = content_encrypt(merged)
    draft._answers = (draft.answers_encrypted, merged)  # type: ignore[attr-defined]
    draft.page_key = page_key
    draft.person = acting.person
    draft.expires_at = _expiry(draft.version, draft.service_id)
    draft.save(
        update_fields=["answers_encrypted", "page_key", "person", "expires_at", "updated_at"]
    )
    if _page_asks_files(draft.version, page_key):
        # Other pages leave the files named in the answers as they were, so what they hold too.
        _files_hold(draft.version, merged, holder=f"draft:{draft.pk}")
    _draft_in_folder(draft)
    return draft


def _page_asks_files(version: FormVersion, page_key: str) -> bool:
    page = definition_of(version).page(page_key)
    return page is None or any(question.type == "file" for question in page.questions)


def _files_hold(
    version: FormVersion, answers: dict[str, Any], *, holder: str, new: bool = False
) -> bool:
    """Keep the files the answers name from being pruned as unheld; release the rest.

    False when the form has no file questions (and so no holders). A `new` holder held nothing
    before: with no files named there is nothing to do."""
    from asiointi.attachments.models import Attachment

    file_keys = [q.key for page, q in definition_of(version).questions() if q.type == "file"]
    if not file_keys:
        return False  # Only this function makes holders: a form without files has none.
    ids = [
        item["id"]
        for key in file_keys
        for item in (answers.get(key) or [])
        if isinstance(item, dict) and "id" in item
    ]
    if ids or not new:
        # Holding exactly these files also lets go of those the holder held before.
        attachments_hold(attachments=Attachment.objects.filter(pk__in=ids), holder=holder)
    return True


@transaction.atomic
def draft_delete(*, draft: Draft) -> None:
    attachments_release(holder=f"draft:{draft.pk}")
    folder_item_remove(kind="draft", key=str(draft.pk))
    draft.delete()


def submission_send(*, draft_key: Any, acting: Acting, language: str) -> Submission:
    """Send the draft: one locked submission, however many times this is called for it.

    A double click, a reload or a resent request finds the submission the first call made (by the
    draft it came from, unique in the database, so even two at once make only one): the draft is
    gone by then, so looking for it fails and the submission is read instead.
    """
    try:
        return _submission_create(draft_key=draft_key, acting=acting, language=language)
    except (IntegrityError, Draft.DoesNotExist):
        # Another request sent the same draft at the same moment and won: either both inserted
        # (the unique draft key refused this one), or this one waited for the draft's lock and
        # found the draft deleted by the sending that held it. A draft deleted any other way
        # has no submission: DoesNotExist, which the view turns into a 404.
        return Submission.objects.get(acting.visible(), draft_key=draft_key)


@transaction.atomic
def _submission_create(*, draft_key: Any, acting: Acting, language: str) -> Submission:
    from asiointi.submissions.tasks import submission_deliver

    draft = (
        Draft.objects.select_for_update(of=("self",))
        .select_related("version", "service")
        .only(*DRAFT_FIELDS)
        .get(acting.visible(), pk=draft_key)
    )
    definition = definition_of(draft.version)
    answers = draft_answers(draft)
    problems = answers_problems(definition, schema_of(draft.version), answers)
    if problems:
        raise SendRefused(problems)
    on_path = answers_on_path(definition, answers)
    now = timezone.now()
    submission = Submission.objects.create(
        reference=_unused_reference(),
        draft_key=draft.pk,
        customer=acting.customer,
        person=acting.person,
        business_id=(acting.organisation.business_id or "") if acting.organisation else "",
        service=draft.service,
        agency_id=draft.service.agency_id,
        version=draft.version,
        language=language,
        content_encrypted=content_encrypt(on_path),
        sent_at=now,
        delete_after=timezone.localdate(now)
        + datetime.timedelta(
            days=retention_days(
                RetentionKind.SUBMISSIONS,
                draft.service_id,
                own=definition.submission_retention_days,
            )
        ),
    )
    StatusChange.objects.create(submission=submission, status=Status.RECEIVED)
    if _files_hold(draft.version, on_path, holder=f"submission:{submission.pk}", new=True):
        attachments_release(holder=f"draft:{draft.pk}")
    folder_item_remove(kind="draft", key=str(draft.pk))
    draft.delete()
    _submission_in_folder(submission)
    _receipt_send(submission)
    transaction.on_commit(lambda: submission_deliver.delay(str(submission.pk)))
    transaction.on_commit(SUBMISSIONS_SENT.inc)
    return submission


def _unused_reference() -> str:
    while True:
        reference = reference_new()
        if not Submission.objects.filter(reference=reference).exists():
            return reference


def _submission_in_folder(submission: Submission) -> None:
    if submission.customer is None:
        return  # anonymised: in nobody's folder
    folder_item_record(
        customer=submission.customer,
        kind="submission",
        key=str(submission.pk),
        title=definition_of(submission.version).title.values,
        status=submission.status,
        reference=submission.reference,
        service=submission.service,
        needs_action=submission.status == Status.WAITING,
        occurred_at=submission.sent_at,
        kept_until=submission.delete_after,
    )


def _receipt_send(submission: Submission) -> None:
    """A receipt to the customer (an organisation's own contacts, not those of whoever sent it),
    as the customer chose: the reference and the service, never the answers."""

    customer = submission.customer
    if customer is None:  # anonymised: nobody to tell
        return

    def context() -> dict[str, Any]:
        return {
            "reference": submission.reference,
            "service_name": str(submission.service.name),
            "sent_at": formats.date_format(
                timezone.localtime(submission.sent_at), "SHORT_DATETIME_FORMAT"
            ),
        }

    customer_notify(
        customer=customer,
        template="submission_receipt",
        context=context,
        about=("submission", submission.pk),
        language=submission.language,
    )


@transaction.atomic
def submission_status_set(
    *, submission: Submission, status: str, changed_by: User | None = None
) -> Submission:
    submission.status = status
    submission.save(update_fields=["status"])
    StatusChange.objects.create(submission=submission, status=status, changed_by=changed_by)
    _submission_in_folder(submission)
    return submission


# Statuses a submission has before anyone at the agency has touched it.
NOT_YET_HANDLED = (Status.RECEIVED, Status.DELIVERED, Status.DELIVERY_DELAYED)


@transaction.atomic
def submission_status_change(
    *, submission: Submission, status: str, changed_by: User | None, notify: bool = True
) -> bool:
    """Staff move a case on; the customer sees the new status in the folder and is told.

    The row is locked and read again, so two clerks pressing at once make one change: the second
    finds the status already set and changes nothing (False).
    """
    from asiointi.folder.messaging import folder_news_notify

    locked = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("service", "version")
        .get(pk=submission.pk)
    )
    if locked.status == status:
        submission.status = status
        return False
    submission_status_set(submission=locked, status=status, changed_by=changed_by)
    submission.status = status
    if notify and locked.customer is not None:  # an anonymised case has nobody to tell
        folder_news_notify(locked.customer, about=("submission", locked.pk))
    return True


def submission_customer_replied(thread: Any, message: Any) -> None:
    """A customer's answer in the thread about a case waiting for it returns the case to the
    clerk (`folder.messaging.reply_hook_register`)."""
    if thread.about_kind != "submission":
        return
    submission = Submission.objects.filter(pk=thread.about_key).first()
    if submission is not None and submission.status == Status.WAITING:
        submission_status_change(
            submission=submission, status=Status.IN_PROCESS, changed_by=None, notify=False
        )


def submission_delivery_again(*, submission: Submission) -> None:
    """Staff send a form the agency's system did not take once more (after the commit)."""
    from asiointi.submissions.tasks import submission_deliver

    pk = str(submission.pk)
    transaction.on_commit(lambda: submission_deliver.delay(pk))


@transaction.atomic
def submission_delivery_failed(*, submission: Submission, error: str, final: bool) -> int:
    """Record a failed attempt; after the last one the resident sees the delay, staff the error."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    submission.delivery_attempts += 1
    submission.delivery_error = error[:2000]
    fields = ["delivery_attempts", "delivery_error"]
    if final:
        submission.delivery_failed_at = timezone.now()
        fields.append("delivery_failed_at")
    submission.save(update_fields=fields)
    if final and submission.status != Status.DELIVERY_DELAYED:
        submission_status_set(submission=submission, status=Status.DELIVERY_DELAYED)
    return submission.delivery_attempts


@transaction.atomic
def submission_delivered(*, submission: Submission) -> None:
    delivered = submission
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("customer")
        .get(pk=submission.pk)
    )
    # A submission's service and version never change: the folder entry takes the caller's.
    submission.service, submission.version = delivered.service, delivered.version
    submission.delivery_attempts += 1
    submission.delivery_failed_at = None
    submission.delivery_error = ""
    submission.save(update_fields=["delivery_attempts", "delivery_failed_at", "delivery_error"])
    if submission.status in NOT_YET_HANDLED:  # staff may have moved it on meanwhile
        submission_status_set(submission=submission, status=Status.DELIVERED)


@transaction.atomic
def access_grant(
    *,
    service: Service,
    customer: Customer,
    granted_by: User | None = None,
    note: str = "",
    valid_until: datetime.date | None = None,
) -> AccessGrant:
    """The agency lets the customer use a service that requires contacting it first (until
    `valid_until`, or until revoked). Granting again sets the new end date: a second press
    of the same button changes nothing."""
    # Two presses at once: the service row is locked, so the second finds the first's grant.
    Service.objects.select_for_update().filter(pk=service.pk).first()
    grant, created = AccessGrant.objects.get_or_create(
        service=service,
        customer=customer,
        defaults={"granted_by": granted_by, "note": note, "valid_until": valid_until},
    )
    if not created and grant.valid_until != valid_until:
        grant.valid_until = valid_until
        grant.granted_by = granted_by or grant.granted_by
        grant.save(update_fields=["valid_until", "granted_by"])
    return grant


@transaction.atomic
def access_grant_revoke(*, grant: AccessGrant) -> bool:
    """The customer may no longer use the service; False when it was revoked already."""
    deleted, _rows = AccessGrant.objects.filter(pk=grant.pk).delete()
    return bool(deleted)
