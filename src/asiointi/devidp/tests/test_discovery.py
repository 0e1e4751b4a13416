"""Discovery and keys: what a relying party reads before anything else."""

from authlib.oidc.discovery import OpenIDProviderMetadata
from django.test import Client as BrowserClient

from asiointi.devidp.models import SigningKey


def test_the_configuration_names_the_issuer_of_the_address_it_was_read_from(
    idp: BrowserClient,
) -> None:
    for host in ("localhost", "127.0.0.1:8000", "localhost:51234"):
        document = BrowserClient(HTTP_HOST=host).get("/devidp/.well-known/openid-configuration")
        assert document.json()["issuer"] == f"http://{host}/devidp"


def test_the_configuration_is_valid_and_describes_the_code_flow(idp: BrowserClient) -> None:
    document = idp.get("/devidp/.well-known/openid-configuration").json()
    OpenIDProviderMetadata(document).validate()
    issuer = document["issuer"]
    assert document["authorization_endpoint"] == f"{issuer}/authorize"
    assert document["token_endpoint"] == f"{issuer}/token"
    assert document["userinfo_endpoint"] == f"{issuer}/userinfo"
    assert document["jwks_uri"] == f"{issuer}/jwks"
    assert document["end_session_endpoint"] == f"{issuer}/end-session"
    assert document["response_types_supported"] == ["code"]
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert "private_key_jwt" in document["token_endpoint_auth_methods_supported"]
    assert document["backchannel_logout_supported"] is True
    assert "urn:oid:1.2.246.21" in document["claims_supported"]


def test_the_jwks_publishes_the_signing_key_with_its_kid_and_no_private_part(
    idp: BrowserClient, provider_key: SigningKey
) -> None:
    (key,) = idp.get("/devidp/jwks").json()["keys"]
    assert key["kid"] == provider_key.kid
    assert key["kty"] == "RSA" and key["use"] == "sig" and key["alg"] == "RS256"
    assert "d" not in key and "p" not in key


def test_the_signing_key_is_made_once_and_kept_in_the_database(db: None) -> None:
    browser = BrowserClient(HTTP_HOST="localhost")
    first = browser.get("/devidp/jwks").json()
    second = browser.get("/devidp/jwks").json()
    assert first == second
    assert SigningKey.objects.count() == 1
    assert SigningKey.objects.get().kid == first["keys"][0]["kid"]
