"""Demo catalogue of a Finnish city, read from demo/*.toml.

Loading adds the demo rows that are missing and leaves existing rows as they are, so edits made in
the admin survive the next `make run`; `refresh=True` writes the demo texts over the demo rows."""

import tomllib
from pathlib import Path
from typing import Any

from django.db import transaction

from asiointi.catalogue.models import Agency, Category, Service

DEMO_DIR = Path(__file__).resolve().parent / "demo"
LANGUAGES = ("fi", "sv", "en")


def _translated(entry: dict[str, Any], *names: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        for language in LANGUAGES:
            text = entry.get(name, {}).get(language, "")
            if isinstance(text, list):
                text = ", ".join(text)
            values[f"{name}_{language}"] = text.strip()
    return values


def _upsert(model: Any, refresh: bool, *, slug: str, defaults: dict[str, Any]) -> tuple[Any, bool]:
    if refresh:
        return model.objects.update_or_create(slug=slug, defaults=defaults)
    return model.objects.get_or_create(slug=slug, defaults=defaults)


def read_demo() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = {"agency": [], "category": [], "service": []}
    for path in sorted(DEMO_DIR.glob("*.toml")):
        with path.open("rb") as f:
            for key, entries in tomllib.load(f).items():
                data[key].extend(entries)
    return data


@transaction.atomic
def load_demo(*, refresh: bool = False) -> dict[str, int]:
    data = read_demo()
    agencies = {}
    for entry in data["agency"]:
        agencies[entry["slug"]], _ = _upsert(
            Agency,
            refresh,
            slug=entry["slug"],
            defaults={
                "email": entry.get("email", ""),
                "feedback_email": entry.get("feedback_email", ""),
                "phone": entry.get("phone", ""),
                "address": entry.get("address", ""),
                **_translated(entry, "name", "description", "contact_instructions"),
            },
        )
    categories = {}
    for entry in data["category"]:
        categories[entry["slug"]], _ = _upsert(
            Category,
            refresh,
            slug=entry["slug"],
            defaults={"order": entry.get("order", 0), **_translated(entry, "name", "description")},
        )
    for entry in data["service"]:
        service, created = _upsert(
            Service,
            refresh,
            slug=entry["slug"],
            defaults={
                "agency": agencies[entry["agency"]],
                "audience": entry["audience"],
                "kind": entry["kind"],
                "requires_login": entry["requires_login"],
                "requires_prior_contact": entry["requires_prior_contact"],
                "external_url": entry.get("external_url", ""),
                "contact_email": entry.get("contact_email", ""),
                "contact_phone": entry.get("contact_phone", ""),
                "published": entry.get("published", True),
                **_translated(
                    entry,
                    "name",
                    "summary",
                    "description",
                    "keywords",
                    "contact_hours",
                    "prior_contact_instructions",
                ),
            },
        )
        if created:
            # Usage counts are real data once the portal runs: seed them only once.
            Service.objects.filter(pk=service.pk).update(start_count=entry.get("start_count", 0))
        if created or refresh:
            service.categories.set([categories[slug] for slug in entry["categories"]])
    return {key: len(entries) for key, entries in data.items()}
