"""A code buys tokens once; presenting it again revokes what it bought."""

from datetime import timedelta

from django.test import Client as BrowserClient

from asiointi.devidp.models import AuthorizationCode
from asiointi.devidp.tests.support import authorization_request, exchange, identify, query


def test_a_code_used_twice_is_refused_and_its_token_revoked(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    first = exchange(idp, code, request, headers=portal_headers)
    assert first.status_code == 200
    bearer = {"Authorization": f"Bearer {first.json()['access_token']}"}
    assert idp.get("/devidp/userinfo", headers=bearer).status_code == 200

    second = exchange(idp, code, request, headers=portal_headers)
    assert second.status_code == 400
    assert second.json()["error"] == "invalid_grant"
    assert idp.get("/devidp/userinfo", headers=bearer).status_code == 401


def test_an_expired_code_is_refused(idp: BrowserClient, portal_headers: dict[str, str]) -> None:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    stored = AuthorizationCode.objects.get()
    AuthorizationCode.objects.filter(pk=stored.pk).update(
        created_at=stored.created_at - timedelta(minutes=5)
    )
    response = exchange(idp, code, request, headers=portal_headers)
    assert response.json()["error"] == "invalid_grant"


def test_a_code_is_bound_to_its_redirect_uri(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    request.params["redirect_uri"] = "http://localhost/identity/oidc/elsewhere/"
    response = exchange(idp, code, request, headers=portal_headers)
    assert response.json()["error"] == "invalid_grant"


def test_a_made_up_code_is_refused(idp: BrowserClient, portal_headers: dict[str, str]) -> None:
    request = authorization_request()
    response = exchange(idp, "made-up", request, headers=portal_headers)
    assert response.json()["error"] == "invalid_grant"
