"""Staff log in through the city's staff OpenID Connect provider when one is configured (here
oidc-provider, a provider not written in this project): the provider's subject or e-mail address
maps to an existing member of staff; without a configured provider only the password and
authenticator code are offered."""

from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import LazySettings
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from asiointi.backoffice.models import StaffOidcIdentity
from asiointi.backoffice.oidc import StaffClaims, StaffOidcFailed, staff_identity_for
from asiointi.backoffice.tests.support import OWNING_AGENCY, staff_member, url
from asiointi.catalogue.demo import load_demo
from asiointi.devidp.tests.support import form
from asiointi.identity.tests.oidc_peer.peer import SECRET, STAFF, Peer
from asiointi.privacy.models import AuditEvent  # noqa: F401  (the audit app is loaded)

pytest_plugins = ["asiointi.identity.tests.oidc_peer.fixtures"]
ISSUER = "https://staff-login.example.fi"


@pytest.fixture
def staff_provider(oidc_peer: Peer, live_server: LiveServer, settings: LazySettings) -> str:
    settings.STAFF_OIDC_ISSUER = oidc_peer.issuer
    settings.STAFF_OIDC_CLIENT_ID = STAFF
    settings.STAFF_OIDC_CLIENT_SECRET = SECRET
    settings.STAFF_OIDC_SCOPE = "openid"
    return str(live_server.url)


def log_in_at_the_provider(portal: str, login_name: str) -> requests.Response:
    """The member's browser: the staff login page, the provider's login and consent forms."""
    with requests.Session() as browser:
        login_path = url("backoffice:login")
        page = browser.get(portal + login_path)
        start_path = url("backoffice:oidc_start")
        start = form(page.text, start_path)
        page = browser.post(portal + start_path, data=start.fields)
        for _ in range(2):
            if "/interaction/" not in page.url:
                break
            prompt = form(page.text, urlsplit(page.url).path)
            data = dict(prompt.fields)
            if data["prompt"] == "login":
                data.update(login=login_name, password="any")
            page = browser.post(prompt.action, data=data)
        return page


@pytest.mark.django_db(transaction=True)
def test_a_member_known_to_the_provider_lands_in_their_inbox(
    staff_provider: str, oidc_peer: Peer
) -> None:
    load_demo()
    user, _device = staff_member("kaisa")
    StaffOidcIdentity.objects.create(
        user=user, issuer=oidc_peer.issuer, subject="kaisa.virkailija", name="staff OIDC"
    )
    landing = log_in_at_the_provider(staff_provider, "kaisa.virkailija")
    assert landing.status_code == 200
    assert urlsplit(landing.url).path == url("backoffice:inbox", OWNING_AGENCY)
    assert "Kaisa Virkailija" in landing.text


@pytest.mark.django_db(transaction=True)
def test_someone_the_provider_knows_but_the_portal_does_not_is_refused(
    staff_provider: str,
) -> None:
    landing = log_in_at_the_provider(staff_provider, "tuntematon")
    assert urlsplit(landing.url).path == url("backoffice:login")
    assert "ei tunnistanut sinua" in landing.text  # the refusal, in Finnish
    assert not StaffOidcIdentity.objects.exists()


def test_a_first_login_finds_the_member_by_e_mail_once(db: None) -> None:
    load_demo()
    user, _device = staff_member("ville")
    user.email = "Ville.Virkailija@hel.example"
    user.save()
    claims = StaffClaims(subject="abc-123", email="ville.virkailija@hel.example")
    identity = staff_identity_for(issuer=ISSUER, claims=claims)
    assert identity.user == user
    again = staff_identity_for(issuer=ISSUER, claims=StaffClaims(subject="abc-123", email=""))
    assert again.pk == identity.pk


@pytest.mark.parametrize("email", ["", "someone.else@hel.example"])
def test_no_member_is_made_up_from_a_login(db: None, email: str) -> None:
    with pytest.raises(StaffOidcFailed):
        staff_identity_for(issuer=ISSUER, claims=StaffClaims(subject="x", email=email))


def test_a_resident_with_the_same_e_mail_is_not_staff(db: None, tessa: Any) -> None:
    claims = StaffClaims(subject="t", email="tessa@example.fi")
    with pytest.raises(StaffOidcFailed):
        staff_identity_for(issuer=ISSUER, claims=claims)


def test_without_a_provider_only_the_password_and_code_are_offered(
    db: None, settings: LazySettings
) -> None:
    settings.STAFF_OIDC_ISSUER = ""
    page = Client().get(url("backoffice:login")).content.decode()
    assert url("backoffice:oidc_start") not in page and 'name="otp_token"' in page
    assert Client().post(url("backoffice:oidc_start")).status_code == 404
