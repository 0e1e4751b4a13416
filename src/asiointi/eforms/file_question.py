"""The file question: several files, limits per question, each file accepted by the attachments
app (type sniffed from content, virus scanned, stored) before the page is read.

The view turns the upload into verified facts first (`files_into_data`): the posted data then
carries the files the draft may hold and any refusal, under names whose posted values are thrown
away first, so a person cannot name a file by posting its id there. A file question on a
repeating page is refused at publishing (`checks.publishing_problems`).
"""

import json
from typing import Any

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.limits import KNOWN_TYPES, AttachmentLimits
from asiointi.attachments.selectors import attachments_of
from asiointi.attachments.services import AttachmentRefused, attachment_accept
from asiointi.customers.acting import Acting
from asiointi.eforms.definition import Page, Question
from asiointi.eforms.question_types import Invalid, QuestionType, Raw

MB = 1024 * 1024
VERIFIED = "{name}-verified-files"
REFUSED = "{name}-verified-refusal"
VERIFIED_SUFFIXES = ("-verified-files", "-verified-refusal")
REMOVE_PREFIX = "remove-file:"


def limits_of(question: Question) -> AttachmentLimits:
    settings = question.settings
    types = settings.get("media_types")
    return AttachmentLimits(
        max_bytes=int(settings.get("max_mb", 10)) * MB,
        max_count=int(settings.get("max_count", 5)),
        **({"media_types": frozenset(types)} if types else {}),
    )


class FileUpload(QuestionType):
    name = "file"
    template = "file"
    empty_message = _("Add a file.")
    invalid_message = _("Add the file again.")

    def raw_from_post(self, data: Any, name: str) -> Raw:
        try:
            files = json.loads(data.get(VERIFIED.format(name=name)) or "[]")
        except (TypeError, ValueError):
            files = []
        return {"value": files, "refusal": str(data.get(REFUSED.format(name=name)) or "")}

    def is_empty(self, raw: Raw) -> bool:
        return not raw.get("value") and not raw.get("refusal")

    def clean(self, question: Question, raw: Raw) -> Any:
        if raw.get("refusal"):
            raise Invalid(raw["refusal"])
        return list(raw["value"])

    def to_raw(self, question: Question, value: Any) -> Raw:
        return {"value": list(value or []), "refusal": ""}

    def schema(self, question: Question) -> dict[str, Any]:
        return {
            "type": "array",
            "minItems": 1,
            "maxItems": limits_of(question).max_count,
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "name": {"type": "string"},
                    "size": {"type": "integer", "minimum": 1},
                    "media_type": {"type": "string"},
                },
                "required": ["id", "name", "size", "media_type"],
                "additionalProperties": False,
            },
        }

    def display(self, question: Question, value: Any) -> str:
        return ", ".join(str(item["name"]) for item in value)

    def settings_problems(self, question: Question) -> list[str]:
        types = question.settings.get("media_types") or []
        unknown = [t for t in types if t not in KNOWN_TYPES]
        try:
            limits_of(question)
        except (TypeError, ValueError):
            unknown.append("max_mb / max_count")
        if unknown:
            return [
                str(
                    _("Question %(key)s: unknown file limits %(limits)s.")
                    % {"key": question.key, "limits": ", ".join(unknown)}
                )
            ]
        return []


def files_into_data(request: HttpRequest, page: Page, acting: Acting, holder: str) -> QueryDict:
    """The posted data, with each file question's files checked, accepted and verified.

    A kept file counts only when it is the acting customer's and either held by `holder` (the
    draft, `"draft:7"`) or held by nothing yet (uploaded on this page before an error): never a
    file of another customer, nor one a sent submission or a message already holds.
    """
    data = request.POST.copy()
    for key in list(data):
        if key.endswith(VERIFIED_SUFFIXES):
            del data[key]
    action = str(data.get("action", ""))
    for question in page.questions:
        if question.type != FileUpload.name or page.repeat is not None:
            continue
        name = question.key
        keep = [
            pk for pk in data.getlist(f"{name}-keep") if action != f"{REMOVE_PREFIX}{name}:{pk}"
        ]
        kept = attachments_of(acting=acting, pks=keep, holder=holder)
        refusal = ""
        limits = limits_of(question)
        for upload in request.FILES.getlist(name):
            try:
                kept.append(
                    attachment_accept(
                        upload=upload,
                        limits=limits,
                        customer=acting.customer,
                        person=acting.person,
                        already=len(kept),
                    )
                )
            except AttachmentRefused as refused:
                refusal = str(refused.message)
        data.setlist(
            VERIFIED.format(name=name),
            [
                json.dumps(
                    [
                        {
                            "id": str(a.pk),
                            "name": a.original_name,
                            "size": a.size,
                            "media_type": a.media_type,
                        }
                        for a in kept
                    ]
                )
            ],
        )
        data.setlist(REFUSED.format(name=name), [refusal])
    return data
