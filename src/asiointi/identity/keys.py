"""The portal's own keys as an OpenID client: one to sign (private_key_jwt, request objects),
one to decrypt encrypted ID tokens. Their public halves are published at /identity/oidc/jwks."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import KeySet, RSAKey

SIGNING_USE = "sig"
ENCRYPTION_USE = "enc"


def generate_keys() -> KeySet:
    signing = RSAKey.generate_key(2048, parameters={"use": SIGNING_USE, "alg": "RS256"})
    encryption = RSAKey.generate_key(
        2048, parameters={"use": ENCRYPTION_USE, "alg": "RSA-OAEP-256"}
    )
    for key in (signing, encryption):
        key.ensure_kid()
    return KeySet([signing, encryption])


@cache
def client_keys() -> KeySet:
    path = Path(settings.OIDC_CLIENT_JWKS_FILE)
    if not path.exists():
        if not settings.DEBUG:
            raise ImproperlyConfigured(f"OIDC_CLIENT_JWKS_FILE {path} does not exist.")
        # The embedded profile makes its own keys once and keeps them with its data.
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(generate_keys().as_dict(private=True)))
        path.chmod(0o600)
    return KeySet.import_key_set(json.loads(path.read_text()))


def key_for(use: str) -> RSAKey:
    for key in client_keys().keys:
        if key.get("use") == use and isinstance(key, RSAKey):
            return key
    raise ImproperlyConfigured(f"The client key set has no RSA key with use={use}.")


def public_jwks() -> dict[str, object]:
    return dict(client_keys().as_dict(private=False))
