"""Writes of the back office: membership, second factor, handling cases, and the auditor's
person lookup (an audited read)."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from asiointi.backoffice.decisions import case_decision, decision_template_for_case
from asiointi.backoffice.models import (
    AgencyMembership,
    CaseAssignment,
    CaseNote,
    CaseSendKey,
    DecisionTemplate,
)
from asiointi.backoffice.selectors import case_thread
from asiointi.catalogue.models import Agency
from asiointi.folder.messaging import MessageRefused, message_send
from asiointi.identity.models import User
from asiointi.plain_text import plain_text_problem
from asiointi.privacy.identity_codes import (
    identity_code_decrypt,
    identity_code_digest,
    identity_code_normalise,
    identity_codes_masked,
)
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record
from asiointi.submissions.models import Submission
from asiointi.submissions.services import submission_delivery_again, submission_status_change

Status = Submission.Status


class CaseRefused(Exception):
    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = str(message)


@transaction.atomic
def agency_membership_add(
    *, user: User, agency: Agency, role: str = AgencyMembership.Role.CLERK
) -> AgencyMembership:
    membership, created = AgencyMembership.objects.get_or_create(
        user=user, agency=agency, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


@dataclass(frozen=True)
class SecondFactor:
    totp: TOTPDevice
    recovery_codes: list[str]


@transaction.atomic
def staff_second_factor_set_up(
    *, user: User, recovery_codes: int = 10, key: str = ""
) -> SecondFactor:
    """A new authenticator app secret (`key` in hex, when the app already holds it) and
    single-use recovery codes for a member of staff.

    Earlier ones stop working: this is also how a lost phone is replaced.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    totp = TOTPDevice.objects.create(
        user=user, name="authenticator app", confirmed=True, **({"key": key} if key else {})
    )
    static = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(recovery_codes)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return SecondFactor(totp=totp, recovery_codes=codes)


@transaction.atomic
def case_status_set(*, submission: Submission, status: str, by: User) -> bool:
    """Move the case on; False when it already had that status (two clerks at once: one change)."""
    if status not in (Status.IN_PROCESS, Status.WAITING, Status.DECIDED, Status.CLOSED):
        raise CaseRefused(_("Choose a status."))
    return submission_status_change(submission=submission, status=status, changed_by=by)


@transaction.atomic
def case_assign(*, submission: Submission, assignee: User | None, by: User) -> None:
    """Give the case to a member of its agency's staff, or to no one."""
    if assignee is None:
        CaseAssignment.objects.filter(submission=submission).delete()
        return
    if not AgencyMembership.objects.filter(
        user=assignee, agency_id=submission.service.agency_id
    ).exists():
        raise CaseRefused(_("Choose a member of this agency's staff."))
    CaseAssignment.objects.update_or_create(submission=submission, defaults={"assignee": assignee})


def _optional_text(body: str) -> str:
    body = body.strip()
    problem = plain_text_problem(body, multiline=True)
    if problem:
        raise CaseRefused(problem)
    return body


def _text(body: str, empty: object) -> str:
    body = body.strip()
    if not body:
        raise CaseRefused(empty)
    problem = plain_text_problem(body, multiline=True)
    if problem:
        raise CaseRefused(problem)
    return body


@transaction.atomic
def case_note_add(*, submission: Submission, body: str, by: User) -> CaseNote:
    """An internal note: staff of the agency see it, the customer never does."""
    return CaseNote.objects.create(
        submission=submission, author=by, body=_text(body, _("Write the note."))
    )


def _first_press(*, submission: Submission, form_key: str) -> bool:
    """Take the form's key; False when a press of the same form already took it. A second press
    waits here, on the key's unique index, until the first commits (or rolls back)."""
    if not form_key:
        return True
    try:
        with transaction.atomic():
            CaseSendKey.objects.create(submission=submission, key=form_key[:64])
    except IntegrityError:
        return False
    return True


def _decision_template(
    submission: Submission, template: DecisionTemplate | None
) -> DecisionTemplate | None:
    if template is None:
        return None
    found = decision_template_for_case(submission=submission, pk=template.pk)
    if found is None:
        raise CaseRefused(_("Choose one of the decision templates in use for this service."))
    return found


