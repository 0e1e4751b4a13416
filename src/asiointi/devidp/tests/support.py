"""What the tests do as a relying party and as the person's browser: build authorization
requests, read the provider's HTML forms as a browser would, exchange codes, check tokens."""

import base64
import secrets
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from django.test import Client as BrowserClient
from joserfc import jwt
from joserfc.jwk import KeySet

HOST = "localhost"
ORIGIN = f"http://{HOST}"
ISSUER = f"{ORIGIN}/devidp"
CALLBACK = f"{ORIGIN}/identity/oidc/callback/"
TESSA = "testila-tessa"
TESSA_HETU = "010280-952L"


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(Form(action=a.get("action", "")))
        elif tag == "input" and self.forms and a.get("name"):
            if a.get("type") == "radio" and "checked" not in a:
                return
            self.forms[-1].fields[a["name"]] = a.get("value", "")
        elif tag == "button" and self.forms and a.get("name"):
            self.forms[-1].buttons.append((a["name"], a.get("value", "")))


def form(html: str, action: str) -> Form:
    """The page's form that posts to `action`, with the values a browser would send."""
    parser = _FormParser()
    parser.feed(html)
    return next(f for f in parser.forms if f.action.endswith(action))


@dataclass
class AuthorizationRequest:
    params: dict[str, str]
    verifier: str

    @property
    def state(self) -> str:
        return self.params["state"]

    @property
    def nonce(self) -> str:
        return self.params["nonce"]


def authorization_request(
    *, client_id: str = "asiointi", redirect_uri: str = CALLBACK, **extra: str | None
) -> AuthorizationRequest:
    verifier = secrets.token_urlsafe(48)
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": "openid profile",
        "state": secrets.token_urlsafe(16),
        "nonce": secrets.token_urlsafe(16),
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
        **extra,
    }
    return AuthorizationRequest({k: v for k, v in params.items() if v is not None}, verifier)


def query(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def identify(
    browser: BrowserClient,
    request: AuthorizationRequest | dict[str, str],
    *,
    method: str = "bank",
    person: str = TESSA,
    outcome: str = "success",
) -> Any:
    """Walk the method chooser and the person chooser; the provider's final response."""
    params = request.params if isinstance(request, AuthorizationRequest) else request
    page = browser.get("/devidp/authorize", params)
    assert page.status_code == 200, page.content.decode()
    chooser = form(page.content.decode(), "/devidp/authorize/method")
    page = browser.post(chooser.action, {**chooser.fields, "action": method})
    assert page.status_code == 200, page.content.decode()
    persons = form(page.content.decode(), "/devidp/authorize/person")
    data = {**persons.fields, "person": person, "outcome": outcome, "action": "identify"}
    return browser.post(persons.action, data)


def basic(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def exchange(
    browser: BrowserClient,
    code: str,
    request: AuthorizationRequest,
    *,
    auth: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    **extra: str,
) -> Any:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": request.params["redirect_uri"],
        "code_verifier": request.verifier,
        **(auth or {}),
        **extra,
    }
    return browser.post("/devidp/token", {k: v for k, v in data.items() if v}, headers=headers)


def verified_claims(token: str, browser: BrowserClient) -> dict[str, Any]:
    """The claims of a JWT signed by the provider, checked against its published JWKS."""
    key_set = KeySet.import_key_set(browser.get("/devidp/jwks").json())
    return dict(jwt.decode(token, key_set, algorithms=["RS256"]).claims)


def signing_key_of(key_set: KeySet) -> Any:
    return next(key for key in key_set.keys if key.get("use") == "sig")


def encryption_key_of(key_set: KeySet) -> Any:
    return next(key for key in key_set.keys if key.get("use") == "enc")


def client_assertion(
    key_set: KeySet, client_id: str, *, audience: str = f"{ISSUER}/token", **overrides: Any
) -> str:
    """A private_key_jwt assertion as the Trust Network wants it: kid in the header, a jti."""
    key = signing_key_of(key_set)
    without_kid = overrides.pop("no_kid", False)
    now = int(time.time())
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": audience,
        "iat": now,
        "exp": now + 60,
        "jti": secrets.token_urlsafe(16),
        **overrides,
    }
    header = {"alg": "RS256"} if without_kid else {"alg": "RS256", "kid": key.kid}
    return jwt.encode(header, claims, key)


def assertion_auth(assertion: str) -> dict[str, str]:
    return {
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": assertion,
    }


def request_object(
    key_set: KeySet, request: AuthorizationRequest, *, audience: str = ISSUER, **overrides: Any
) -> dict[str, str]:
    """The authorization request as a signed request object (RFC 9101), sent by value."""
    key = signing_key_of(key_set)
    now = int(time.time())
    claims = {
        **request.params,
        "iss": request.params["client_id"],
        "aud": audience,
        "iat": now,
        "exp": now + 300,
        **overrides,
    }
    header = {"alg": "RS256", "kid": key.kid, "typ": "oauth-authz-req+jwt"}
    signed = jwt.encode(header, claims, key)
    return {
        "client_id": request.params["client_id"],
        "response_type": "code",
        "scope": "openid",
        "request": signed,
    }
