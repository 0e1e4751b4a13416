"""RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0)."""

from authlib.oauth2.rfc6749 import OAuth2Error
from authlib.oidc.rpinitiated import EndSessionRequest
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from asiointi.devidp import flow
from asiointi.devidp.backchannel import end_and_notify
from asiointi.devidp.context import idp_view
from asiointi.devidp.endsession import mark_confirmed
from asiointi.devidp.server import server
from asiointi.devidp.sessions import current_session, forget, person_of


def _logout_params(logout: EndSessionRequest) -> dict[str, str]:
    return {"ui_locales": logout.ui_locales or ""}


def _log_out(request: HttpRequest, logout: EndSessionRequest) -> HttpResponse:
    session = current_session(request)
    if session is not None:
        end_and_notify(session=session, initiator=logout.client)
    response: HttpResponse | None = server().create_endpoint_response("end_session", logout)
    if response is None:
        context = {"client": logout.client}
        response = flow.page(
            request, "devidp/logged_out.html", context, params=_logout_params(logout)
        )
    forget(response)
    return response


@csrf_exempt  # a client may POST its logout request
@require_http_methods(["GET", "POST"])
@idp_view
def end_session(request: HttpRequest) -> HttpResponse:
    try:
        logout = server().validate_endpoint_request("end_session", request)
    except OAuth2Error as error:
        return flow.error_page(request, error)  # never redirected (RP-Initiated Logout, 4)
    if logout.needs_confirmation:
        context = {
            "client": logout.client,
            "session_person": person_of(current_session(request)),
            "params": {
                key: value
                for key, value in logout.request.payload.data.items()
                if key in ("client_id", "post_logout_redirect_uri", "state", "ui_locales")
            },
        }
        params = _logout_params(logout)
        return flow.page(request, "devidp/logout_confirm.html", context, params=params)
    return _log_out(request, logout)


@require_POST
@idp_view
def end_session_confirm(request: HttpRequest) -> HttpResponse:
    mark_confirmed(request)
    try:
        logout = server().validate_endpoint_request("end_session", request)
    except OAuth2Error as error:
        return flow.error_page(request, error)
    return _log_out(request, logout)
