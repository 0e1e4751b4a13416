"""Writes to the catalogue."""

from typing import Any

from django.db import transaction
from django.db.models import F

from asiointi.catalogue.cache import catalogue_changed
from asiointi.catalogue.models import Service
from asiointi.edits import ChangedMeanwhile, differs, edit_version

LANGUAGES = ("fi", "sv", "en")
# What residents read on a service's page, in every language, and what its managers own besides;
# the slug, agency, kind, categories and where "Siirry palveluun" leads stay with the platform.
SERVICE_TEXTS = (
    "name",
    "summary",
    "description",
    "keywords",
    "prior_contact_instructions",
    "contact_hours",
)
SERVICE_SETTINGS = (
    "published",
    "audience",
    "requires_prior_contact",
    "contact_email",
    "contact_phone",
)
SERVICE_FIELDS = (
    *(f"{name}_{language}" for name in SERVICE_TEXTS for language in LANGUAGES),
    *SERVICE_SETTINGS,
)


def service_record_start(*, service: Service) -> None:
    """Count a start of the service; the count orders the front page's most used services."""
    # A plain UPDATE: no lost counts under concurrency, and no cache invalidation per click.
    Service.objects.filter(pk=service.pk).update(start_count=F("start_count") + 1)


def service_version(service: Service) -> str:
    return edit_version(service, SERVICE_FIELDS)


@transaction.atomic
def service_update(*, service: Service, values: dict[str, Any], seen: str) -> list[str]:
    """Save a manager's edit of the service's page; the names of the fields changed.

    Raises ChangedMeanwhile when the stored page is no longer the one the editor saw."""
    locked = Service.objects.select_for_update().get(pk=service.pk)
    if service_version(locked) != seen:
        raise ChangedMeanwhile(locked)
    changed = [
        name
        for name in SERVICE_FIELDS
        if name in values and differs(getattr(locked, name), values[name])
    ]
    if changed:
        for name in changed:
            setattr(locked, name, values[name])
        locked.save()
        # The save's signal retired cached pages already; again at commit, so a page rendered
        # from the old row in between is not kept under the new version.
        transaction.on_commit(catalogue_changed)
    return changed
