import pytest
from django.test import Client

from asiointi.catalogue.models import Service
from asiointi.catalogue.selectors import PAGE_SIZE
from asiointi.catalogue.tests.factories import make_agency, make_category, make_service

pytestmark = pytest.mark.django_db
LIST = "/fi/palvelut/"


def names(client: Client, query: str) -> str:
    return client.get(f"{LIST}?{query}").content.decode()


def test_filter_by_agency_category_and_audience(client: Client) -> None:
    school, streets = make_agency(slug="koulu"), make_agency(slug="katu")
    grants = make_category(slug="avustukset")
    make_service(agency=school, name_fi="Koulukuljetus", audience=Service.Audience.PERSONS)
    make_service(
        agency=streets,
        name_fi="Kaivuilmoitus",
        audience=Service.Audience.ORGANISATIONS,
        categories=(grants,),
    )
    make_service(agency=streets, name_fi="Katupalaute", audience=Service.Audience.BOTH)

    html = names(client, "agency=koulu")
    assert "Koulukuljetus" in html and "Kaivuilmoitus" not in html

    html = names(client, "category=avustukset")
    assert "Kaivuilmoitus" in html and "Katupalaute" not in html

    html = names(client, "audience=persons")
    assert "Koulukuljetus" in html and "Katupalaute" in html and "Kaivuilmoitus" not in html

    html = names(client, "audience=organisations&agency=katu")
    assert "Kaivuilmoitus" in html and "Katupalaute" in html and "Koulukuljetus" not in html


def test_unknown_filter_values_are_ignored_not_errors(client: Client) -> None:
    make_service(name_fi="Koulukuljetus")
    response = client.get(f"{LIST}?agency=ei-ole&category=%00&audience=kaikki&page=x")
    assert response.status_code == 200
    assert "Koulukuljetus" in response.content.decode()


def test_long_lists_are_paginated_with_filters_kept(client: Client) -> None:
    agency = make_agency(slug="iso")
    for n in range(PAGE_SIZE + 3):
        make_service(agency=agency, name_fi=f"Palvelu {n:02d}")
    first = names(client, "agency=iso")
    assert "Palvelu 00" in first and f"Palvelu {PAGE_SIZE + 2}" not in first
    assert "?agency=iso&amp;page=2" in first
    second = names(client, "agency=iso&page=2")
    assert f"Palvelu {PAGE_SIZE + 2}" in second


def test_no_results_page_helps_onwards(client: Client) -> None:
    make_service(name_fi="Koulukuljetus")
    html = names(client, "q=xyzzyquux")
    assert "Haullasi ei löytynyt asiointipalveluja." in html
    assert "(09) 310 88800" in html
    assert "Selaa kaikkia asiointipalveluja" in html
