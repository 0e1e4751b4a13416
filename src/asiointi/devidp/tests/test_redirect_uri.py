"""The provider redirects only to a registered redirect_uri; anything else gets an error page."""

import pytest
from django.test import Client as BrowserClient

from asiointi.devidp.models import Client
from asiointi.devidp.tests.support import authorization_request, identify, query


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "http://evil.example/identity/oidc/callback/",
        "http://localhost/identity/oidc/callback/other",
        "http://localhost/identity/oidc/callback/?next=http://evil.example/",
        "http://localhost:9999/identity/oidc/callback/",
        "https://localhost/identity/oidc/callback/",
    ],
)
def test_an_unregistered_redirect_uri_gets_an_error_page_and_no_redirect(
    idp: BrowserClient, redirect_uri: str
) -> None:
    response = idp.get("/devidp/authorize", authorization_request(redirect_uri=redirect_uri).params)
    assert response.status_code == 400
    assert "Location" not in response
    assert "invalid_request" in response.content.decode()


def test_a_missing_redirect_uri_gets_an_error_page(idp: BrowserClient) -> None:
    params = authorization_request().params
    del params["redirect_uri"]
    response = idp.get("/devidp/authorize", params)
    assert response.status_code == 400
    assert "Location" not in response


def test_an_unknown_client_gets_an_error_page(idp: BrowserClient) -> None:
    response = idp.get("/devidp/authorize", authorization_request(client_id="nobody").params)
    assert response.status_code == 400
    assert "Location" not in response
    assert "invalid_client" in response.content.decode()


def test_the_portals_callback_works_on_any_port_of_the_issuers_origin(
    idp: BrowserClient,
) -> None:
    redirect_uri = "http://127.0.0.1:8123/identity/oidc/callback/"
    request = authorization_request(redirect_uri=redirect_uri)
    browser = BrowserClient(HTTP_HOST="127.0.0.1:8123")
    response = identify(browser, request)
    assert response["Location"].startswith(redirect_uri + "?code=")


def test_another_client_is_held_to_its_exact_redirect_uri(
    idp: BrowserClient, other_client: Client
) -> None:
    good = authorization_request(
        client_id="other-service", redirect_uri="http://localhost/other/callback"
    )
    assert idp.get("/devidp/authorize", good.params).status_code == 200
    bad = authorization_request(
        client_id="other-service", redirect_uri="http://localhost/identity/oidc/callback/"
    )
    assert idp.get("/devidp/authorize", bad.params).status_code == 400


def test_a_request_for_something_other_than_openid_is_sent_back_refused(
    idp: BrowserClient,
) -> None:
    request = authorization_request(scope="profile")
    answer = query(idp.get("/devidp/authorize", request.params)["Location"])
    assert answer["error"] == "invalid_scope"
    assert answer["state"] == request.state


def test_only_the_code_flow_is_served(idp: BrowserClient) -> None:
    request = authorization_request(response_type="id_token token")
    answer = query(idp.get("/devidp/authorize", request.params)["Location"])
    assert answer["error"] == "unsupported_response_type"
