import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from asiointi.identity.tests.factories import logged_in_client
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def url(name: str, lang: str = "fi") -> str:
    with translation.override(lang):
        return reverse(name)


@pytest.mark.parametrize(
    ("lang", "title", "button"),
    [
        ("fi", "Kirjaudu asiointiin", "Kirjaudu sisään"),
        ("sv", "Logga in", "Logga in"),
        ("en", "Log in to e-services", "Log in"),
    ],
)
def test_login_page_offers_identification_in_each_language(
    client: Client, lang: str, title: str, button: str
) -> None:
    html = client.get(url("identity:login", lang)).content.decode()
    assert f"<h1>{title}</h1>" in html
    assert button in html


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "http://127.0.0.1:8000/fi/",
    ],
)
def test_a_return_address_outside_the_portal_is_ignored(client: Client, next_url: str) -> None:
    html = client.get(url("identity:login"), {"next": next_url}).content.decode()
    assert 'name="next" value="/fi/asiointikansio/"' in html
    assert 'value="' + next_url not in html


def test_the_header_s_login_leads_to_the_person_s_folder(client: Client) -> None:
    html = client.get(url("identity:login")).content.decode()
    assert 'name="next" value="/fi/asiointikansio/"' in html


def test_a_return_address_inside_the_portal_is_kept(client: Client) -> None:
    html = client.get(url("identity:login"), {"next": "/fi/palvelut/x/"}).content.decode()
    assert 'name="next" value="/fi/palvelut/x/"' in html


def test_cancelling_at_the_provider_says_so_and_offers_a_retry(client: Client) -> None:
    response = client.get("/identity/oidc/callback/", {"error": "access_denied", "state": "x"})
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Keskeytit tunnistautumisen." in html
    assert "Yritä uudelleen" in html
    assert not page.wsgi_request.user.is_authenticated
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).exists()


def test_an_answer_nobody_asked_for_is_refused_as_expired(client: Client) -> None:
    response = client.get("/identity/oidc/callback/", {"code": "stolen", "state": "replayed"})
    page = client.get(response["Location"])
    assert "Tunnistautuminen kesti liian kauan tai se oli jo käytetty." in page.content.decode()
    assert not page.wsgi_request.user.is_authenticated


def test_success_page_greets_the_person_and_continues_to_the_service(client: Client) -> None:
    person = logged_in_client(client)
    person.registered_at = timezone.now()
    person.save()
    session = client.session
    session["identity_next"] = "/fi/palvelut/asukaspysakointitunnus/"
    session.save()
    html = client.get(url("identity:login_succeeded")).content.decode()
    assert "Tunnistautuminen onnistui" in html
    assert "Tessa Testilä" in html
    assert 'href="/fi/palvelut/asukaspysakointitunnus/"' in html
    assert "Jatka palveluun" in html


def test_logged_in_pages_show_logout_and_are_not_stored(client: Client) -> None:
    logged_in_client(client)
    response = client.get("/fi/")
    html = response.content.decode()
    assert "Kirjaudu ulos" in html
    assert "no-store" in response["Cache-Control"]
    assert "010280" not in html
