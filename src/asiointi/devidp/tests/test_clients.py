"""Clients: the portal's own from settings, others registered with ensure_client."""

import pytest
from django.conf import LazySettings
from joserfc.jwk import KeySet

from asiointi.devidp.clients import builtin_client, client_by_id, ensure_client
from asiointi.devidp.models import Client


def test_the_portals_client_is_made_from_settings_on_first_use(
    db: None, settings: LazySettings
) -> None:
    assert not Client.objects.exists()
    client = client_by_id("asiointi")
    assert client is not None
    assert client.check_client_secret(settings.DEVIDP_CLIENT_SECRET)
    assert client.redirect_uris == ["/identity/oidc/callback/"]
    assert client.same_origin_paths


def test_the_portals_client_follows_the_settings(db: None, settings: LazySettings) -> None:
    builtin_client()
    settings.DEVIDP_CLIENT_SECRET = "changed"
    settings.DEVIDP_CLIENT_AUTH = "private_key_jwt"
    client = builtin_client()
    assert client.auth_method == Client.AuthMethod.PRIVATE_KEY_JWT
    assert not client.check_client_secret("changed")
    assert Client.objects.count() == 1


def test_the_default_secret_is_derived_from_the_secret_key(settings: LazySettings) -> None:
    assert settings.DEVIDP_CLIENT_SECRET
    assert settings.DEVIDP_CLIENT_SECRET != settings.SECRET_KEY


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"secret": ""}, "needs one"),
        ({"auth_method": Client.AuthMethod.PRIVATE_KEY_JWT}, "need the client's keys"),
        ({"encrypt_tokens": True}, "need the client's keys"),
        ({"redirect_uris": []}, "at least one redirect_uri"),
        ({"redirect_uris": ["/relative"]}, "paths exactly when"),
    ],
)
def test_a_client_that_could_not_work_is_not_registered(
    db: None, fields: dict[str, object], problem: str
) -> None:
    registration = {
        "client_id": "broken",
        "name": "Broken",
        "secret": "s",
        "redirect_uris": ["http://localhost/cb"],
        **fields,
    }
    with pytest.raises(ValueError, match=problem):
        ensure_client(**registration)  # type: ignore[arg-type]
    assert not Client.objects.filter(client_id="broken").exists()


def test_private_keys_are_not_accepted_as_a_clients_keys(db: None, client_keys: KeySet) -> None:
    with pytest.raises(ValueError, match="public keys only"):
        ensure_client(
            client_id="careless",
            name="Careless",
            secret="s",
            redirect_uris=["http://localhost/cb"],
            jwks=client_keys.as_dict(private=True),
        )
