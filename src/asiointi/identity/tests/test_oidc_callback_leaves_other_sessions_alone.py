"""An answer at the OIDC callback that belongs to no login this session started (no state, or
a state it never had) shows the failure page and leaves a logged-in person logged in: anyone can
make a browser open the callback. An answer to a login the session did start still ends it."""

from typing import Any

import pytest
from django.test import Client

from asiointi.identity.providers.registry import provider
from asiointi.identity.tests.factories import logged_in_client
from asiointi.identity.tests.test_login_pages import url
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
CALLBACK = "/identity/oidc/callback/"
EXPIRED = "Tunnistautuminen kesti liian kauan tai se oli jo käytetty."


def _still_logged_in(client: Client) -> bool:
    return bool(client.get(url("identity:login")).wsgi_request.user.is_authenticated)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, EXPIRED),
        ({"code": "stolen"}, EXPIRED),
        ({"code": "stolen", "state": "forged"}, EXPIRED),
        ({"error": "server_error"}, "Tunnistuspalvelu ei pystynyt tunnistamaan sinua."),
    ],
)
def test_an_answer_to_no_login_of_this_session_shows_the_failure_and_keeps_the_session(
    client: Client, query: dict[str, str], message: str
) -> None:
    logged_in_client(client)
    session_key = client.session.session_key
    response = client.get(CALLBACK, query)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert message in page.content.decode()
    assert "Yritä uudelleen" in page.content.decode()
    assert page.wsgi_request.user.is_authenticated
    assert client.session.session_key == session_key
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).exists()


def _login_started(client: Client, state: str) -> None:
    session: Any = client.session
    provider().app.framework.set_state_data(session, state, {"nonce": "n"})  # type: ignore[attr-defined]
    session.save()


def test_a_failed_answer_to_a_login_this_session_started_ends_the_session(
    client: Client,
) -> None:
    logged_in_client(client)
    _login_started(client, "started")
    client.get(CALLBACK, {"error": "server_error", "state": "started"})
    assert not _still_logged_in(client)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGOUT).exists()
