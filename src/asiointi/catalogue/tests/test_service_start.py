import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.factories import make_service

pytestmark = pytest.mark.django_db


def start_url(service: Service, lang: str = "fi") -> str:
    with translation.override(lang):
        return reverse("catalogue:service_start", kwargs={"slug": service.slug})


def test_external_service_opens_the_agencys_system(client: Client) -> None:
    service = make_service(
        kind=Service.Kind.EXTERNAL, requires_login=False, external_url="https://varaamo.example.fi/"
    )
    response = client.get(start_url(service))
    assert response.status_code == 302
    assert response["Location"] == "https://varaamo.example.fi/"


def test_a_form_service_without_a_published_form_shows_the_agencys_contacts_not_login(
    client: Client,
) -> None:
    service = make_service(kind=Service.Kind.FORM, requires_login=True)
    response = client.get(start_url(service, "sv"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "För tillfället inte tillgänglig på nätet" in page
    assert service.agency.name_sv in page


def test_each_start_is_counted_for_the_most_used_list(client: Client) -> None:
    service = make_service(start_count=5)
    client.get(start_url(service))
    client.get(start_url(service))
    service.refresh_from_db()
    assert service.start_count == 7


def test_most_used_services_lead_the_front_page(client: Client) -> None:
    rare = make_service(name_fi="Harvinainen palvelu", start_count=1)
    popular = make_service(name_fi="Suosittu palvelu", start_count=900)
    html = client.get("/fi/").content.decode()
    assert html.index(popular.name_fi) < html.index(rare.name_fi)


def test_a_service_with_a_published_form_opens_the_form(
    client: Client, demo_catalogue: dict[str, int]
) -> None:
    from asiointi.eforms.demo import load_demo as load_demo_forms

    load_demo_forms()
    service = Service.objects.get(slug="asukaspysakointitunnus")
    response = client.get(start_url(service))
    assert response["Location"] == "/fi/lomakkeet/asukaspysakointitunnus/"
    # The form's own page asks for login and comes back to the form.
    response = client.get(response["Location"])
    assert response["Location"] == "/fi/kirjaudu/?next=/fi/lomakkeet/asukaspysakointitunnus/"
