"""The OpenID Provider, assembled from authlib's server components.

Authorization code flow only, PKCE S256 required, nonce required; clients authenticate with a
secret (basic or post) or private_key_jwt; request objects (RFC 9101) are accepted, and required
of clients registered so; ID tokens are RS256-signed and, for clients that ask, encrypted.
"""

from functools import cache
from typing import Any

from authlib.integrations.django_oauth2 import AuthorizationServer, BearerTokenValidator
from authlib.integrations.django_oauth2 import ResourceProtector as DjangoResourceProtector
from authlib.oauth2.rfc6749 import InvalidClientError, InvalidRequestError, OAuth2Request
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc7523 import JWTBearerClientAssertion
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc9101.errors import InvalidRequestObjectError
from authlib.oidc.core import OpenIDCode, OpenIDJWTAuthenticationRequest
from joserfc.jwk import KeySet

from asiointi.devidp import keys, tokens
from asiointi.devidp.claims import Authentication, authentication_claims
from asiointi.devidp.clients import client_by_id
from asiointi.devidp.context import current_issuer
from asiointi.devidp.endsession import EndSession
from asiointi.devidp.models import AccessToken, AuthorizationCode, Client

ID_TOKEN_SECONDS = 600


class Server(AuthorizationServer):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(Client, AccessToken)

    def load_config(self, config: dict[str, Any]) -> None:
        # Its own configuration, not the AUTHLIB_OAUTH2_PROVIDER setting the portal could use.
        lifetime = int(tokens.ACCESS_TOKEN_LIFETIME.total_seconds())
        super().load_config({"token_expires_in": {"authorization_code": lifetime}})

    def query_client(self, client_id: str) -> Client | None:
        return client_by_id(client_id)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> AccessToken:
        return tokens.access_token_create(
            token=token, client=request.client, code=request.authorization_code
        )


class CodeGrant(AuthorizationCodeGrant):  # type: ignore[misc]
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "private_key_jwt"]

    def save_authorization_code(self, code: str, request: OAuth2Request) -> AuthorizationCode:
        return tokens.code_create(
            code=code,
            client=request.client,
            authentication=request.user,
            issuer=current_issuer(),
            params={**request.payload.data, "scope": request.scope},
        )

    def query_authorization_code(self, code: str, client: Client) -> AuthorizationCode | None:
        return tokens.code_redeem(code=code, client=client)

    def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
        pass  # spent when redeemed, and kept: a second use must find it to revoke its tokens

    def authenticate_user(self, authorization_code: AuthorizationCode) -> Authentication:
        return authorization_code.authentication()


class RequiredS256(CodeChallenge):  # type: ignore[misc]
    """PKCE for every client, confidential ones too, and only with S256."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: CodeGrant, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: missing 'code_challenge'.")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("PKCE is required with code_challenge_method=S256.")
        super().validate_code_challenge(grant, redirect_uri)


class IdToken(OpenIDCode):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(require_nonce=True)

    def exists_nonce(self, nonce: str, request: OAuth2Request) -> bool:
        return AuthorizationCode.objects.filter(
            client__client_id=request.payload.client_id, nonce=nonce
        ).exists()

    def resolve_client_private_key(self, client: Client) -> Any:
        return keys.signing_key()

    def get_client_algorithm(self, client: Client) -> str:
        return keys.SIGNING_ALG

    def get_encode_header(self, client: Client) -> dict[str, str]:
        return {"alg": keys.SIGNING_ALG, "kid": keys.signing_key().kid or ""}

    def get_client_claims(self, client: Client) -> dict[str, Any]:
        return {"iss": current_issuer(), "aud": client.client_id}

    def get_compatible_claims(self, request: OAuth2Request) -> dict[str, Any]:
        claims: dict[str, Any] = super().get_compatible_claims(request)
        claims["exp"] = claims["iat"] + ID_TOKEN_SECONDS
        return claims

    def generate_user_info(self, user: Authentication, scope: str) -> dict[str, Any]:
        return authentication_claims(user)

    def encode_id_token(self, token: dict[str, Any], request: OAuth2Request) -> str:
        id_token: str = super().encode_id_token(token, request)
        if request.client.encrypt_tokens:
            return keys.encrypt_for(request.client, id_token)
        return id_token


class PrivateKeyJwt(JWTBearerClientAssertion):  # type: ignore[misc]
    CLIENT_AUTH_METHOD = "private_key_jwt"

    def __init__(self) -> None:
        super().__init__(validate_jti=True, leeway=30)

    def get_audiences(self) -> list[str]:
        return [f"{current_issuer()}/token", current_issuer()]

    def extract_assertion(self, assertion: str) -> tuple[dict[str, Any], dict[str, Any]]:
        headers, claims = super().extract_assertion(assertion)
        if not headers.get("kid"):
            # The Trust Network requires it; a test provider that let it pass would hide the bug.
            raise InvalidClientError(description="The client assertion has no 'kid' header.")
        return headers, claims

    def resolve_client_public_key(self, client: Client) -> KeySet:
        try:
            return keys.client_verification_keys(client)
        except keys.ClientKeyError as error:
            raise InvalidClientError(description=str(error)) from error

    def validate_jti(self, claims: dict[str, Any], jti: str) -> bool:
        client = client_by_id(claims["sub"])
        if client is None:
            return False
        return tokens.assertion_first_use(client=client, jti=str(jti), expires_at=claims["exp"])


class RequestObjects(OpenIDJWTAuthenticationRequest):  # type: ignore[misc]
    """Signed request objects by value (`request=`); `request_uri` is not supported."""

    def __init__(self) -> None:
        super().__init__(support_request=True, support_request_uri=False)

    def parse_authorization_request(self, server: Server, request: OAuth2Request) -> None:
        if getattr(request, "devidp_resumed", False):
            return  # a later step of an identification: its request was checked at the start
        had_request_object = "request" in request.payload.data
        super().parse_authorization_request(server, request)
        audience = request.payload.data.get("aud") if had_request_object else None
        audiences = audience if isinstance(audience, list) else [audience]
        if had_request_object and current_issuer() not in audiences:
            raise InvalidRequestObjectError(
                description="The request object's 'aud' must be the issuer.",
                state=request.payload.state,
            )

    def resolve_client_public_key(self, client: Client) -> KeySet:
        try:
            return keys.client_verification_keys(client)
        except keys.ClientKeyError as error:
            raise InvalidRequestObjectError(description=str(error)) from error

    def get_server_metadata(self) -> dict[str, Any]:
        return {"request_object_signing_alg_values_supported": keys.CLIENT_SIGNING_ALGS}

    def get_client_require_signed_request_object(self, client: Client) -> bool:
        return client.require_signed_request_object


class UserInfoTokens(BearerTokenValidator):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(AccessToken)

    def authenticate_token(self, token_string: str) -> AccessToken | None:
        return tokens.access_token_by_value(token_string)


@cache
def server() -> Server:
    built = Server()
    built.register_grant(CodeGrant, [RequiredS256(), IdToken()])
    built.register_client_auth_method(PrivateKeyJwt.CLIENT_AUTH_METHOD, PrivateKeyJwt())
    built.register_extension(RequestObjects())
    built.register_endpoint(EndSession)
    return built


@cache
def resource_protector() -> DjangoResourceProtector:
    protector = DjangoResourceProtector()
    protector.register_token_validator(UserInfoTokens())
    return protector
