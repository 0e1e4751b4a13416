from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client as BrowserClient
from joserfc.jwk import KeySet, RSAKey

from asiointi.devidp.clients import ensure_client
from asiointi.devidp.models import Client, SigningKey
from asiointi.devidp.tests.support import HOST, basic


def _rsa(use: str, alg: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"use": use, "alg": alg}, auto_kid=True)


@pytest.fixture(scope="session")
def _provider_jwk() -> dict[str, Any]:
    return dict(_rsa("sig", "RS256").as_dict(private=True))


@pytest.fixture
def provider_key(db: None, _provider_jwk: dict[str, Any]) -> SigningKey:
    """The provider's signing key, made once per test session instead of once per test."""
    return SigningKey.objects.create(
        name="primary", kid=_provider_jwk["kid"], private_jwk=_provider_jwk
    )


@pytest.fixture
def idp(provider_key: SigningKey) -> BrowserClient:
    """A browser at the provider; loopback, as authlib accepts plain http only there."""
    return BrowserClient(HTTP_HOST=HOST)


@pytest.fixture
def portal_headers(settings: LazySettings) -> dict[str, str]:
    """The built-in client's (the portal's) credentials, as client_secret_basic."""
    return {"Authorization": basic(settings.DEVIDP_CLIENT_ID, settings.DEVIDP_CLIENT_SECRET)}


@pytest.fixture(scope="session")
def client_keys() -> KeySet:
    """A relying party's own keys: one to sign with, one to decrypt with."""
    return KeySet([_rsa("sig", "RS256"), _rsa("enc", "RSA-OAEP-256")])


@pytest.fixture
def ftn_client(db: None, client_keys: KeySet) -> Client:
    """A client with every Trust Network option: private_key_jwt, request objects, encryption."""
    return ensure_client(
        client_id="ftn-service",
        name="FTN service",
        auth_method=Client.AuthMethod.PRIVATE_KEY_JWT,
        redirect_uris=["http://localhost/ftn/callback"],
        jwks=client_keys.as_dict(private=False),
        require_signed_request_object=True,
        encrypt_tokens=True,
    )


@pytest.fixture
def other_client(db: None) -> Client:
    return ensure_client(
        client_id="other-service",
        name="Other service",
        secret="other-secret",
        redirect_uris=["http://localhost/other/callback"],
        post_logout_redirect_uris=["http://localhost/other/bye"],
    )
