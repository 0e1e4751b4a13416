"""Each problem the checks name, linked to the page of the editor where it is fixed.

The checks name the page, question or exit page by its key, in the active language.
"""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from asiointi.catalogue.models import Service
from asiointi.formeditor.document import Document


@dataclass(frozen=True)
class Problem:
    text: str
    url: str
    about: str  # what the link leads to, for its accessible name


def problems_linked(service: Service, document: Document, problems: list[str]) -> list[Problem]:
    """A problem is about the page, question or exit page whose key it names first (the
    checks name the thing first; an inflected language may put words before it)."""
    targets = _targets(service, document)
    fallback = (reverse("formeditor:texts", args=[service.slug]), _("the form's texts"))
    linked = []
    for problem in problems:
        found = [
            (match.start(), link, about)
            for pattern, link, about in targets
            if (match := pattern.search(problem))
        ]
        _position, *where = min(found, default=(0, *fallback))
        linked.append(Problem(problem, where[0], where[1]))
    return linked


def _targets(service: Service, document: Document) -> list[tuple[re.Pattern[str], str, str]]:
    """(the key as a word, the editor's address, what it is)."""
    targets = []
    for page in document.get("pages") or []:
        page_key = str(page.get("key"))
        page_url = reverse("formeditor:page", args=[service.slug, page_key])
        targets.append((_word(page_key), page_url, page_key))
        for question in page.get("questions") or []:
            key = str(question.get("key") or "")
            if key:
                address = reverse("formeditor:question", args=[service.slug, page_key, key])
                targets.append((_word(key), address, key))
    for key in document.get("exits") or {}:
        targets.append((_word(key), reverse("formeditor:exit", args=[service.slug, key]), key))
    return targets


def _word(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
