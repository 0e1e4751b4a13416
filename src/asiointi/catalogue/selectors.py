"""Reads of the public catalogue. Each returns only published services, with a fixed number of
queries whatever the size of the catalogue."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from asiointi.catalogue import search
from asiointi.catalogue.models import Agency, Category, Service

PAGE_SIZE = 20
MOST_USED_COUNT = 8


def published_services() -> QuerySet[Service]:
    return (
        Service.objects.filter(published=True)
        .select_related("agency")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.order_by("order")))
    )


def categories_with_counts() -> QuerySet[Category]:
    return Category.objects.annotate(
        service_count=Count("services", filter=Q(services__published=True))
    ).filter(service_count__gt=0)


def agencies_with_counts() -> QuerySet[Agency]:
    return Agency.objects.annotate(
        service_count=Count("services", filter=Q(services__published=True))
    ).filter(service_count__gt=0)


def most_used_services() -> list[Service]:
    return list(published_services().order_by("-start_count", "pk")[:MOST_USED_COUNT])


@dataclass(frozen=True)
class ServiceFilters:
    query: str = ""
    agency: str = ""
    category: str = ""
    audience: str = ""


def service_page(filters: ServiceFilters, page_number: str | int, language: str) -> Page:
    """One page of services matching the filters: best matches first when searching,
    otherwise alphabetical."""
    # The list's cards show no categories: no prefetch for them.
    services = Service.objects.filter(published=True).select_related("agency")
    if filters.agency:
        services = services.filter(agency__slug=filters.agency)
    if filters.category:
        services = services.filter(categories__slug=filters.category)
    if filters.audience == Service.Audience.PERSONS:
        services = services.exclude(audience=Service.Audience.ORGANISATIONS)
    elif filters.audience == Service.Audience.ORGANISATIONS:
        services = services.exclude(audience=Service.Audience.PERSONS)

    if not filters.query:
        return Paginator(services.order_by(f"name_{language}", "pk"), PAGE_SIZE).get_page(
            page_number
        )

    ranked_ids = search.search(filters.query, language)
    allowed = set(services.filter(pk__in=ranked_ids).values_list("pk", flat=True))
    page = Paginator([pk for pk in ranked_ids if pk in allowed], PAGE_SIZE).get_page(page_number)
    by_id = services.in_bulk(list(page.object_list))
    page.object_list = [by_id[pk] for pk in page.object_list]  # type: ignore[misc]
    return page


def filter_choices() -> tuple[list[Agency], list[Category]]:
    """Every agency and category, for the service list's filters."""
    return list(Agency.objects.all()), list(Category.objects.all())


def service_by_slug(slug: str) -> Service:
    return get_object_or_404(published_services(), slug=slug)


def service_to_use_by_slug(slug: str) -> Service:
    """A published service with its agency, for the pages that use it (a form's start page):
    without the categories the service's own page lists."""
    return get_object_or_404(
        Service.objects.filter(published=True).select_related("agency"), slug=slug
    )


def service_any_by_slug(slug: str) -> Service:
    """A service published or not (pages that explain why it cannot be used)."""
    return get_object_or_404(Service, slug=slug)


def agency_by_slug(slug: str) -> Agency:
    return get_object_or_404(Agency, slug=slug)


def services_of_agency(agency: Agency) -> QuerySet[Service]:
    return published_services().filter(agency=agency)


def service_of_agency(*, agency_id: int, slug: str) -> Service:
    """One of the agency's services, published or not, for its managers; any other a 404."""
    return get_object_or_404(
        Service.objects.select_related("agency"), agency_id=agency_id, slug=slug
    )
