"""The portal's relying party against the built-in OpenID Provider, over real HTTP."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from django.conf import LazySettings

from asiointi.devidp.tests.support import form
from asiointi.identity.keys import generate_keys
from asiointi.identity.models import User
from asiointi.identity.tests.oidc_steps import identify, start_login
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def portal(live_server: Any, settings: LazySettings) -> Iterator[str]:
    settings.OIDC_ISSUER = f"{live_server.url}/devidp"
    yield live_server.url


def test_a_resident_logs_in_through_the_provider_and_back(portal: str) -> None:
    browser = requests.Session()
    methods_page = start_login(browser, portal)
    assert "/devidp/authorize" in methods_page.url
    assert "code_challenge_method=S256" in methods_page.history[0].headers["Location"]
    assert "acr_values=" in methods_page.history[0].headers["Location"]
    landing = identify(browser, methods_page)
    assert landing.url.endswith("/fi/kirjaudu/onnistui/")
    assert "Tunnistautuminen onnistui" in landing.text
    assert "Tessa" in landing.text
    assert "010280-952L" not in landing.text
    person = User.objects.get()
    assert person.identity_code_masked == "010280-****"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN, user=person).exists()


def test_the_session_id_changes_at_login(portal: str) -> None:
    browser = requests.Session()
    browser.get(f"{portal}/fi/kirjaudu/")
    methods_page = start_login(browser, portal)
    before = browser.cookies.get("sessionid")
    identify(browser, methods_page)
    assert browser.cookies.get("sessionid") not in (None, before)


def test_cancelling_at_the_provider_gives_a_clear_page(portal: str) -> None:
    browser = requests.Session()
    landing = identify(browser, start_login(browser, portal), action="cancel")
    assert "/fi/kirjaudu/epaonnistui/" in landing.url
    assert "Keskeytit tunnistautumisen." in landing.text
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        ("too_low", "ei ole tähän palveluun riittävän vahva"),
        ("failed", "Tunnistuspalvelu ei pystynyt tunnistamaan sinua."),
    ],
)
def test_a_weak_or_failed_identification_is_refused(
    portal: str, outcome: str, message: str
) -> None:
    browser = requests.Session()
    landing = identify(browser, start_login(browser, portal), outcome=outcome)
    assert message in landing.text
    assert "Kirjaudu ulos" not in landing.text
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).exists()


def test_a_replayed_answer_is_refused(portal: str) -> None:
    browser = requests.Session()
    landing = identify(browser, start_login(browser, portal))
    callback = next(r for r in landing.history if "/identity/oidc/callback/" in r.url).url
    attacker = requests.Session()
    replay = attacker.get(callback)
    assert "Tunnistautuminen kesti liian kauan tai se oli jo käytetty." in replay.text
    again = browser.get(callback)
    assert "Tunnistautuminen kesti liian kauan tai se oli jo käytetty." in again.text


def test_a_logout_started_at_the_provider_ends_the_portal_session(portal: str) -> None:
    browser = requests.Session()
    identify(browser, start_login(browser, portal))
    assert "Kirjaudu ulos" in browser.get(f"{portal}/fi/").text
    overview = browser.get(f"{portal}/devidp/")
    end = form(overview.text, "/devidp/sessions/end")
    browser.post(f"{portal}/devidp/sessions/end", data=end.fields)
    assert "Kirjaudu ulos" not in browser.get(f"{portal}/fi/").text
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).exists()


def test_personal_pages_are_not_stored_by_the_browser(portal: str) -> None:
    browser = requests.Session()
    landing = identify(browser, start_login(browser, portal))
    assert "no-store" in landing.headers["Cache-Control"]


def test_the_finnish_trust_network_options_work_together(
    portal: str, settings: LazySettings, tmp_path: Any
) -> None:
    keys_file = tmp_path / "client-keys.json"
    keys_file.write_text(json.dumps(generate_keys().as_dict(private=True)))
    settings.OIDC_CLIENT_JWKS_FILE = str(keys_file)
    settings.OIDC_CLIENT_AUTH = "private_key_jwt"
    settings.OIDC_SIGNED_REQUESTS = True
    settings.OIDC_ENCRYPTED_ID_TOKEN = True
    settings.OIDC_USE_USERINFO = True
    settings.DEVIDP_CLIENT_AUTH = "private_key_jwt"
    settings.DEVIDP_REQUIRE_SIGNED_REQUESTS = True
    settings.DEVIDP_ENCRYPT_TOKENS = True
    browser = requests.Session()
    methods_page = start_login(browser, portal)
    assert "request=" in methods_page.history[0].headers["Location"]
    landing = identify(browser, methods_page)
    assert "Tunnistautuminen onnistui" in landing.text, landing.text
