"""The test e-Authorizations service: the "ypa" Web API and the organisation selection page."""

import base64
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from asiointi.devidp import valtuudet
from asiointi.devidp.context import idp_view
from asiointi.devidp.flow import LANGUAGES
from asiointi.devidp.models import DemoOrganisation
from asiointi.devidp.valtuudet import Refused

INVALID_REQUEST = _(
    "The request to choose an organisation is not valid or has expired. "
    "Return to the e-services and try again."
)


def _refusal(refused: Refused) -> JsonResponse:
    return JsonResponse({"error": refused.error}, status=refused.status)


@require_safe
@idp_view
def register(request: HttpRequest, client_id: str, identity_code: str) -> HttpResponse:
    try:
        valtuudet.header_verify(request)
        if client_id != request.META[valtuudet.HEADER].split(" ")[0]:
            raise Refused(401, "client id differs from the header's")
    except Refused as refused:
        return _refusal(refused)
    session = valtuudet.session_register(client_id=client_id, identity_code=identity_code)
    return JsonResponse({"sessionId": session.session_id, "userId": session.user_id})


def _language(request: HttpRequest) -> str:
    language = request.GET.get("lang") or request.POST.get("lang", "")
    return language if language in LANGUAGES else "fi"


def _error_page(request: HttpRequest) -> HttpResponse:
    context = {"message": INVALID_REQUEST}
    return render(request, "devidp/organisations_error.html", context, status=400)


@require_safe
@idp_view
def authorize(request: HttpRequest) -> HttpResponse:
    """The selection page: the person's organisations, and (to test refusals) the others."""
    with translation.override(_language(request)):
        params = request.GET
        session = valtuudet.session_for_user(params.get("user", ""))
        if (
            params.get("client_id") != settings.DEVIDP_VALTUUDET_CLIENT_ID
            or params.get("response_type") != "code"
            or not valtuudet.redirect_uri_check(params.get("redirect_uri", ""))
            or session is None
        ):
            return _error_page(request)
        roles, others = valtuudet.choices_for(session)
        context = {
            "user": session.user_id,
            "redirect_uri": params["redirect_uri"],
            "lang": _language(request),
            "roles": roles,
            "others": others,
        }
        return render(request, "devidp/organisations.html", context)


@require_POST
@idp_view
def select(request: HttpRequest) -> HttpResponse:
    with translation.override(_language(request)):
        session = valtuudet.session_for_user(request.POST.get("user", ""))
        redirect_uri = request.POST.get("redirect_uri", "")
        if session is None or not valtuudet.redirect_uri_check(redirect_uri):
            return _error_page(request)
        if request.POST.get("action") == "cancel":
            return HttpResponseRedirect(f"{redirect_uri}?{urlencode({'error': 'access_denied'})}")
        organisation = DemoOrganisation.objects.filter(
            identifier=request.POST.get("organisation", "")
        ).first()
        if organisation is None:
            return authorize_again(request, session.user_id, redirect_uri)
        code = valtuudet.code_issue(
            session=session, organisation=organisation, redirect_uri=redirect_uri
        )
        return HttpResponseRedirect(f"{redirect_uri}?{urlencode({'code': code})}")


def authorize_again(request: HttpRequest, user_id: str, redirect_uri: str) -> HttpResponse:
    query = urlencode(
        {
            "client_id": settings.DEVIDP_VALTUUDET_CLIENT_ID,
            "response_type": "code",
            "redirect_uri": redirect_uri,
            "user": user_id,
            "lang": _language(request),
        }
    )
    return HttpResponseRedirect(f"{reverse('devidp:valtuudet_authorize')}?{query}")


def _basic_auth(request: HttpRequest) -> tuple[str, str]:
    scheme, _space, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return "", ""
    try:
        client_id, _colon, password = base64.b64decode(encoded).decode().partition(":")
    except ValueError:
        return "", ""
    return client_id, password


@csrf_exempt
@require_POST
@idp_view
def token(request: HttpRequest) -> HttpResponse:
    try:
        valtuudet.header_verify(request)
        if not valtuudet.client_password_check(*_basic_auth(request)):
            raise Refused(401, "invalid_client")
        if request.POST.get("grant_type") != "authorization_code":
            raise Refused(400, "unsupported_grant_type")
        access_token, lifetime = valtuudet.token_issue(
            code=request.POST.get("code", ""), redirect_uri=request.POST.get("redirect_uri", "")
        )
    except Refused as refused:
        return _refusal(refused)
    return JsonResponse(
        {"access_token": access_token, "token_type": "bearer", "expires_in": lifetime}
    )


@require_safe
@idp_view
def organization_roles(request: HttpRequest, session_id: str) -> HttpResponse:
    try:
        valtuudet.header_verify(request)
        scheme, _space, access_token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            raise Refused(401, "invalid_token")
        answer = valtuudet.roles_answer(session_id=session_id, access_token=access_token)
    except Refused as refused:
        return _refusal(refused)
    return JsonResponse(answer, safe=False)
