"""Pages must not make more database queries as the catalogue grows."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from asiointi.catalogue.cache import catalogue_changed
from asiointi.catalogue.demo import load_demo
from asiointi.catalogue.models import Agency, Category, Service
from asiointi.catalogue.tests.factories import make_service

pytestmark = pytest.mark.django_db

PAGES = [
    "/fi/",
    "/fi/palvelut/",
    "/fi/palvelut/?q=pysäköinti",
    "/fi/palvelut/?category=kurssit-ja-harrastukset&audience=persons",
    "/fi/palvelut/asukaspysakointitunnus/",
    "/fi/virastot/",
    "/fi/virastot/kaupunkiymparisto/",
]


def query_counts(client: Client) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        catalogue_changed()  # render, don't serve from the page cache
        client.get(page)  # the search index is built once per catalogue version, not per page
        catalogue_changed()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page).status_code == 200
        counts[page] = len(queries)
    return counts


def test_ten_times_the_catalogue_costs_no_extra_queries(client: Client) -> None:
    load_demo()
    before = query_counts(client)

    agencies, categories = list(Agency.objects.all()), list(Category.objects.all())
    demo_count = Service.objects.count()
    for n in range(demo_count * 9):
        make_service(
            agency=agencies[n % len(agencies)],
            categories=(categories[n % len(categories)], categories[(n + 3) % len(categories)]),
            name_fi=f"Pysäköintipalvelu {n}",
            keywords_fi="pysäköinti, kurssi",
            start_count=n,
        )
    assert Service.objects.count() >= 10 * demo_count

    assert query_counts(client) == before


def test_a_cached_page_makes_no_queries(client: Client) -> None:
    load_demo()
    client.get("/fi/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fi/")
    assert len(queries) == 0
