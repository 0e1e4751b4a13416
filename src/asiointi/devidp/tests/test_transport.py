"""Plain http is served only on loopback addresses, as authlib requires; elsewhere, https."""

from django.test import Client as BrowserClient

from asiointi.devidp.tests.support import authorization_request


def test_plain_http_from_another_host_is_refused(idp: BrowserClient) -> None:
    remote = BrowserClient(HTTP_HOST="192.0.2.10:8000")
    page = remote.get("/devidp/authorize", authorization_request().params)
    assert page.status_code == 400
    assert "insecure_transport" in page.content.decode()
    assert remote.post("/devidp/token").json()["error"] == "insecure_transport"


def test_https_from_any_host_is_served(idp: BrowserClient) -> None:
    request = authorization_request(redirect_uri="https://asiointi.test/identity/oidc/callback/")
    page = BrowserClient(HTTP_HOST="asiointi.test").get(
        "/devidp/authorize", request.params, secure=True
    )
    assert page.status_code == 200
