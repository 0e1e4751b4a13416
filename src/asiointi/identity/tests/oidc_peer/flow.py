"""The person's browser in a login against the peer, and tokens as an attacker would alter them."""

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from joserfc import jwe, jwt
from joserfc.jwk import RSAKey

from asiointi.devidp.tests.support import form

# Decrypts what the peer encrypts; accepts the claims the peer copies into the header.
JWE_REGISTRY = jwe.JWERegistry(algorithms=["RSA-OAEP-256", "A256GCM"], strict_check_header=False)
SUCCEEDED = "Tunnistautuminen onnistui"
FAILED = "Tunnistuspalvelu ei pystynyt tunnistamaan sinua."


@dataclass(frozen=True)
class Login:
    authorization_url: str
    landing: requests.Response

    @property
    def callback_query(self) -> dict[str, str]:
        """What the peer sent back to the portal's callback."""
        callback = next(r.url for r in self.landing.history if "/identity/oidc/callback/" in r.url)
        return {k: v[0] for k, v in parse_qs(urlsplit(callback).query).items()}


def log_in(portal_url: str, *, alter_request: Callable[[str], str] | None = None) -> Login:
    """Log in as the peer's test person; `alter_request` may change the authorization URL on its
    way through the browser."""
    # Closed at the end: a kept-alive connection would hold a live-server thread past the test.
    with requests.Session() as browser:
        page = browser.get(f"{portal_url}/fi/kirjaudu/", params={"next": "/fi/palvelut/"})
        start = form(page.text, "/fi/kirjaudu/aloita/")
        redirect = browser.post(
            f"{portal_url}/fi/kirjaudu/aloita/", data=start.fields, allow_redirects=False
        )
        authorization_url = redirect.headers["Location"]
        if alter_request:
            authorization_url = alter_request(authorization_url)
        page = browser.get(authorization_url)
        # oidc-provider's development interactions: a login form (any name), then a consent form.
        for _ in range(2):
            if "/interaction/" not in page.url:
                break
            prompt = form(page.text, urlsplit(page.url).path)
            data = dict(prompt.fields)
            if data["prompt"] == "login":
                data.update(login="testila-tessa", password="any")
            page = browser.post(prompt.action, data=data)
    return Login(authorization_url, page)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def header_of(token: str) -> dict[str, Any]:
    return dict(json.loads(_unb64(token.split(".")[0])))


def unverified_claims(token: str) -> dict[str, Any]:
    return dict(json.loads(_unb64(token.split(".")[1])))


def signed(token: str, key: RSAKey, **changes: Any) -> str:
    """The token's claims, with `changes`, signed anew with `key` under the same kid."""
    header = {"alg": "RS256", "kid": header_of(token)["kid"]}
    return jwt.encode(header, {**unverified_claims(token), **changes}, key)


def payload_changed(token: str, **changes: Any) -> str:
    """The token with `changes` in its claims and its original signature."""
    header, _, signature = token.split(".")
    payload = _b64(json.dumps({**unverified_claims(token), **changes}).encode())
    return f"{header}.{payload}.{signature}"


def unsigned(token: str) -> str:
    """The token's claims with `alg: none` and no signature."""
    return f"{_b64(json.dumps({'alg': 'none'}).encode())}.{token.split('.')[1]}."


def decrypted(token: str, key: RSAKey) -> str:
    plaintext = jwe.decrypt_compact(token, key, registry=JWE_REGISTRY).plaintext
    return (plaintext or b"").decode()


def reencrypted(token: str, key: RSAKey, change: Callable[[str], str]) -> str:
    """An encrypted token decrypted with `key`, its content changed, encrypted again to `key`."""
    header = {"alg": "RSA-OAEP-256", "enc": "A256GCM", "cty": "JWT", "kid": key.kid}
    return jwe.encrypt_compact(header, change(decrypted(token, key)), key, registry=JWE_REGISTRY)
