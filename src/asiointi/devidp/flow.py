"""The steps of an identification in protocol terms, between the person's pages and authlib.

The first request is checked in full (including any request object); its resolved parameters
then travel between the pages signed by the provider, and each step checks them again.
"""

from dataclasses import dataclass
from typing import Any

from authlib.oauth2.rfc6749 import OAuth2Error, OAuth2Request
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from asiointi.devidp.claims import METHOD_AMR, Authentication
from asiointi.devidp.models import IdpSession
from asiointi.devidp.server import server

SIGNING_SALT = "asiointi.devidp.authorization"
MAX_AGE_SECONDS = 30 * 60
LANGUAGES = ("fi", "sv", "en")


class ServerError(OAuth2Error):  # type: ignore[misc]
    error = "server_error"


class TemporarilyUnavailable(OAuth2Error):  # type: ignore[misc]
    error = "temporarily_unavailable"


class Expired(Exception):
    """The pages' signed parameters are too old or not the provider's."""


@dataclass
class Step:
    request: OAuth2Request
    grant: AuthorizationCodeGrant

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.request.payload.data)

    @property
    def signed_params(self) -> str:
        return signing.dumps(self.params, salt=SIGNING_SALT, compress=True)


def _validated(oauth_request: OAuth2Request, end_user: IdpSession | None) -> Step:
    # authlib's get_consent_grant, on a protocol request built here rather than from the HTTP one.
    try:
        oauth_request.user = end_user
        grant = server().get_authorization_grant(oauth_request)
        grant.validate_no_multiple_request_parameter(oauth_request)
        grant.validate_consent_request()
    except OAuth2Error as error:
        error.state = oauth_request.payload.state
        raise
    return Step(oauth_request, grant)


def begin(request: HttpRequest, *, session: IdpSession | None) -> Step:
    """Check a client's authorization request; OAuth2Error if it cannot be served."""
    return _validated(server().create_oauth2_request(request), session)


def resume(request: HttpRequest, signed_params: str, *, session: IdpSession | None) -> Step:
    """Check again, at a later step, the request the identification began with."""
    try:
        params = signing.loads(signed_params, salt=SIGNING_SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as error:
        raise Expired from error
    oauth_request = server().create_oauth2_request(request)
    oauth_request.payload = BasicOAuth2Payload(params)
    oauth_request.devidp_resumed = True
    return _validated(oauth_request, session)


def language(params: dict[str, Any]) -> str:
    """The first of the client's ui_locales the pages are written in, else the browser's choice."""
    for tag in str(params.get("ui_locales") or "").split():
        if tag.split("-")[0].lower() in LANGUAGES:
            return tag.split("-")[0].lower()
    return translation.get_language() or LANGUAGES[0]


def page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    params: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    with translation.override(language(params or {})):
        response = render(request, template, context, status=status)
        response["Content-Language"] = translation.get_language()
    return response


def error_page(request: HttpRequest, error: OAuth2Error | Expired) -> HttpResponse:
    """An error that cannot be sent back: the redirect_uri is unknown, so nothing is redirected."""
    code = getattr(error, "error", "expired")
    description = getattr(error, "description", "")
    context = {"error": code, "description": description}
    return page(request, "devidp/error.html", context, status=400)


def error_response(request: HttpRequest, error: OAuth2Error) -> HttpResponse:
    if error.redirect_uri:
        response: HttpResponse = server().handle_error_response(None, error)
        return response
    return error_page(request, error)


def answer(step: Step, authentication: Authentication | None) -> HttpResponse:
    """The redirect back to the client: a code, or access_denied when no one was identified."""
    response: HttpResponse = server().create_authorization_response(
        request=step.request, grant_user=authentication, grant=step.grant
    )
    return response


def fail(step: Step, error_class: type[OAuth2Error]) -> HttpResponse:
    error = error_class(redirect_uri=step.grant.redirect_uri, state=step.request.payload.state)
    response: HttpResponse = server().handle_error_response(step.request, error)
    return response


def authentication(*, step: Step, session: IdpSession) -> Authentication:
    """What the client is told about the session's identification."""
    return Authentication(
        person_key=session.person_key,
        client_id=step.grant.client.client_id,
        sid=session.sid,
        acr=session.acr,
        amr=(METHOD_AMR[session.method],),
        auth_time=int(session.auth_time.timestamp()),
    )
