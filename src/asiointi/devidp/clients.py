"""The clients (relying parties) the provider knows.

The portal's own client is built from settings on first use and kept in step with them, so
`make run` needs no setup step; tests and other tools register more with `ensure_client`.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from joserfc.jwk import KeySet

from asiointi.devidp.models import Client

SECRET_METHOD_NAMES = {"client_secret_basic", "client_secret_post"}


def _validated(fields: dict[str, Any]) -> dict[str, Any]:
    uses_keys = (
        fields["auth_method"] == Client.AuthMethod.PRIVATE_KEY_JWT
        or fields["require_signed_request_object"]
        or fields["encrypt_tokens"]
    )
    if fields["auth_method"] == Client.AuthMethod.SECRET and not fields["secret"]:
        raise ValueError("a client authenticating with a secret needs one")
    if uses_keys and not (fields["jwks"] or fields["jwks_uri"]):
        raise ValueError("private_key_jwt, request objects and encryption need the client's keys")
    if fields["jwks"]:
        key_set = KeySet.import_key_set(fields["jwks"])
        if any(key.is_private for key in key_set.keys):
            raise ValueError("register the client's public keys only")
        if fields["encrypt_tokens"] and not any(k.get("use") == "enc" for k in key_set.keys):
            raise ValueError("encrypted tokens need a client key with use=enc")
    if not fields["redirect_uris"]:
        raise ValueError("a client needs at least one redirect_uri")
    relative = [uri for uri in fields["redirect_uris"] if uri.startswith("/")]
    if fields["same_origin_paths"] != (len(relative) == len(fields["redirect_uris"])):
        raise ValueError("redirect_uris are paths exactly when same_origin_paths is set")
    return fields


@transaction.atomic
def ensure_client(
    *,
    client_id: str,
    name: str,
    redirect_uris: Sequence[str],
    secret: str = "",
    auth_method: str = Client.AuthMethod.SECRET,
    post_logout_redirect_uris: Sequence[str] = (),
    backchannel_logout_uri: str = "",
    jwks: Mapping[str, Any] | None = None,
    jwks_uri: str = "",
    same_origin_paths: bool = False,
    require_signed_request_object: bool = False,
    encrypt_tokens: bool = False,
) -> Client:
    """Register a client, or bring an existing one with this client_id up to date."""
    fields = _validated(
        {
            "name": name,
            "secret": secret,
            "auth_method": auth_method,
            "redirect_uris": list(redirect_uris),
            "post_logout_redirect_uris": list(post_logout_redirect_uris),
            "backchannel_logout_uri": backchannel_logout_uri,
            "jwks": dict(jwks or {}),
            "jwks_uri": jwks_uri,
            "same_origin_paths": same_origin_paths,
            "require_signed_request_object": require_signed_request_object,
            "encrypt_tokens": encrypt_tokens,
        }
    )
    client, _ = Client.objects.update_or_create(client_id=client_id, defaults=fields)
    return client


def builtin_client_fields() -> dict[str, Any]:
    private_key_jwt = settings.DEVIDP_CLIENT_AUTH not in SECRET_METHOD_NAMES
    return {
        "name": "Asiointi",
        "secret": "" if private_key_jwt else settings.DEVIDP_CLIENT_SECRET,
        "auth_method": Client.AuthMethod.PRIVATE_KEY_JWT
        if private_key_jwt
        else Client.AuthMethod.SECRET,
        "redirect_uris": [settings.DEVIDP_CALLBACK_PATH],
        "post_logout_redirect_uris": list(settings.DEVIDP_POST_LOGOUT_PATHS),
        "backchannel_logout_uri": settings.DEVIDP_BACKCHANNEL_LOGOUT_PATH,
        "jwks_uri": settings.DEVIDP_CLIENT_JWKS_PATH,
        "same_origin_paths": True,
        "require_signed_request_object": settings.DEVIDP_REQUIRE_SIGNED_REQUESTS,
        "encrypt_tokens": settings.DEVIDP_ENCRYPT_TOKENS,
    }


def builtin_client() -> Client:
    fields = builtin_client_fields()
    client = Client.objects.filter(client_id=settings.DEVIDP_CLIENT_ID).first()
    if client and all(getattr(client, name) == value for name, value in fields.items()):
        return client
    return ensure_client(client_id=settings.DEVIDP_CLIENT_ID, **fields)


def client_by_id(client_id: str) -> Client | None:
    if client_id == settings.DEVIDP_CLIENT_ID:
        return builtin_client()
    return Client.objects.filter(client_id=client_id).first()
