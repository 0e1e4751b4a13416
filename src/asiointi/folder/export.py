"""The customer's own copy of everything the portal holds about them ("download my data").

The parts come from the personal data registry (`privacy.personal_data`), where each app that
stores something about customers registers its section; the GDPR API answers from the same one.
"""

import json
from datetime import date, datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from asiointi.customers.models import Customer
from asiointi.privacy.personal_data import personal_data_collect, personal_data_sections


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def customer_data(customer: Customer) -> dict[str, Any]:
    return {"generated_at": timezone.now(), **personal_data_collect(customer)}


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, default=_plain, ensure_ascii=False, indent=2).encode()


def as_html(data: dict[str, Any], *, language: str) -> bytes:
    """A readable copy: a self-contained page that opens in any browser, offline."""
    plain = json.loads(as_json(data))
    with translation.override(language):
        parts = [
            (str(section.heading), plain[section.key])
            for section in personal_data_sections()
            if section.key in plain
        ]
        html = render_to_string(
            "folder/export_document.html",
            {"parts": parts, "generated_at": data["generated_at"], "language": language},
        )
    return html.encode()
