"""SAML 2.0 endpoints registered at Suomi.fi: metadata, assertion consumer, single logout.

They exist only while IDENTITY_PROVIDER=saml. Starting a login and the portal's own logout go
through the common views, which call the provider.
"""

import logging

from django.contrib.auth import logout
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from saml2.client import Saml2Client

from asiointi.identity import services
from asiointi.identity.providers.base import IdentificationFailed
from asiointi.identity.providers.registry import provider
from asiointi.identity.providers.saml import SamlProvider
from asiointi.identity.providers.saml_logout import (
    LogoutMessageInvalid,
    logout_request_read,
    logout_response_read,
)
from asiointi.identity.providers.saml_metadata import metadata_xml
from asiointi.identity.views import failure_redirect

logger = logging.getLogger(__name__)


def _saml() -> SamlProvider:
    saml = provider()
    if not isinstance(saml, SamlProvider):
        raise Http404
    return saml


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def saml_metadata(request: HttpRequest) -> HttpResponse:
    _saml()
    return HttpResponse(metadata_xml(_base_url(request)), content_type="application/xml")


# Protected by the signed Response and its InResponseTo, tied to this browser (saml_pending).
@csrf_exempt
@require_POST
@never_cache
def saml_acs(request: HttpRequest) -> HttpResponse:
    saml = _saml()
    pending = saml.pending(request)
    language = pending.language if pending else translation.get_language_from_request(request)
    next_url = pending.next_url if pending else ""
    with translation.override(language):
        try:
            identification = saml.complete_pending(request, pending)
        except IdentificationFailed as failure:
            return failure_redirect(request, failure, next_url=next_url)
        request.session[services.SESSION_NEXT] = next_url
        services.person_login(request=request, identification=identification)
        return HttpResponseRedirect(reverse("identity:login_succeeded"))


# Suomi.fi POSTs here from its own site, without the portal's CSRF token: the IdP's signature
# on the message is what is checked.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def saml_sls(request: HttpRequest) -> HttpResponse:
    """Suomi.fi's LogoutRequest (the person logged out elsewhere) or its LogoutResponse."""
    client = _saml().client(request)
    received = request.POST if request.method == "POST" else request.GET
    if "SAMLRequest" in received:
        return _logout_request_answer(request, client)
    if "SAMLResponse" in received:
        logout_response_read(client, request)  # the portal session ended before the request
        if request.method == "POST":
            # A cross-site POST brings no language cookie; the redirect back (a GET) does.
            return HttpResponseRedirect(reverse("identity_protocol:provider_logged_out"))
        with translation.override(translation.get_language_from_request(request)):
            return HttpResponseRedirect(reverse("identity:logged_out"))
    return _logout_refused(request)


def _logout_request_answer(request: HttpRequest, client: Saml2Client) -> HttpResponse:
    try:
        received = logout_request_read(client, request)
    except LogoutMessageInvalid as error:
        logger.warning("SAML logout request refused: %s", error)
        return _logout_refused(request)
    for session_index in received.session_indexes or [""]:
        services.sessions_end_for_provider_session(
            provider="saml", session_id=session_index, subject=received.subject
        )
    if request.user.is_authenticated and not request.session.exists(
        request.session.session_key or ""
    ):
        # This browser's own session was among them: forget it here too, or the session
        # middleware would try to save a session that no longer exists.
        logout(request)
    return HttpResponseRedirect(received.answer_url)


def _logout_refused(request: HttpRequest) -> HttpResponse:
    """The portal's own page for a logout message that is not a valid one from Suomi.fi."""
    with translation.override(translation.get_language_from_request(request)):
        return render(request, "identity/logout_refused.html", status=400)
