"""Small builders for catalogue rows with every translated text filled in."""

from itertools import count
from typing import Any

from asiointi.catalogue.models import Agency, Category, Service

_numbers = count(1)


def _texts(field: str, value: str) -> dict[str, str]:
    return {f"{field}_{lang}": f"{value} ({lang})" for lang in ("fi", "sv", "en")}


def make_agency(**fields: Any) -> Agency:
    n = next(_numbers)
    values: dict[str, Any] = {
        "slug": f"virasto-{n}",
        **_texts("name", f"Virasto {n}"),
        "email": f"virasto{n}@example.fi",
        **_texts("contact_instructions", "Soita ensin neuvontaan"),
    }
    values.update(fields)
    return Agency.objects.create(**values)


def make_category(**fields: Any) -> Category:
    n = next(_numbers)
    values: dict[str, Any] = {"slug": f"aihe-{n}", **_texts("name", f"Aihe {n}")}
    values.update(fields)
    return Category.objects.create(**values)


def make_service(
    *, agency: Agency | None = None, categories: tuple[Category, ...] = (), **fields: Any
) -> Service:
    n = next(_numbers)
    values: dict[str, Any] = {
        "slug": f"palvelu-{n}",
        **_texts("name", f"Palvelu {n}"),
        **_texts("summary", f"Tiivistelmä {n}"),
        **_texts("description", f"Kuvaus {n}"),
        "agency": agency or make_agency(),
        "published": True,
    }
    values.update(fields)
    service = Service.objects.create(**values)
    service.categories.set(categories)
    return service
