import time

import pytest
from django.test import Client

from asiointi.identity.services import SESSION_LAST_SEEN
from asiointi.identity.tests.factories import logged_in_client

pytestmark = pytest.mark.django_db
KEEPALIVE = "/fi/istunto/jatka/"


def test_continuing_from_the_idle_warning_keeps_the_session(client: Client) -> None:
    logged_in_client(client)
    session = client.session
    session[SESSION_LAST_SEEN] = time.time() - 25 * 60
    session.save()
    response = client.post(KEEPALIVE, headers={"x-requested-with": "fetch"})
    assert response.status_code == 204
    assert time.time() - client.session[SESSION_LAST_SEEN] < 5


def test_without_javascript_continuing_returns_to_the_page(client: Client) -> None:
    logged_in_client(client)
    response = client.post(KEEPALIVE, {"next": "/fi/palvelut/"})
    assert response["Location"] == "/fi/palvelut/"


def test_an_anonymous_visitor_cannot_keep_a_session_alive(client: Client) -> None:
    assert client.post(KEEPALIVE).status_code == 302