@transaction.atomic
def case_message_send(
    *,
    submission: Submission,
    body: str,
    by: User,
    ask_for_information: bool = False,
    decision: bool = False,
    document: bytes | None = None,
    document_name: str = "",
    served_on: date | None = None,
    template: DecisionTemplate | None = None,
    form_key: str = "",
) -> bool:
    """Write to the customer in the case's thread (started on the first message). False when
    the same form (its `form_key`) was sent already: a double press sends once.

    Asking for more information sets the case waiting for the customer; their answer in the
    thread returns it to the clerk (`submissions.services.submission_customer_replied`). A
    decision decides the case: an uploaded PDF, or one made from the agency's decision template
    (`body` is then the clerk's reasoning, which may be left out) or from the message. The
    customer is told once, by the folder's notification."""
    if submission.customer is None:
        raise CaseRefused(_("The customer's details have been erased: nobody can be written to."))
    template = _decision_template(submission, template if decision else None)
    body = _optional_text(body) if template is not None else _text(body, _("Write a message."))
    if not _first_press(submission=submission, form_key=form_key):
        return False
    decision = decision or document is not None
    if decision and document is None:
        served_on = served_on or timezone.localdate()
        document, body = case_decision(
            submission=submission, clerk=by, template=template, text=body, on=served_on
        )
        document_name = document_name or f"{submission.reference}.pdf"
    thread = case_thread(submission=submission)
    service = submission.service
    try:
        message_send(
            customer=submission.customer,
            agency=service.agency,
            body=body,
            subject=f"{service.name} {submission.reference}",
            thread=thread,
            sender=by,
            about_kind="submission",
            about_key=str(submission.pk),
            reference=submission.reference,
            service=service,
            document=document,
            document_name=document_name,
            served_on=served_on,
            decision=decision,
        )
    except MessageRefused as refused:
        raise CaseRefused(refused.message) from None
    status = None
    if ask_for_information:
        status = Status.WAITING
    elif decision:
        status = Status.DECIDED
    if status is not None:
        submission_status_change(submission=submission, status=status, changed_by=by, notify=False)
    return True


def case_decision_preview(
    *, submission: Submission, body: str, by: User, template: DecisionTemplate | None
) -> bytes:
    """The decision's PDF as `case_message_send` would make it today; nothing is sent or kept."""
    template = _decision_template(submission, template)
    body = _optional_text(body) if template is not None else _text(body, _("Write a message."))
    document, _message = case_decision(
        submission=submission, clerk=by, template=template, text=body, on=timezone.localdate()
    )
    return document


def case_identity_code_reveal(*, submission: Submission, reason: str, request: HttpRequest) -> str:
    """The customer's full identity code, written in the audit log with who, when and why."""
    reason = _text(reason, _("Say why you need the identity code."))
    person = submission.customer.person if submission.customer else None
    if person is None or not person.identity_code_encrypted:
        raise CaseRefused(_("This customer has no personal identity code."))
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        request=request,
        target=f"submission:{submission.pk}",
        details={
            "what": "identity code revealed",
            "reference": submission.reference,
            "reason": identity_codes_masked(reason)[:500],
        },
    )
    return identity_code_decrypt(person.identity_code_encrypted)


def case_delivery_retry(*, submission: Submission, by: User) -> None:
    if submission.delivery_failed_at is None:
        raise CaseRefused(_("This case was delivered; there is nothing to send again."))
    submission_delivery_again(submission=submission)


@sensitive_variables("identity_code", "code")
def audit_person_find(
    *, identity_code: str, auditor: User, request: HttpRequest | None = None
) -> User | None:
    """The person with this identity code, found by its keyed hash, for searching the audit log.
    The lookup is itself audited (who looked, whether someone was found; never the code). A
    mistyped code is a ValidationError in the auditor's language."""
    code = identity_code_normalise(identity_code)
    person = User.objects.filter(identity_code_digest=identity_code_digest(code)).first()
    audit_record(
        action=AuditEvent.Action.PERSON_LOOKUP,
        request=request,
        user=auditor,
        target=f"user:{person.pk}" if person else "",
        details={"found": person is not None, "purpose": "audit_log_search"},
    )
    return person
