import pytest
from django.test import Client
from django.utils import translation

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.factories import make_agency, make_service

pytestmark = pytest.mark.django_db


def detail_url(service: Service, lang: str = "fi") -> str:
    with translation.override(lang):
        return service.get_absolute_url()


def test_service_page_shows_description_agency_contact_and_start_button(client: Client) -> None:
    agency = make_agency(name_fi="Kaupunkiympäristön toimiala", phone="09 310 1234")
    service = make_service(
        agency=agency,
        description_fi="Ensimmäinen kappale.\n\nToinen kappale.",
        contact_email="pysakointi@example.fi",
        audience=Service.Audience.BOTH,
    )
    html = client.get(detail_url(service)).content.decode()
    assert "<p>Ensimmäinen kappale.</p>" in html
    assert "<p>Toinen kappale.</p>" in html
    assert "Kaupunkiympäristön toimiala" in html
    assert "pysakointi@example.fi" in html
    assert "Kaupunkilaiset, yritykset ja yhdistykset" in html
    assert "Siirry palveluun" in html


def test_prior_contact_notice_shows_the_agencys_instructions(client: Client) -> None:
    agency = make_agency(contact_instructions_fi="Soita palveluohjaukseen ma–pe klo 9–15.")
    service = make_service(agency=agency, requires_prior_contact=True)
    html = client.get(detail_url(service)).content.decode()
    assert "Ota yhteyttä virastoon ennen kuin käytät tätä palvelua" in html
    assert "Soita palveluohjaukseen ma–pe klo 9–15." in html


def test_service_specific_prior_contact_instructions_win(client: Client) -> None:
    service = make_service(
        requires_prior_contact=True, prior_contact_instructions_sv="Ring socialhandledningen."
    )
    html = client.get(detail_url(service, "sv")).content.decode()
    assert "Ring socialhandledningen." in html
    assert "Kontakta förvaltningen innan du använder tjänsten" in html


def test_service_without_prior_contact_has_no_notice(client: Client) -> None:
    html = client.get(detail_url(make_service())).content.decode()
    assert "Ota yhteyttä virastoon ennen" not in html


def test_feedback_link_is_beside_the_content_and_reaches_the_agency(client: Client) -> None:
    service = make_service(agency=make_agency(email="palaute@example.fi"))
    html = client.get(detail_url(service)).content.decode()
    aside = html.split('<aside class="service-layout__aside"', 1)[1].split("</aside>", 1)[0]
    assert "Anna palautetta tästä palvelusta" in aside
    assert f'href="/fi/palaute/palvelu/{service.slug}/"' in aside


def test_unpublished_service_is_not_shown(client: Client) -> None:
    service = make_service(published=False)
    assert client.get(detail_url(service)).status_code == 404


def test_texts_fall_back_to_finnish_when_a_translation_is_missing(client: Client) -> None:
    service = make_service(name_fi="Pysäköintitunnus", name_en="")
    html = client.get(detail_url(service, "en")).content.decode()
    assert "<h1>Pysäköintitunnus</h1>" in html
