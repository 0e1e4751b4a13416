"""Reads for the form editor: only a service manager of the service's agency (or a platform
administrator) gets a service's form; anyone else a 404."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from asiointi.backoffice.models import AgencyMembership
from asiointi.catalogue.models import Service
from asiointi.eforms.models import FormVersion
from asiointi.formeditor.models import FormDraft

# An agency administrator holds a service manager's rights too (issue 14's roles).
MANAGERS = (AgencyMembership.Role.SERVICE_MANAGER, AgencyMembership.Role.AGENCY_ADMIN)


def editable_services(*, user: Any) -> QuerySet[Service]:
    services = Service.objects.filter(kind=Service.Kind.FORM).select_related("agency")
    if not user.is_superuser:
        services = services.filter(
            agency__memberships__user=user, agency__memberships__role__in=MANAGERS
        )
    return services.order_by("agency__name", "name")


def service_for_manager(*, user: Any, slug: str) -> Service:
    service = editable_services(user=user).filter(slug=slug).first()
    if service is None:
        raise Http404
    return service


def draft_of(*, service: Service) -> FormDraft | None:
    return FormDraft.objects.filter(service=service).select_related("based_on").first()


def versions_of(*, service: Service) -> list[FormVersion]:
    return list(
        FormVersion.objects.filter(form__service=service)
        .select_related("published_by")
        .order_by("-number")
    )


def version_of(*, service: Service, number: int) -> FormVersion:
    version = FormVersion.objects.filter(form__service=service, number=number).first()
    if version is None:
        raise Http404
    return version
