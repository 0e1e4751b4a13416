"""The folder's front page: what needs action first, then everything newest first, with filters,
search and pages, in the same number of queries however full the folder is."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from asiointi.folder.tests.items import fill_folder
from asiointi.tests.personas import Personas, service

pytestmark = pytest.mark.django_db


def _queries(personas: Personas, query: str = "") -> int:
    with CaptureQueriesContext(connection) as captured:
        response = personas.resident.get(reverse("folder:index") + query)
    assert response.status_code == 200
    return len(captured)


def test_the_front_page_makes_the_same_number_of_queries_with_ten_or_ten_thousand_items(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    fill_folder(personas.resident_customer, 10, service())
    few = _queries(personas), _queries(personas, "?q=SUB00005&kind=submission&status=received")
    assert few[0] <= 12, f"{few[0]} queries"
    fill_folder(personas.unrelated_customer(), 5)
    personas.resident_customer.folder_items.all().delete()
    fill_folder(personas.resident_customer, 10_000, service())
    with django_assert_num_queries(few[0]):
        page = personas.resident.get(reverse("folder:index"))
    assert re.search(r"10\D?000 kohdetta", page.content.decode())
    with django_assert_num_queries(few[1]):
        personas.resident.get(
            reverse("folder:index") + "?q=SUB00005&kind=submission&status=received"
        )


def test_items_are_newest_first_in_pages_of_25_and_say_how_many_there_are(
    personas: Personas,
) -> None:
    fill_folder(personas.resident_customer, 60)
    page = personas.resident.get(reverse("folder:index")).content.decode()
    assert "60 kohdetta" in page
    assert page.index("Hakemus 1<") < page.index("Hakemus 2<")
    assert "Sivu 1 / 3" in page
    last = personas.resident.get(reverse("folder:index") + "?page=3").content.decode()
    assert "Hakemus 59<" in last and "Hakemus 1<" not in last


def test_the_summary_at_the_top_counts_what_needs_action(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 30)
    page = personas.resident.get(reverse("folder:index")).content.decode()
    summary = page[page.index('id="summary-title"') : page.index('id="contents-title"')]
    assert "3 keskeneräistä luonnosta" in summary
    assert "Hakemus 10<" in summary and "Hakemus 11<" not in summary


def test_a_reference_number_finds_its_submission(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 200)
    page = personas.resident.get(reverse("folder:index") + "?q=sub00123").content.decode()
    assert "1 kohde" in page
    assert "Hakemus 123<" in page


def test_a_service_name_finds_its_items_in_any_language(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 5, service())
    fill_folder(personas.unrelated_customer(), 5, service())
    page = personas.resident.get(reverse("folder:index") + "?q=pysäköinti").content.decode()
    assert "5 kohdetta" in page


def test_kind_and_status_filters_narrow_the_list(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 30)
    drafts = personas.resident.get(reverse("folder:index") + "?kind=draft").content.decode()
    assert "3 kohdetta" in drafts
    received = personas.resident.get(reverse("folder:index") + "?status=received")
    assert "27 kohdetta" in received.content.decode()
    assert '<option value="received" selected>Vastaanotettu</option>' in received.content.decode()


def test_a_filter_no_item_matches_says_so_and_offers_everything(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 3)
    page = personas.resident.get(reverse("folder:index") + "?q=EIOLE").content.decode()
    assert "Mikään kansiosi kohde ei vastaa hakua." in page


def test_an_edited_address_with_an_unknown_kind_lists_everything(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 3)
    response = personas.resident.get(reverse("folder:index") + "?kind=nonsense&page=999")
    assert response.status_code == 200
    assert "3 kohdetta" in response.content.decode()


def test_nobody_sees_another_customers_items(personas: Personas) -> None:
    fill_folder(personas.resident_customer, 3)
    page = personas.unrelated.get(reverse("folder:index")).content.decode()
    assert "Hakemus" not in page
    assert "Kansiosi on tyhjä" in page
