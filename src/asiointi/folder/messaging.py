"""Messages and decisions between an agency and a customer's folder."""

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.models import Attachment
from asiointi.attachments.services import attachments_hold
from asiointi.catalogue.models import Agency, Service
from asiointi.customers.acting import Acting
from asiointi.customers.models import Customer
from asiointi.folder.models import FolderItem, Message, NotificationPreference, Thread
from asiointi.folder.services import folder_item_record
from asiointi.identity.models import User
from asiointi.notify.services import customer_notify
from asiointi.organisations.models import Organisation
from asiointi.pdf import pdf_render
from asiointi.privacy.models import RetentionKind
from asiointi.privacy.retention import retention_rule

logger = logging.getLogger(__name__)

THREAD_STATUS = {
    "unread": _("Unread"),
    "read": _("Read"),
    "replied": _("Answered"),
}
DECISION_TITLE = _("Decision: %(subject)s")


# Called inside the reply's transaction with (thread, message): an owning app's follow-up, such
# as a case waiting for the customer's answer going back to the clerk.
ReplyHook = Callable[[Thread, Message], None]
_reply_hooks: list[ReplyHook] = []


def reply_hook_register(hook: ReplyHook) -> None:
    """An owning app (in its AppConfig.ready) asks to hear of every customer's reply."""
    if hook not in _reply_hooks:
        _reply_hooks.append(hook)


class MessageRefused(Exception):
    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = str(message)


@transaction.atomic
def message_send(
    *,
    customer: Customer,
    agency: Agency,
    body: str,
    subject: str = "",
    thread: Thread | None = None,
    sender: User | None = None,
    about_kind: str = "",
    about_key: str = "",
    reference: str = "",
    service: Service | None = None,
    document: bytes | None = None,
    document_name: str = "",
    served_on: date | None = None,
    decision: bool = False,
) -> Message:
    """An agency writes to the customer's folder: a new thread, or into an existing one.

    With a document (a PDF) the message is a decision, served on `served_on` (today by default);
    `decision` without a document makes the PDF from the message, in the customer's language.
    The customer is told that something new is in the folder, never what.
    """
    if not body.strip():
        raise MessageRefused(_("Write a message."))
    if thread is None:
        if not subject.strip():
            raise MessageRefused(_("Give the message a subject."))
        thread = Thread.objects.create(
            customer=customer,
            agency=agency,
            subject=subject.strip(),
            about_kind=about_kind,
            about_key=str(about_key),
            reference=reference,
            service=service,
        )
    elif thread.customer_id != customer.pk or thread.agency_id != agency.pk:
        raise MessageRefused(_("The thread belongs to another customer or agency."))
    if document is not None and not document.startswith(b"%PDF-"):
        raise MessageRefused(_("A decision's document must be a PDF file."))
    if decision and document is None:
        served_on = served_on or timezone.localdate()
        document = _decision_pdf(thread, body=body.strip(), served_on=served_on)
        document_name = document_name or "decision.pdf"
    message = Message(thread=thread, sender=Message.Sender.AGENCY, person=sender, body=body.strip())
    if document is not None:
        message.is_decision = True
        message.served_on = served_on or timezone.localdate()
        message.document_name = document_name or "decision.pdf"
        message.document.save(message.document_name, ContentFile(document), save=False)
    message.save()
    thread_items_refresh(thread=thread)
    folder_news_notify(customer, about=("message", thread.pk))
    return message


@transaction.atomic
def reply_send(
    *, thread: Thread, acting: Acting, body: str, attachments: Sequence[Attachment] = ()
) -> Message:
    """The customer answers in the thread with files the attachments app has already accepted."""
    if thread.customer_id != acting.customer.pk:
        raise MessageRefused(_("The thread belongs to another customer."))
    if not body.strip():
        raise MessageRefused(_("Write a message."))
    message = Message.objects.create(
        thread=thread, sender=Message.Sender.CUSTOMER, person=acting.person, body=body.strip()
    )
    if any(a.customer_id != acting.customer.pk for a in attachments):
        raise MessageRefused(_("The thread belongs to another customer."))
    attachments_hold(attachments=attachments, holder=f"folder.message:{message.pk}")
    thread_items_refresh(thread=thread)
    for hook in _reply_hooks:
        hook(thread, message)
    return message


@transaction.atomic
def thread_mark_read(*, thread: Thread, acting: Acting) -> int:
    """The customer has opened the thread: its agency messages are read now."""
    if thread.customer_id != acting.customer.pk:
        raise MessageRefused(_("The thread belongs to another customer."))
    count = thread.messages.filter(sender=Message.Sender.AGENCY, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        thread_items_refresh(thread=thread)
    return count


def thread_items_refresh(*, thread: Thread) -> None:
    """Bring the thread's folder entries up to date: one for the thread, one per decision."""
    messages = list(thread.messages.all())
    last = messages[-1]
    unread = [m for m in messages if m.unread and not m.is_decision]
    status = (
        "unread" if unread else ("replied" if last.sender == Message.Sender.CUSTOMER else "read")
    )
    common: dict[str, Any] = {
        "customer": thread.customer,
        "reference": thread.reference,
        "service": thread.service,
        # The thread, decisions and all, is kept from its last message (folder/retention.py).
        "kept_until": retention_rule(RetentionKind.MESSAGES, thread.service_id).until(
            last.created_at
        ),
    }
    folder_item_record(
        kind=FolderItem.Kind.MESSAGE,
        key=str(thread.pk),
        title={"fi": thread.subject, "sv": thread.subject, "en": thread.subject},
        status=status,
        needs_action=bool(unread),
        occurred_at=last.created_at,
        **common,
    )
    for decision in (m for m in messages if m.is_decision):
        decision_status = "unread" if decision.unread else "read"
        title = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                title[language] = str(DECISION_TITLE) % {"subject": thread.subject}
        folder_item_record(
            kind=FolderItem.Kind.DECISION,
            key=str(decision.pk),
            title=title,
            status=decision_status,
            needs_action=decision.unread,
            occurred_at=decision.created_at,
            **common,
        )


def _decision_pdf(thread: Thread, *, body: str, served_on: date) -> bytes:
    customer = thread.customer
    preference = NotificationPreference.objects.filter(customer=customer).first()
    language = preference.language if preference else settings.LANGUAGE_CODE
    who = customer.organisation or customer.person
    recipient = who.name if isinstance(who, Organisation) else who.full_name if who else ""
    with translation.override(language):
        agency = str(thread.agency.name)
    return pdf_render(
        template_name="folder/pdf/decision.html",
        context={
            "agency": agency,
            "subject": thread.subject,
            "recipient": recipient,
            "reference": thread.reference,
            "served_on": served_on,
            "body": body,
        },
        language=language,
    )


def folder_news_notify(customer: Customer, *, about: tuple[str, object] = ("", "")) -> None:
    """Tell the customer that something is new; link to the folder (which asks them to log in
    first). `about` is the folder item's kind and key, where the folder shows what was sent."""
    customer_notify(
        customer=customer,
        template="folder_new",
        context=lambda: {"folder_url": settings.PORTAL_URL + reverse("folder:index")},
        about=about,
    )
