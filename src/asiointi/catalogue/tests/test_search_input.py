import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asiointi.catalogue.tests.factories import make_service

pytestmark = pytest.mark.django_db
LIST = "/fi/palvelut/"

ODD_QUERIES = [
    "",
    "   ",
    '"pysäköinti"',
    "' OR 1=1; DROP TABLE catalogue_service; --",
    "pysäköinti 🚗🅿️",
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "a" * 5000,
    "pysäköinti " * 400,
    "Ω≈ç√∫˜µ≤≥÷",
    "\u200b\u200e",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_input_gives_a_useful_page(client: Client, query: str) -> None:
    make_service(name_fi="Asukaspysäköintitunnus", keywords_fi="pysäköinti, auto")
    response = client.get(LIST, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Asiointipalvelut" in html


def test_a_control_character_in_the_query_is_dropped(client: Client) -> None:
    make_service(name_fi="Asukaspysäköintitunnus")
    response = client.get(LIST, {"q": "pysäköinti\x00"})
    assert response.status_code == 200
    assert "Asukaspysäköintitunnus" in response.content.decode()


def test_an_empty_query_lists_every_service(client: Client) -> None:
    make_service(name_fi="Koulukuljetus")
    make_service(name_fi="Rakennuslupa")
    html = client.get(LIST, {"q": ""}).content.decode()
    assert "Koulukuljetus" in html and "Rakennuslupa" in html


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300), page=st.text(max_size=10), agency=st.text(max_size=30))
def test_no_input_causes_a_server_error(client: Client, query: str, page: str, agency: str) -> None:
    response = client.get(LIST, {"q": query, "page": page, "agency": agency})
    assert response.status_code == 200
