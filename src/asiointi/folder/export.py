"""The customer's own copy of everything the portal holds about them ("download my data").

Each app's part comes through that app's selectors. The apps below the folder are asked here; an
app above it (submissions, courses) registers its section with `export_section_register` in its
`AppConfig.ready()`, so the folder imports none of them.
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


def _organisation(customer: Customer) -> dict[str, Any]:
    organisation = customer.organisation
    if organisation is None:
        return {}
    return {"business_id": organisation.business_id, "name": organisation.name}


# Registered sections by key: (position, heading, gatherer). Positions of the folder's own
# sections are below; a registered one takes a position between them.
_registered: dict[str, tuple[int, Any, Section]] = {}


def export_section_register(key: str, *, position: int, heading: Any, gather: Section) -> None:
    """Add an app's part of the data export. `gather(customer)` returns the part's data; an
    empty value leaves the part out. `position` orders the readable copy (see `sections()`)."""
    _registered[key] = (position, heading, gather)


def sections() -> list[tuple[str, Any, Section]]:
    """(key, heading, gatherer) of every part, in the order of the readable copy."""
    own: dict[str, tuple[int, Any, Section]] = {
        "person": (10, _("Personal details"), _person),
        "organisation": (20, _("Organisation"), _organisation),
        "notification_preferences": (30, _("Notification preferences"), _preferences),
        "folder": (40, _("Folder"), _folder),
        # submissions registers "forms" at 50
        "messages": (60, _("Messages and decisions"), _messages),
        # courses registers "course_enrollments" at 70
        "contact_confirmations": (80, _("Confirmation codes sent"), _contact_codes),
        "audit_log": (90, _("Use of e-services (audit log)"), _audit),
    }
    every = sorted({**own, **_registered}.items(), key=lambda item: item[1][0])
    return [(key, heading, gather) for key, (_position, heading, gather) in every]


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
