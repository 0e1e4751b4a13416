import time

import pytest
from django.test import Client

from asiointi.identity.services import SESSION_LAST_SEEN, SESSION_STARTED_AT
from asiointi.identity.tests.factories import logged_in_client

pytestmark = pytest.mark.django_db


def age_session(client: Client, **seconds_ago: float) -> None:
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_an_idle_session_ends_after_the_timeout(client: Client, settings: object) -> None:
    logged_in_client(client)
    age_session(client, **{SESSION_LAST_SEEN: 31 * 60})
    response = client.get("/fi/palvelut/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/kirjaudu/?expired=1")
    html = client.get(response["Location"]).content.decode()
    assert "Istuntosi päättyi" in html
    assert "Kirjaudu ulos" not in html


def test_an_active_session_ends_after_its_absolute_lifetime(client: Client) -> None:
    logged_in_client(client)
    age_session(client, **{SESSION_STARTED_AT: 8 * 60 * 60 + 1, SESSION_LAST_SEEN: 10})
    assert client.get("/fi/").status_code == 302


def test_an_active_session_goes_on(client: Client) -> None:
    logged_in_client(client)
    age_session(client, **{SESSION_LAST_SEEN: 29 * 60})
    response = client.get("/fi/")
    assert response.status_code == 200
    assert "Kirjaudu ulos" in response.content.decode()
