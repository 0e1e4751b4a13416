"""Each problem the checks name, linked to the page of the editor where it is fixed.

The checks write "Page <key>: …", "Question <key> …" and "Exit page <key>: …" in the active
language; the same words, made here in the same language, find the thing a problem is about.
"""

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
    targets = _targets(service, document)
    linked = []
    for problem in problems:
        found = next(
            (
                (link, about)
                for prefix, link, about in targets
                if problem.startswith((f"{prefix}:", f"{prefix} "))
            ),
            (reverse("formeditor:texts", args=[service.slug]), _("the form's texts")),
        )
        linked.append(Problem(problem, *found))
    return linked


def _targets(service: Service, document: Document) -> list[tuple[str, str, str]]:
    """(the checks' prefix, the editor's address, its name), longest keys first."""
    targets = []
    for page in document.get("pages") or []:
        page_key = str(page.get("key"))
        page_url = reverse("formeditor:page", args=[service.slug, page_key])
        targets.append((_("Page %(key)s") % {"key": page_key}, page_url, page_key))
        for question in page.get("questions") or []:
            key = str(question.get("key"))
            targets.append(
                (
                    _("Question %(key)s") % {"key": key},
                    reverse("formeditor:question", args=[service.slug, page_key, key])
                    if key
                    else page_url,
                    key or page_key,
                )
            )
    for key in document.get("exits") or {}:
        targets.append(
            (
                _("Exit page %(key)s") % {"key": key},
                reverse("formeditor:exit", args=[service.slug, key]),
                key,
            )
        )
    return sorted(targets, key=lambda target: -len(target[0]))
