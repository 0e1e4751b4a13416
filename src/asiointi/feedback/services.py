"""Sending feedback to an agency and answering it. Reads go through selectors.py."""

import secrets
from collections.abc import Sequence
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from asiointi.attachments.models import Attachment
from asiointi.attachments.services import attachments_hold
from asiointi.catalogue.models import Agency, Service
from asiointi.customers.acting import Acting
from asiointi.customers.reference import reference_new
from asiointi.feedback.models import Feedback
from asiointi.folder.messaging import message_send
from asiointi.identity.models import User
from asiointi.notify.services import notification_send

# Accessibility feedback must be answered within 14 days (Act on the Provision of Digital
# Services 306/2019, section 15).
ACCESSIBILITY_ANSWER_DAYS = 14
RATE_WINDOW_SECONDS = 3600


class FeedbackRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def form_key_new() -> str:
    return secrets.token_urlsafe(24)


def _rate_key(address: str) -> str:
    return f"feedback:sent:{address}"


def feedback_rate_exceeded(*, address: str) -> bool:
    """True when this address has already sent FEEDBACK_PER_HOUR feedback within the hour."""
    return int(cache.get(_rate_key(address), 0)) >= settings.FEEDBACK_PER_HOUR


def _rate_count(address: str) -> None:
    key = _rate_key(address)
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)


def answer_due_for(kind: str, today: date) -> date | None:
    if kind == Feedback.Kind.ACCESSIBILITY:
        return today + timedelta(days=ACCESSIBILITY_ANSWER_DAYS)
    return None


def _portal_url(path: str) -> str:
    return f"{settings.PORTAL_URL}{path}"


def feedback_send(
    *,
    form_key: str,
    agency: Agency,
    service: Service | None,
    kind: str,
    message: str,
    language: str,
    address: str,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    acting: Acting | None = None,
    answer_to_folder: bool = False,
    attachments: Sequence[Attachment] = (),
) -> tuple[Feedback, bool]:
    """Store the feedback for the agency and tell the agency (and the sender) once it commits.

    Returns the feedback and whether it is new: the same form sent twice (a double press, a
    reload) gives the feedback the first send made, and sends nothing again.
    """
    existing = Feedback.objects.filter(form_key=form_key).first()
    if existing is not None:
        return existing, False
    _rate_count(address)
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(
                reference=reference_new(),
                form_key=form_key,
                agency=agency,
                service=service,
                kind=kind,
                message=message,
                language=language,
                contact_name=contact_name,
                contact_email=contact_email,
                contact_phone=contact_phone,
                customer=acting.customer if acting else None,
                person=acting.person if acting else None,
                answer_to_folder=bool(acting and answer_to_folder),
                answer_due=answer_due_for(kind, timezone.localdate()),
            )
            attachments_hold(attachments=attachments, holder=feedback.holder)
            _notify_received(feedback)
    except IntegrityError:
        # The other press committed first (PostgreSQL waits for it on the unique key).
        return Feedback.objects.get(form_key=form_key), False
    return feedback, True


def _notify_received(feedback: Feedback) -> None:
    agency = feedback.agency
    if agency.feedback_email:
        with translation.override(settings.LANGUAGE_CODE):
            notification_send(
                channel="email",
                to=agency.feedback_email,
                template="feedback_received",
                context={
                    "reference": feedback.reference,
                    "kind": feedback.get_kind_display(),
                    "service_name": feedback.service.name if feedback.service else "",
                    "message": feedback.message,
                    "answer_due": feedback.answer_due,
                    "inbox_url": _portal_url(reverse("feedback:staff_detail", args=[feedback.pk])),
                },
                language=settings.LANGUAGE_CODE,
            )
    if feedback.contact_email:
        with translation.override(feedback.language):
            notification_send(
                channel="email",
                to=feedback.contact_email,
                template="feedback_acknowledged",
                context={
                    "reference": feedback.reference,
                    "agency_name": agency.name,
                    "answer_due": feedback.answer_due,
                },
                language=feedback.language,
            )


@transaction.atomic
def feedback_answer(*, feedback: Feedback, answer: str, staff: User) -> Feedback:
    """Record the agency's answer and send it to the sender's e-mail and/or folder.

    The row is locked, so two presses (or two members of staff) answer once; the second is refused.
    """
    locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if locked.status == Feedback.Status.ANSWERED:
        raise FeedbackRefused(_("This feedback has already been answered."))
    answer = answer.strip()
    if not answer:
        raise FeedbackRefused(_("Write an answer."))
    locked.answer = answer
    locked.answered_at = timezone.now()
    locked.answered_by = staff
    locked.status = Feedback.Status.ANSWERED
    locked.save(update_fields=["answer", "answered_at", "answered_by", "status"])
    agency = locked.agency
    with translation.override(locked.language):
        if locked.contact_email:
            notification_send(
                channel="email",
                to=locked.contact_email,
                template="feedback_answer",
                context={
                    "reference": locked.reference,
                    "agency_name": agency.name,
                    "answer": answer,
                },
                language=locked.language,
            )
        if locked.answer_to_folder and locked.customer is not None:
            message_send(
                customer=locked.customer,
                agency=agency,
                subject=_("Answer to your feedback %(reference)s")
                % {"reference": locked.reference},
                body=answer,
                sender=staff,
                about_kind="feedback",
                about_key=str(locked.pk),
                reference=locked.reference,
                service=locked.service,
            )
    return locked
