import pytest
from django.test import Client

from asiointi.identity.models import LoginSession
from asiointi.identity.services import sessions_end_for_provider_session
from asiointi.identity.tests.factories import logged_in_client
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_logout_ends_the_portal_session_first(client: Client, settings: object) -> None:
    settings.OIDC_ISSUER = "http://127.0.0.1:9/devidp"  # type: ignore[attr-defined]
    logged_in_client(client)
    old_key = client.cookies["sessionid"].value
    response = client.post("/fi/kirjaudu-ulos/")
    # No provider to reach here: the person still lands on the logged-out page.
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Olet kirjautunut ulos" in page.content.decode()
    assert not LoginSession.objects.filter(session_key=old_key).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).count() == 1
    # The old session id is worthless now.
    stale = Client()
    stale.cookies["sessionid"] = old_key
    assert "Kirjaudu ulos" not in stale.get("/fi/").content.decode()


def test_logout_needs_a_post(client: Client) -> None:
    logged_in_client(client)
    assert client.get("/fi/kirjaudu-ulos/").status_code == 405


def test_a_logout_started_at_the_provider_ends_the_portal_session(client: Client) -> None:
    logged_in_client(client)
    assert sessions_end_for_provider_session(provider="oidc", session_id="idp-session-1") == 1
    assert "Kirjaudu ulos" not in client.get("/fi/").content.decode()
