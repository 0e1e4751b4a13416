from functools import lru_cache
from typing import Any

from django.http import Http404
from django.urls import reverse

from asiointi.catalogue.models import Service
from asiointi.eforms.definition import Definition, parse
from asiointi.eforms.models import FormVersion


def form_version_current(*, service: Service) -> FormVersion | None:
    """The newest published version of the service's form, or None when it has none."""
    return (
        FormVersion.objects.filter(form__service=service)
        .select_related("form")
        .order_by("-number")
        .first()
    )


def form_start_url(service: Service) -> str | None:
    """ "Siirry palveluun" of a form service: the form's start page (which asks for login, then
    says if the agency must be contacted first), or None when no form is published."""
    if form_version_current(service=service) is None:
        return None
    return reverse("eforms:start", args=[service.slug])


def form_version_get(*, slug: str, number: int) -> FormVersion:
    version = FormVersion.objects.filter(
        form__service__slug=slug, form__service__published=True, number=number
    ).first()
    if version is None:
        raise Http404
    return version


def definition_of(version: FormVersion) -> Definition:
    # Keyed by the publishing time too: a test database rolled back hands the same id to a
    # version of another form, which must not get the first one's definition.
    return _definition(version.pk, version.published_at, version)


@lru_cache(maxsize=256)
def _definition(pk: int, published_at: object, version: FormVersion) -> Definition:
    # A published version never changes, so its parsed definition can be kept per process.
    return parse(version.document)


def schema_of(version: FormVersion) -> dict[str, Any]:
    """The version's answer schema, kept per process like its definition (never to be changed
    by the caller)."""
    return _schema(version.pk, version.published_at, version)


@lru_cache(maxsize=256)
def _schema(pk: int, published_at: object, version: FormVersion) -> dict[str, Any]:
    return version.schema
