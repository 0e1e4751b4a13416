"""OpenID Connect relying party (authlib), with the Finnish Trust Network profile's options:
private_key_jwt client authentication, signed request objects and encrypted ID tokens."""

import logging
import re
import time
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_variables
from joserfc import jwe, jwt
from joserfc.errors import (
    BadSignatureError,
    ClaimError,
    ExpiredTokenError,
    InvalidKeyIdError,
    JoseError,
    MissingAlgorithmError,
    MissingClaimError,
    UnsupportedAlgorithmError,
)
from joserfc.jwe import JWERegistry
from joserfc.registry import HeaderParameter
from requests import RequestException

from asiointi.identity.keys import ENCRYPTION_USE, SIGNING_USE, key_for
from asiointi.identity.providers.base import (
    ACR_TO_LOA,
    Identification,
    IdentificationFailed,
    ProviderLogout,
    ProviderSession,
)
from asiointi.identity.providers.claims import (
    GIVEN_NAME,
    HETU,
    MAIL,
    MUNICIPALITY_CODE,
    MUNICIPALITY_NAME_FI,
    POST_OFFICE_FI,
    POSTAL_CODE,
    STREET_ADDRESS_FI,
    SURNAME,
)
from asiointi.privacy.identity_codes import identity_code_normalise

logger = logging.getLogger(__name__)

STARTED_AT_KEY = "identity_oidc_started_at"
# The standard claims (OpenID Connect Core 5.1, scope "profile" / "email"), read where a provider
# does not give the Finnish Trust Network's names.
STANDARD_GIVEN_NAME = "given_name"
STANDARD_FAMILY_NAME = "family_name"
STANDARD_EMAIL = "email"
# joserfc refuses RSA-OAEP-256 by default (FTN uses it), and iss/aud in a JWE header, which
# providers copy there from the claims (RFC 7519 section 5.3; oidc-provider does).
JWE_REGISTRY = JWERegistry(
    header_registry={
        "iss": HeaderParameter("Issuer, copied from the claims", "str"),
        "aud": HeaderParameter("Audience, copied from the claims", lambda value: None),
    },
    algorithms=["RSA-OAEP-256", "RSA-OAEP", "A256GCM", "A128CBC-HS256"],
)


def callback_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("identity_protocol:oidc_callback"))


