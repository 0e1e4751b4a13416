"""Decision templates of the demo agencies, read from demo/decision_templates.toml: one or two
for each, most for one service, with the standard instructions for requesting a review.
Existing templates (by agency and name) are kept unless refresh."""

import tomllib
from pathlib import Path
from typing import Any

from django.db import transaction

from asiointi.backoffice.decision_texts import placeholder_problems
from asiointi.backoffice.models import DecisionTemplate
from asiointi.catalogue.models import Agency, Service

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "decision_templates.toml"
LANGUAGES = ("fi", "sv", "en")


def _fields(entry: dict[str, Any], appeals: dict[str, dict[str, str]]) -> dict[str, Any]:
    appeal = appeals.get(entry.get("appeal", ""), {})
    fields: dict[str, Any] = {
        "service": Service.objects.get(slug=entry["service"]) if "service" in entry else None
    }
    for language in LANGUAGES:
        fields[f"body_{language}"] = entry[language].strip()
        fields[f"appeal_{language}"] = appeal.get(language, "").strip()
    problems = [
        p for text in fields.values() if isinstance(text, str) for p in placeholder_problems(text)
    ]
    assert not problems, f"{entry['name']}: {problems}"
    return fields


@transaction.atomic
def load_demo(*, refresh: bool = False) -> dict[str, int]:
    data = tomllib.loads(DEMO_FILE.read_text())
    created = 0
    for entry in data["template"]:
        agency = Agency.objects.filter(slug=entry["agency"]).first()
        if agency is None:
            continue
        template = DecisionTemplate.objects.filter(agency=agency, name=entry["name"]).first()
        if template is not None and not refresh:
            continue
        fields = _fields(entry, data.get("appeal", {}))
        if template is None:
            DecisionTemplate.objects.create(agency=agency, name=entry["name"], **fields)
            created += 1
        else:
            DecisionTemplate.objects.filter(pk=template.pk).update(**fields)
    return {
        "decision templates": DecisionTemplate.objects.count(),
        "new decision templates": created,
    }
