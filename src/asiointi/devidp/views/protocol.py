"""The machine-to-machine endpoints: discovery, keys, token and userinfo."""

from authlib.integrations.django_oauth2.resource_protector import return_error_response
from authlib.oauth2.rfc6749 import OAuth2Error
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.devidp import keys
from asiointi.devidp.claims import (
    ACR_VALUES_SUPPORTED,
    PERSON_CLAIMS,
    authentication_claims,
)
from asiointi.devidp.context import current_issuer, idp_view
from asiointi.devidp.models import SCOPES_SUPPORTED
from asiointi.devidp.server import resource_protector, server


def provider_metadata(issuer: str) -> dict[str, object]:
    client_auth = ["client_secret_basic", "client_secret_post", "private_key_jwt"]
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize",
        "token_endpoint": f"{issuer}/token",
        "userinfo_endpoint": f"{issuer}/userinfo",
        "jwks_uri": f"{issuer}/jwks",
        "end_session_endpoint": f"{issuer}/end-session",
        "scopes_supported": SCOPES_SUPPORTED,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["pairwise"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": client_auth,
        "token_endpoint_auth_signing_alg_values_supported": keys.CLIENT_SIGNING_ALGS,
        "id_token_signing_alg_values_supported": [keys.SIGNING_ALG],
        "id_token_encryption_alg_values_supported": [keys.ENCRYPTION_ALG],
        "id_token_encryption_enc_values_supported": [keys.ENCRYPTION_ENC],
        "userinfo_signing_alg_values_supported": [keys.SIGNING_ALG],
        "userinfo_encryption_alg_values_supported": [keys.ENCRYPTION_ALG],
        "userinfo_encryption_enc_values_supported": [keys.ENCRYPTION_ENC],
        "request_parameter_supported": True,
        "request_uri_parameter_supported": False,
        "request_object_signing_alg_values_supported": keys.CLIENT_SIGNING_ALGS,
        "acr_values_supported": ACR_VALUES_SUPPORTED,
        "claims_supported": ["sub", "acr", "amr", "sid", "auth_time", *PERSON_CLAIMS],
        "claims_parameter_supported": False,
        "ui_locales_supported": ["fi", "sv", "en"],
        "prompt_values_supported": ["none", "login"],
        "backchannel_logout_supported": True,
        "backchannel_logout_session_supported": True,
        "frontchannel_logout_supported": False,
    }


@require_safe
@idp_view
def discovery(request: HttpRequest) -> HttpResponse:
    return JsonResponse(provider_metadata(current_issuer()))


@require_safe
@idp_view
def jwks(request: HttpRequest) -> HttpResponse:
    return JsonResponse(keys.public_jwks(), content_type="application/jwk-set+json")


@csrf_exempt  # clients authenticate themselves; there is no browser form here
@require_POST
@idp_view
def token(request: HttpRequest) -> HttpResponse:
    try:
        response: HttpResponse = server().create_token_response(request)
    except OAuth2Error as error:  # plain http other than to a loopback address
        response = server().handle_error_response(None, error)
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
@idp_view
def userinfo(request: HttpRequest) -> HttpResponse:
    try:
        access_token = resource_protector().acquire_token(request, ["openid"])
    except OAuth2Error as error:
        response: HttpResponse = return_error_response(error)
        return response
    client = access_token.get_client()
    claims = authentication_claims(access_token.get_user())
    if not client.encrypt_tokens:
        return JsonResponse(claims)
    # The Trust Network's userinfo: signed by the provider, then encrypted to the client.
    signed = keys.sign({**claims, "iss": current_issuer(), "aud": client.client_id})
    return HttpResponse(keys.encrypt_for(client, signed), content_type="application/jwt")
