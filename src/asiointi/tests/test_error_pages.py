"""400, 403, CSRF failure, 404 and 500 are the portal's own pages, in the person's language,
with a way back; production (DEBUG off) as the person sees it."""

import pytest
from django.conf import LazySettings
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.tests.error_urls import broken, forbidden  # noqa: F401

LANGUAGES = ("fi", "sv", "en")


@pytest.fixture(autouse=True)
def production(settings: LazySettings, db: None) -> None:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "asiointi.tests.error_urls"


def text(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def assert_portal_page(
    response: HttpResponseBase, language: str, heading: str, status: int, *, footer: bool = True
) -> str:
    html = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html  # the portal's look
    assert ('class="site-footer"' in html) is footer
    assert f"<h1>{text(language, heading)}</h1>" in html
    front_page = f'<a href="/{language}/">{text(language, "Go to the front page")}</a>'
    assert front_page in html
    return html


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_request_is_the_portals_page_in_the_language_of_the_address(
    language: str, settings: LazySettings
) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2
    with translation.override(language):
        login_start = reverse("identity:login_start")
    response = Client().post(login_start, {"a": "1", "b": "2", "c": "3"})
    html = assert_portal_page(response, language, "The request could not be handled", 400)
    assert "Bad Request" not in html


def test_bad_request_for_an_unknown_host_is_the_portals_page(settings: LazySettings) -> None:
    settings.ALLOWED_HOSTS = ["asiointi.example.fi"]
    response = Client().get("/sv/", HTTP_HOST="attacker.example", HTTP_REFERER="http://x.example/")
    html = assert_portal_page(response, "sv", "The request could not be handled", 400)
    assert "attacker.example" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_forbidden_is_the_portals_page_with_the_advice_line(
    language: str, settings: LazySettings
) -> None:
    response = Client().get(f"/{language}/forbidden/")
    html = assert_portal_page(response, language, "You cannot open this page", 403)
    assert settings.ADVICE_PHONE in html
    assert "not for this person" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure_says_the_page_expired_and_leads_back_to_it(language: str) -> None:
    client = Client(enforce_csrf_checks=True)
    form_page = f"/{language}/?q=parking"
    response = client.post(
        f"/{language}/", {"answer": "kept"}, HTTP_REFERER=f"http://testserver{form_page}"
    )
    html = assert_portal_page(response, language, "The page had expired", 403)
    back = text(
        language,
        "Go back to the previous page with your browser's Back button and send it again. "
        "What you typed is still there.",
    )
    assert back in html.replace("&#x27;", "'")
    link = f'<a href="{form_page}" data-history-back>{text(language, "Back to the previous page")}'
    assert link in html
    assert "CSRF" not in html and "Forbidden" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure_without_a_language_in_the_address_follows_the_cookie(
    language: str, settings: LazySettings
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post("/healthz")
    assert_portal_page(response, language, "The page had expired", 403)


def test_csrf_failure_offers_no_way_back_to_another_site() -> None:
    client = Client(enforce_csrf_checks=True)
    for referer in ("https://attacker.example/fi/", "//attacker.example/", "javascript:alert(1)"):
        response = client.post("/fi/", HTTP_REFERER=referer)
        html = assert_portal_page(response, "fi", "The page had expired", 403)
        assert "attacker" not in html and "javascript" not in html
        assert "data-history-back" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_is_the_portals_page(language: str) -> None:
    response = Client().get(f"/{language}/no-such-page/")
    assert_portal_page(response, language, "Page not found", 404)


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_is_the_portals_page_in_the_city_colours(language: str) -> None:
    response = Client(raise_request_exception=False).get(f"/{language}/broken/")
    html = assert_portal_page(response, language, "Something went wrong", 500, footer=False)
    assert "/brand.css?v=" in html
    assert "broken on purpose" not in html
