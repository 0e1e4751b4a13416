import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.catalogue.help import help_pages

pytestmark = pytest.mark.django_db
LANGUAGES = ("fi", "sv", "en")
LOGIN_TEXT = {"fi": "Kirjaudu asiointiin", "sv": "Logga in", "en": "Log in to e-services"}


def url(name: str, lang: str, **kwargs: str) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def public_urls(lang: str) -> list[str]:
    return [
        url("catalogue:front_page", lang),
        url("catalogue:service_list", lang),
        url("catalogue:service_detail", lang, slug="asukaspysakointitunnus"),
        url("catalogue:agency_list", lang),
        url("catalogue:agency_detail", lang, slug="kaupunkiymparisto"),
        url("catalogue:help_index", lang),
        *[url("catalogue:help_page", lang, slug=page.slug) for page in help_pages()],
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_opens_in_its_language_with_login_and_advice(
    client: Client, demo_catalogue: dict[str, int], lang: str
) -> None:
    for address in public_urls(lang):
        response = client.get(address)
        html = response.content.decode()
        assert response.status_code == 200, address
        assert address.startswith(f"/{lang}/")
        assert f'<html lang="{lang}">' in html
        assert len(re.findall(r"<h1[ >]", html)) == 1, address
        assert LOGIN_TEXT[lang] in html
        assert "(09) 310 88800" in html


def test_the_root_address_leads_to_the_finnish_front_page(client: Client, db: None) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_a_swedish_browser_is_sent_to_the_swedish_front_page(client: Client, db: None) -> None:
    response = client.get("/", headers={"accept-language": "sv-FI,sv;q=0.9"})
    assert response["Location"] == "/sv/"


def test_path_words_are_in_the_page_language(db: None) -> None:
    assert url("catalogue:service_list", "fi") == "/fi/palvelut/"
    assert url("catalogue:service_list", "sv") == "/sv/tjanster/"
    assert url("catalogue:service_list", "en") == "/en/services/"


def test_language_switch_keeps_the_person_on_the_same_page(
    client: Client, demo_catalogue: dict[str, int]
) -> None:
    html = client.get(url("catalogue:service_list", "fi") + "?q=pysäköinti").content.decode()
    assert 'href="/sv/tjanster/?q=' in html
    assert 'href="/en/services/?q=' in html
    service_page = client.get(
        url("catalogue:service_detail", "fi", slug="asukaspysakointitunnus")
    ).content.decode()
    assert 'href="/sv/tjanster/asukaspysakointitunnus/"' in service_page
    assert 'href="/en/services/asukaspysakointitunnus/"' in service_page


@pytest.mark.parametrize(
    ("lang", "title"),
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_missing_page_says_so_in_the_city_look_and_language(
    client: Client, db: None, lang: str, title: str
) -> None:
    response = client.get(f"/{lang}/ei-ole-olemassa/")
    html = response.content.decode()
    assert response.status_code == 404
    assert f"<h1>{title}</h1>" in html
    assert f'<html lang="{lang}">' in html
    assert LOGIN_TEXT[lang] in html


def test_unknown_service_and_help_page_are_404(client: Client, db: None) -> None:
    assert client.get(url("catalogue:service_detail", "fi", slug="ei-ole")).status_code == 404
    assert client.get(url("catalogue:help_page", "fi", slug="ei-ole")).status_code == 404
    assert client.get(url("catalogue:agency_detail", "fi", slug="ei-ole")).status_code == 404


def test_server_error_page_is_in_the_persons_language_and_offers_advice(
    client: Client, db: None
) -> None:
    from asiointi.views import server_error

    with translation.override("sv"):
        response = server_error(client.get("/sv/").wsgi_request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Något gick fel" in html
    assert "(09) 310 88800" in html


def test_catalogue_pages_refuse_posts(client: Client, demo_catalogue: dict[str, int]) -> None:
    assert client.post(url("catalogue:front_page", "fi")).status_code == 405