class OidcProvider:
    name = "oidc"

    @cached_property
    def app(self) -> DjangoOAuth2App:
        client_kwargs: dict[str, Any] = {
            "scope": settings.OIDC_SCOPE,
            "code_challenge_method": "S256",
            "timeout": 10,
        }
        client_secret: Any = settings.OIDC_CLIENT_SECRET
        auth_methods = None
        if settings.OIDC_CLIENT_AUTH == "private_key_jwt":
            signing_key = key_for(SIGNING_USE)
            client_secret = signing_key
            client_kwargs["token_endpoint_auth_method"] = PrivateKeyJWT.name
            auth_methods = [PrivateKeyJWT(headers={"kid": signing_key.kid})]
        else:
            client_kwargs["token_endpoint_auth_method"] = settings.OIDC_CLIENT_AUTH
        oauth = OAuth()
        return oauth.register(  # type: ignore[no-any-return]
            name="oidc",
            client_id=settings.OIDC_CLIENT_ID,
            client_secret=client_secret,
            server_metadata_url=f"{settings.OIDC_ISSUER}/.well-known/openid-configuration",
            client_kwargs=client_kwargs,
            client_auth_methods=auth_methods,
        )

    def start(self, request: HttpRequest, *, language: str) -> HttpResponse:
        params = {"acr_values": settings.OIDC_ACR_VALUES, "ui_locales": language}
        if settings.OIDC_SIGNED_REQUESTS:
            params = self._request_object_params(request, params)
        request.session[STARTED_AT_KEY] = time.time()
        try:
            # Not authorize_redirect(): its own `request` argument would clash with the request
            # object parameter of the same name.
            authorization = self.app.create_authorization_url(callback_url(request), **params)
            self.app.save_authorize_data(
                request, redirect_uri=callback_url(request), **authorization
            )
            return HttpResponseRedirect(authorization["url"])
        except (RequestException, OAuthError, ValueError) as error:
            raise IdentificationFailed(IdentificationFailed.FAILED, refusal(error)) from error

    def _request_object_params(
        self, request: HttpRequest, params: dict[str, str]
    ) -> dict[str, str]:
        """A signed request object (RFC 9101) carrying every authorization parameter."""
        state, nonce, verifier = generate_token(30), generate_token(30), generate_token(48)
        from authlib.oauth2.rfc7636 import create_s256_code_challenge

        signing_key = key_for(SIGNING_USE)
        claims = {
            "iss": settings.OIDC_CLIENT_ID,
            "aud": settings.OIDC_ISSUER,
            "client_id": settings.OIDC_CLIENT_ID,
            "response_type": "code",
            "redirect_uri": callback_url(request),
            "scope": settings.OIDC_SCOPE,
            "state": state,
            "nonce": nonce,
            "code_challenge": create_s256_code_challenge(verifier),
            "code_challenge_method": "S256",
            "iat": int(time.time()),
            "exp": int(time.time()) + 300,
            "jti": generate_token(20),
            **params,
        }
        header = {"alg": "RS256", "kid": signing_key.kid, "typ": "oauth-authz-req+jwt"}
        request_object = jwt.encode(header, claims, signing_key)
        return {
            **params,
            "state": state,
            "nonce": nonce,
            "code_verifier": verifier,
            "request": request_object,
        }

    def complete(self, request: HttpRequest) -> Identification:
        state = request.GET.get("state", "")
        framework = self.app.framework
        state_data = framework.get_state_data(request.session, state) if state else None
        if state_data:
            framework.clear_state_data(request.session, state)
        error = request.GET.get("error")
        if error:
            reason = (
                IdentificationFailed.CANCELLED
                if error == "access_denied"
                else IdentificationFailed.FAILED
            )
            detail = f"provider answered {_code(error)}"
            raise IdentificationFailed(reason, detail, foreign=not state_data)
        if not state_data:
            # No or unknown state: a replayed or forged answer, or one for a session that has
            # ended. A login this session has under way is left to finish.
            raise IdentificationFailed(
                IdentificationFailed.EXPIRED,
                "state mismatch (unknown or already used)" if state else "no state",
                foreign=True,
            )
        started_at = request.session.pop(STARTED_AT_KEY, 0)
        if time.time() - started_at > settings.IDENTIFICATION_TIMEOUT_SECONDS:
            raise IdentificationFailed(IdentificationFailed.EXPIRED, "took too long")
        claims, id_token = self._fetch_claims(request, state_data)
        return self._identification(claims, id_token=id_token)

    @method_decorator(sensitive_variables("token", "claims"))
    def _fetch_claims(
        self, request: HttpRequest, state_data: dict[str, Any]
    ) -> tuple[dict[str, Any], str]:
        """The verified claims, and the (signed, not encrypted) ID token they came in."""
        try:
            token = self.app.fetch_access_token(
                redirect_uri=state_data.get("redirect_uri"),
                code=request.GET.get("code", ""),
                code_verifier=state_data.get("code_verifier"),
            )
            if settings.OIDC_ENCRYPTED_ID_TOKEN:
                try:
                    token["id_token"] = decrypt(token["id_token"])
                except JoseError as error:
                    raise IdentificationFailed(
                        IdentificationFailed.FAILED, "ID token could not be decrypted"
                    ) from error
            # The token must be for this client from the configured issuer, whatever the
            # discovery document says; authlib alone checks only the issuer.
            claims_options = {
                "iss": {"essential": True, "values": [settings.OIDC_ISSUER]},
                "aud": {"essential": True, "values": [settings.OIDC_CLIENT_ID]},
            }
            claims = self._verified_id_token(
                token, nonce=state_data.get("nonce"), claims_options=claims_options
            )
            if settings.OIDC_USE_USERINFO:
                claims.update(self._userinfo(token))
        except IdentificationFailed:
            raise
        except (OAuthError, RequestException, JoseError, KeyError, ValueError) as error:
            # A refused code (reused, expired), a bad signature, a wrong nonce or audience.
            raise IdentificationFailed(IdentificationFailed.FAILED, refusal(error)) from error
        return claims, str(token["id_token"])

    def _verified_id_token(
        self, token: dict[str, Any], *, nonce: str | None, claims_options: dict[str, Any]
    ) -> dict[str, Any]:
        try:
            return dict(self.app.parse_id_token(token, nonce=nonce, claims_options=claims_options))
        except BadSignatureError:
            # A provider may rotate its signing key under the same key id, which authlib's own
            # fetch for an unknown key id misses: fetch the keys once more, then refuse.
            logger.info("ID token signature did not verify with the cached keys: fetching again")
            self.app.fetch_jwk_set(force=True)
            return dict(self.app.parse_id_token(token, nonce=nonce, claims_options=claims_options))

    def _userinfo(self, token: dict[str, Any]) -> dict[str, Any]:
        response = self.app.get(self.app.load_server_metadata()["userinfo_endpoint"], token=token)
        response.raise_for_status()
        if "json" in response.headers.get("Content-Type", ""):
            return dict(response.json())
        # A JWT userinfo: encrypted (FTN), or signed only.
        text = response.text
        if text.count(".") == 4:
            text = decrypt(text)
        from joserfc.jwk import KeySet

        try:
            return dict(jwt.decode(text, KeySet.import_key_set(self.app.fetch_jwk_set())).claims)
        except (BadSignatureError, InvalidKeyIdError):
            key_set = KeySet.import_key_set(self.app.fetch_jwk_set(force=True))
            return dict(jwt.decode(text, key_set).claims)

    @method_decorator(sensitive_variables("claims", "identity_code", "id_token"))
    def _identification(self, claims: dict[str, Any], *, id_token: str = "") -> Identification:
        loa = ACR_TO_LOA.get(claims.get("acr", ""))
        if loa is None or claims.get("acr") not in settings.OIDC_ACCEPTED_ACR:
            raise IdentificationFailed(
                IdentificationFailed.LOW_ASSURANCE, f"acr too weak: {claims.get('acr')}"
            )
        try:
            identity_code = identity_code_normalise(str(claims.get(HETU, "")))
        except ValidationError as error:
            raise IdentificationFailed(
                IdentificationFailed.FAILED, "identity code missing or invalid"
            ) from error
        amr = claims.get("amr") or []
        return Identification(
            identity_code=identity_code,
            first_names=str(claims.get(GIVEN_NAME) or claims.get(STANDARD_GIVEN_NAME) or ""),
            last_name=str(claims.get(SURNAME) or claims.get(STANDARD_FAMILY_NAME) or ""),
            loa=loa,
            method=str(amr[0] if isinstance(amr, list) and amr else amr or ""),
            provider=self.name,
            provider_session_id=str(claims.get("sid", "")),
            provider_subject=str(claims.get("sub", "")),
            email=str(claims.get(MAIL) or claims.get(STANDARD_EMAIL) or ""),
            home_municipality_code=str(claims.get(MUNICIPALITY_CODE, "")),
            home_municipality_name=str(claims.get(MUNICIPALITY_NAME_FI, "")),
            street_address=str(claims.get(STREET_ADDRESS_FI, "")),
            postal_code=str(claims.get(POSTAL_CODE, "")),
            post_office=str(claims.get(POST_OFFICE_FI, "")),
            id_token=id_token,
        )

    def logout(
        self, request: HttpRequest, *, return_url: str, ended: ProviderSession | None
    ) -> ProviderLogout | None:
        """RP-Initiated Logout. With the ID token as id_token_hint the provider ends its session
        without asking the person again; the token holds the identity code, so it is POSTed."""
        try:
            endpoint = self.app.load_server_metadata().get("end_session_endpoint")
        except (RequestException, ValueError):
            return None
        if not endpoint:
            return None
        params = {
            "client_id": settings.OIDC_CLIENT_ID,
            "post_logout_redirect_uri": return_url,
            "ui_locales": get_language() or settings.LANGUAGE_CODE,
        }
        if ended is not None and ended.provider == self.name and ended.id_token:
            return ProviderLogout(endpoint, form={**params, "id_token_hint": ended.id_token})
        return ProviderLogout(f"{endpoint}?{urlencode(params)}")


