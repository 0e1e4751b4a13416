"""One "Kirjaudu ulos" ends the portal session and the provider's: the portal sends the ID token
back as id_token_hint, so the provider does not ask again. The token holds the identity code, so
it is kept encrypted and POSTed, never put in an address."""

import pytest
import requests

from asiointi.devidp.models import IdpSession
from asiointi.devidp.tests.support import TESSA_HETU, form
from asiointi.identity.models import LoginSession
from asiointi.identity.tests.oidc_steps import identify, start_login

pytestmark = pytest.mark.django_db(transaction=True)


def log_out(browser: requests.Session, portal: str) -> requests.Response:
    page = browser.get(f"{portal}/fi/")
    return browser.post(
        f"{portal}/fi/kirjaudu-ulos/", data=form(page.text, "/fi/kirjaudu-ulos/").fields
    )


def test_one_logout_ends_both_sessions_without_the_provider_asking(devidp_portal: str) -> None:
    browser = requests.Session()
    identify(browser, start_login(browser, devidp_portal))
    page = log_out(browser, devidp_portal)
    # The portal session has ended already; the page sends the logout on to the provider.
    assert "Kirjaudu ulos" not in browser.get(f"{devidp_portal}/fi/").text
    assert "no-store" in page.headers["Cache-Control"]
    onward = form(page.text, "/devidp/end-session")
    assert onward.fields["id_token_hint"].count(".") == 2
    assert onward.fields["post_logout_redirect_uri"] == f"{devidp_portal}/identity/logged-out/"
    answer = browser.post(onward.action, data=onward.fields)
    assert [r.url for r in answer.history][-1] == f"{devidp_portal}/identity/logged-out/"
    assert answer.url == f"{devidp_portal}/fi/uloskirjautunut/"
    assert "Olet kirjautunut ulos" in answer.text
    assert IdpSession.objects.get().ended_at is not None
    # No address on the way held the token.
    addresses = [page.url, *(r.url for r in answer.history), answer.url]
    assert not any("id_token" in address or "eyJ" in address for address in addresses)


def test_the_id_token_is_kept_encrypted(devidp_portal: str) -> None:
    browser = requests.Session()
    identify(browser, start_login(browser, devidp_portal))
    stored = LoginSession.objects.get().id_token_encrypted
    assert stored
    assert "eyJ" not in stored and TESSA_HETU not in stored


def test_without_an_id_token_the_provider_asks_before_ending_its_session(
    devidp_portal: str,
) -> None:
    browser = requests.Session()
    identify(browser, start_login(browser, devidp_portal))
    LoginSession.objects.update(id_token_encrypted="")
    response = log_out(browser, devidp_portal)
    assert "/devidp/end-session?" in response.history[0].headers["Location"]
    confirm = form(response.text, "/devidp/end-session/confirm")
    answer = browser.post(
        f"{devidp_portal}/devidp/end-session/confirm", data={**confirm.fields, "action": "logout"}
    )
    assert "Olet kirjautunut ulos" in answer.text
