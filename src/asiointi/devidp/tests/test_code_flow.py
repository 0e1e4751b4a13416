"""The authorization code flow end to end, as the portal's relying party walks it."""

import time

from django.conf import LazySettings
from django.test import Client as BrowserClient

from asiointi.devidp import claims
from asiointi.devidp.tests.support import (
    CALLBACK,
    ISSUER,
    TESSA_HETU,
    authorization_request,
    exchange,
    identify,
    query,
    verified_claims,
)


def test_identification_returns_a_code_and_the_state_to_the_callback(idp: BrowserClient) -> None:
    request = authorization_request()
    response = identify(idp, request)
    assert response.status_code == 302
    assert response["Location"].startswith(CALLBACK + "?")
    answer = query(response["Location"])
    assert answer["state"] == request.state
    assert answer["code"]


def test_the_code_buys_a_signed_id_token_with_the_nonce_and_the_persons_claims(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request(acr_values=claims.LOA_SUBSTANTIAL)
    code = query(identify(idp, request, method="mobile")["Location"])["code"]
    token = exchange(idp, code, request, headers=portal_headers)
    assert token.status_code == 200, token.content
    assert "no-store" in token["Cache-Control"]
    body = token.json()
    assert body["token_type"].lower() == "bearer"
    id_token = verified_claims(body["id_token"], idp)
    assert id_token["iss"] == ISSUER
    assert id_token["aud"] == "asiointi"
    assert id_token["nonce"] == request.nonce
    assert id_token["exp"] > time.time() > id_token["iat"] - 5
    assert id_token["at_hash"]
    assert id_token[claims.HETU] == TESSA_HETU
    assert id_token[claims.GIVEN_NAME] == "Tessa"
    assert id_token[claims.SURNAME] == "Testilä"
    assert id_token[claims.COMMON_NAME] == "Testilä Tessa"
    assert id_token[claims.MUNICIPALITY_CODE] == "091"
    assert id_token[claims.MUNICIPALITY_FI] == "Helsinki"
    assert id_token[claims.MUNICIPALITY_SV] == "Helsingfors"
    assert id_token[claims.POSTAL_CODE] == "00100"
    assert id_token["acr"] == claims.LOA_SUBSTANTIAL
    assert id_token["amr"] == ["mobile"]
    assert id_token["sid"]
    assert abs(id_token["auth_time"] - time.time()) < 60


def test_the_subject_is_stable_and_is_not_the_identity_code(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    subjects = []
    for _ in range(2):
        request = authorization_request()
        code = query(identify(idp, request)["Location"])["code"]
        id_token = verified_claims(
            exchange(idp, code, request, headers=portal_headers).json()["id_token"], idp
        )
        subjects.append(id_token["sub"])
    assert subjects[0] == subjects[1]
    assert TESSA_HETU not in subjects[0]


def test_userinfo_says_the_same_as_the_id_token(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request()
    code = query(identify(idp, request, person="sallinen-anna-liisa")["Location"])["code"]
    body = exchange(idp, code, request, headers=portal_headers).json()
    id_token = verified_claims(body["id_token"], idp)
    userinfo = idp.get(
        "/devidp/userinfo", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert userinfo.status_code == 200
    info = userinfo.json()
    assert info[claims.MAIL] == "anna-liisa.sallinen@example.com"
    for name in ("sub", "sid", "acr", "amr", "auth_time", *claims.PERSON_CLAIMS):
        assert info[name] == id_token[name], name


def test_userinfo_refuses_a_missing_or_unknown_token(idp: BrowserClient) -> None:
    assert idp.get("/devidp/userinfo").status_code == 401
    unknown = idp.get("/devidp/userinfo", headers={"Authorization": "Bearer nonsense"})
    assert unknown.status_code == 401


def test_a_person_with_protected_address_has_no_address_claims(
    idp: BrowserClient, portal_headers: dict[str, str]
) -> None:
    request = authorization_request()
    code = query(identify(idp, request, person="huhtiistinen-ilmari")["Location"])["code"]
    id_token = verified_claims(
        exchange(idp, code, request, headers=portal_headers).json()["id_token"], idp
    )
    assert id_token[claims.HETU] == "260991-999R"
    assert claims.STREET_ADDRESS_FI not in id_token
    assert claims.POSTAL_CODE not in id_token
    assert id_token[claims.MUNICIPALITY_CODE] == "091"


def test_the_secret_may_also_be_posted_in_the_form(
    idp: BrowserClient, settings: LazySettings
) -> None:
    request = authorization_request()
    code = query(identify(idp, request)["Location"])["code"]
    auth = {"client_id": "asiointi", "client_secret": settings.DEVIDP_CLIENT_SECRET}
    assert exchange(idp, code, request, auth=auth).status_code == 200