def _code(value: object) -> str:
    """An OAuth error code as the log may show it: codes are lowercase words (RFC 6749, 5.2)."""
    text = str(value or "")
    return text if re.fullmatch(r"[a-z_]{1,40}", text) else "an unknown error"


def refusal(error: Exception) -> str:
    """Why an answer was refused, in words for the server log: never a token or a claim's
    value, only the check that failed."""
    if isinstance(error, BadSignatureError):
        return "signature did not verify"
    if isinstance(error, InvalidKeyIdError):
        return "signed with a key the provider does not publish"
    if isinstance(error, ExpiredTokenError):
        return "ID token expired"
    if isinstance(error, MissingClaimError):
        return f"claim {error.claim} missing"
    if isinstance(error, ClaimError):
        return f"claim {error.claim} not accepted"
    if isinstance(error, UnsupportedAlgorithmError | MissingAlgorithmError):
        return "signing algorithm not accepted"
    if isinstance(error, JoseError):
        return f"ID token not accepted ({type(error).__name__})"
    if isinstance(error, OAuthError):
        return f"provider refused the token request: {_code(error.error)}"
    if isinstance(error, RequestException):
        return f"provider not reachable ({type(error).__name__})"
    if isinstance(error, KeyError):
        return "provider's answer incomplete"
    return f"answer not accepted ({type(error).__name__})"


def decrypt(token: str) -> str:
    """An encrypted (JWE) token's content, with the portal's encryption key."""
    return jwe.decrypt_compact(
        token, key_for(ENCRYPTION_USE), registry=JWE_REGISTRY
    ).plaintext.decode()  # type: ignore[union-attr]
