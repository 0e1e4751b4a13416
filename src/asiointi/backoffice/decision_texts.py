"""The named placeholders of a decision template and their filling.

A manager types `{reference}` and the like into the text; nothing else in it is read as code.
The filling is one pass of a regular expression over the text (never the Django template engine
nor str.format): a value that itself holds braces, such as a customer's name, stays as it is.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

# Each placeholder and what it is, in the manager's language (shown beside the template's text).
PLACEHOLDERS: dict[str, Promise] = {
    "customer_name": _("the customer's name"),
    "reference": _("the case's reference"),
    "service": _("the service's name"),
    "sent_date": _("the date the customer sent the form"),
    "decision_date": _("the date of the decision"),
    "clerk_name": _("the name of the clerk who decides"),
    "clerk_title": _("the clerk's title"),
}


def placeholder_problems(text: str) -> list[str]:
    """A message for each unknown placeholder in `text`, in the active language."""
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    return [
        str(_("Unknown placeholder {%(name)s}. The placeholders are: %(known)s."))
        % {"name": name, "known": known}
        for name in unknown
    ]


@dataclass(frozen=True)
class DecisionFacts:
    """What a template's placeholders are filled with, for one case (or an example)."""

    customer_name: str
    reference: str
    service: str
    sent_date: date
    decision_date: date
    clerk_name: str
    clerk_title: str

    def values(self, language: str) -> dict[str, str]:
        with override(language):
            return {
                "customer_name": self.customer_name,
                "reference": self.reference,
                "service": self.service,
                "sent_date": date_format(self.sent_date, "SHORT_DATE_FORMAT"),
                "decision_date": date_format(self.decision_date, "SHORT_DATE_FORMAT"),
                "clerk_name": self.clerk_name,
                "clerk_title": self.clerk_title,
            }


def text_fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each known placeholder replaced by its value; anything else left as typed."""
    return PLACEHOLDER.sub(lambda found: values.get(found.group(1), found.group(0)), text)
