"""The customer's own copy of everything the portal holds about them ("download my data").

Each app's part comes through that app's selectors; an app that stores something about customers
adds its section to `sections()`.
"""

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from asiointi.customers.models import Customer
from asiointi.folder.models import Thread
from asiointi.folder.selectors import folder_items, notification_preference, thread_messages

Section = Callable[[Customer], Any]


def _folder(customer: Customer) -> list[dict[str, Any]]:
    return [
        {
            "kind": item.kind,
            "title": item.title,
            "status": item.status,
            "reference": item.reference,
            "service": item.service.name if item.service else "",
            "needs_action": item.needs_action,
            "date": item.occurred_at,
        }
        for item in folder_items(customer=customer)
    ]


def _messages(customer: Customer) -> list[dict[str, Any]]:
    threads = Thread.objects.filter(customer=customer).select_related("agency")
    return [
        {
            "subject": thread.subject,
            "agency": thread.agency.name,
            "reference": thread.reference,
            "messages": [
                {
                    "from": message.sender,
                    "sent_at": message.created_at,
                    "read_at": message.read_at,
                    "text": message.body,
                    "decision": message.is_decision,
                    "date_of_service": message.served_on,
                    "document": message.document_name,
                    "attachments": [a.original_name for a in message.files],  # type: ignore[attr-defined]
                }
                for message in thread_messages(thread=thread)
            ],
        }
        for thread in threads
    ]


def _preferences(customer: Customer) -> dict[str, Any]:
    preference = notification_preference(customer=customer)
    if preference is None:
        return {}
    return {"notify_by": preference.channel, "language": preference.language}


def _person(customer: Customer) -> dict[str, Any]:
    from asiointi.identity.selectors import person_data

    return person_data(person=customer.person) if customer.person else {}


def _contact_codes(customer: Customer) -> list[dict[str, Any]]:
    from asiointi.registration.selectors import contact_verifications_data

    return contact_verifications_data(person=customer.person) if customer.person else []


def _audit(customer: Customer) -> list[dict[str, Any]]:
    from asiointi.privacy.selectors import audit_events_data

    return audit_events_data(person=customer.person) if customer.person else []


def _submissions(customer: Customer) -> dict[str, Any]:
    from asiointi.submissions.selectors import submissions_data

    data = submissions_data(customer=customer)
    return data if data["drafts"] or data["submissions"] else {}


def _enrollments(customer: Customer) -> list[dict[str, Any]]:
    from asiointi.courses.selectors import enrollments_data

    return enrollments_data(customer=customer)


def _organisation(customer: Customer) -> dict[str, Any]:
    organisation = customer.organisation
    if organisation is None:
        return {}
    return {"business_id": organisation.business_id, "name": organisation.name}


def sections() -> list[tuple[str, Any, Section]]:
    """(key, heading, gatherer) of every part, in the order of the readable copy."""
    return [
        ("person", _("Personal details"), _person),
        ("organisation", _("Organisation"), _organisation),
        ("notification_preferences", _("Notification preferences"), _preferences),
        ("folder", _("Folder"), _folder),
        ("forms", _("Forms: drafts and sent submissions"), _submissions),
        ("messages", _("Messages and decisions"), _messages),
        ("course_enrollments", _("Course enrollments"), _enrollments),
        ("contact_confirmations", _("Confirmation codes sent"), _contact_codes),
        ("audit_log", _("Use of e-services (audit log)"), _audit),
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def customer_data(customer: Customer) -> dict[str, Any]:
    data = {key: gather(customer) for key, _heading, gather in sections()}
    return {"generated_at": timezone.now(), **{k: v for k, v in data.items() if v}}


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, default=_plain, ensure_ascii=False, indent=2).encode()


def as_html(data: dict[str, Any], *, language: str) -> bytes:
    """A readable copy: a self-contained page that opens in any browser, offline."""
    plain = json.loads(as_json(data))
    with translation.override(language):
        parts = [(str(heading), plain[key]) for key, heading, _gather in sections() if key in plain]
        html = render_to_string(
            "folder/export_document.html",
            {"parts": parts, "generated_at": data["generated_at"], "language": language},
        )
    return html.encode()
