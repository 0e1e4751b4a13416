"""SAML 2.0 service provider for Suomi.fi e-Identification.

pysaml2's Saml2Client is used directly rather than through djangosaml2: the portal already has its
own provider layer, login service and user model, and djangosaml2 would add a second login flow,
its own user creation and its session handling, which loses the session on the cross-site POST
to the ACS (see saml_pending.py for how the portal avoids that).
"""

import base64
import binascii
import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_variables
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, ExtensionElement, SAMLError
from saml2.client import Saml2Client
from saml2.response import (
    AuthnResponse,
    StatusAuthnFailed,
    StatusError,
    StatusRequestDenied,
    UnsolicitedResponse,
    VerificationError,
)
from saml2.saml import NAMEID_FORMAT_TRANSIENT, NameID
from saml2.samlp import Extensions, response_from_string
from saml2.sigver import SignatureError
from saml2.validate import ResponseLifetimeExceed, ToEarly

from asiointi.identity.providers import saml_config as names
from asiointi.identity.providers.base import (
    ACR_TO_LOA,
    Identification,
    IdentificationFailed,
    ProviderLogout,
    ProviderSession,
)
from asiointi.identity.providers.saml_config import (
    SIGNING_ALGORITHM,
    endpoint_urls,
    idp_entity_id,
    sp_client,
)
from asiointi.identity.providers.saml_logout import LOGOUT_REQUEST_KEY
from asiointi.identity.providers.saml_pending import (
    PendingLogin,
    pending_find,
    pending_remember,
    pending_take,
)
from asiointi.identity.services import SESSION_NEXT
from asiointi.privacy.identity_codes import identity_code_normalise

logger = logging.getLogger(__name__)

# Suomi.fi's extension for the language of its pages.
VETUMA_NAMESPACE = "urn:vetuma:SAML:2.0:extensions"
MAX_CLIENTS = 8
# pysaml2's own fixed words for an assertion that is not for this service.
VERIFICATION_MESSAGES = {
    "No valid attesting address",
    "No valid recipient",
    "No valid subject confirmation",
    "Condition not OK",
}


def _location(http_info: dict[str, Any]) -> str:
    return str(dict(http_info["headers"])["Location"])


def in_response_to(encoded: str) -> str:
    """The request id a Response says it answers, read before anything is verified: it only
    picks the pending login, whose id the verified Response must then match."""
    try:
        response = response_from_string(base64.b64decode(encoded, validate=True))
    except (SAMLError, binascii.Error, ValueError, TypeError, SyntaxError):
        return ""
    return str(getattr(response, "in_response_to", "") or "")


def _failure(error: Exception) -> IdentificationFailed:
    if isinstance(error, StatusAuthnFailed | StatusRequestDenied):
        # Suomi.fi's answer when the person cancels
        return IdentificationFailed(IdentificationFailed.CANCELLED, "cancelled at the provider")
    if isinstance(error, ResponseLifetimeExceed):
        return IdentificationFailed(IdentificationFailed.EXPIRED, "response expired")
    if isinstance(error, UnsolicitedResponse):
        return IdentificationFailed(IdentificationFailed.EXPIRED, "response to no request")
    return IdentificationFailed(IdentificationFailed.FAILED, _refusal(error))


def _refusal(error: Exception) -> str:
    """Why a Response was refused, for the server log. pysaml2's messages may quote the
    assertion (a SignatureError carries the whole document): only known words are kept."""
    if isinstance(error, SignatureError):
        return "signature did not verify"
    if isinstance(error, ToEarly):
        return "response not valid yet"
    if isinstance(error, StatusError):
        return f"provider answered {type(error).__name__}"
    if isinstance(error, VerificationError) and str(error) in VERIFICATION_MESSAGES:
        return f"not for this service: {error}"
    if type(error) is Exception and str(error).startswith("AudienceRestrictions"):
        return "audience is another service"
    return f"response not accepted ({type(error).__name__})"


class SamlProvider:
    name = "saml"

    def __init__(self) -> None:
        self._clients: dict[str, Saml2Client] = {}

    def client(self, request: HttpRequest) -> Saml2Client:
        """The client for the host the request came to (its endpoints are absolute URLs)."""
        base_url = request.build_absolute_uri("/").rstrip("/")
        if base_url not in self._clients:
            if len(self._clients) >= MAX_CLIENTS:
                self._clients.clear()
            self._clients[base_url] = sp_client(base_url)
        return self._clients[base_url]

    def start(self, request: HttpRequest, *, language: str) -> HttpResponse:
        client = self.client(request)
        extensions = Extensions(
            extension_elements=[
                ExtensionElement(
                    "vetuma",
                    namespace=VETUMA_NAMESPACE,
                    children=[ExtensionElement("LG", namespace=VETUMA_NAMESPACE, text=language)],
                )
            ]
        )
        try:
            request_id, http_info = client.prepare_for_authenticate(
                entityid=idp_entity_id(client),
                binding=BINDING_HTTP_REDIRECT,
                sign=True,
                sigalg=SIGNING_ALGORITHM,
                extensions=extensions,
            )
        except SAMLError as error:
            raise IdentificationFailed(
                IdentificationFailed.FAILED, f"request not made ({type(error).__name__})"
            ) from error
        response = HttpResponseRedirect(_location(http_info))
        pending_remember(
            request,
            response,
            request_id=request_id,
            next_url=request.session.get(SESSION_NEXT, ""),
            language=language,
        )
        return response

    def pending(self, request: HttpRequest) -> PendingLogin | None:
        return pending_find(request, in_response_to(request.POST.get("SAMLResponse", "")))

    def complete(self, request: HttpRequest) -> Identification:
        return self.complete_pending(request, self.pending(request))

    def complete_pending(
        self, request: HttpRequest, pending: PendingLogin | None
    ) -> Identification:
        if pending is None:
            # Unknown or expired request, another browser's, or one already answered.
            raise IdentificationFailed(
                IdentificationFailed.EXPIRED, "no pending request in this browser"
            )
        response = self._verified_response(request, pending)
        if not pending_take(request, pending):
            raise IdentificationFailed(IdentificationFailed.EXPIRED, "response replayed")
        return self._identification(response)

    @method_decorator(sensitive_variables())
    def _verified_response(self, request: HttpRequest, pending: PendingLogin) -> AuthnResponse:
        client = self.client(request)
        try:
            response = client.parse_authn_request_response(
                request.POST.get("SAMLResponse", ""),
                BINDING_HTTP_POST,
                outstanding={pending.request_id: pending.next_url},
            )
        except Exception as error:
            # pysaml2 raises plain Exceptions too (a wrong audience), and its messages may quote
            # the assertion: only the exception's type is kept.
            raise _failure(error) from None
        # pysaml2 returns a response it could not verify fully (a wrong Destination) without an
        # assertion, and leaves the issuer, Recipient and InResponseTo of the assertion to us.
        assertion = getattr(response, "assertion", None)
        idp = idp_entity_id(client)
        acs = endpoint_urls(request.build_absolute_uri("/").rstrip("/"))["acs"]
        if (
            assertion is None
            or response.issuer() != idp
            or assertion.issuer is None
            or (assertion.issuer.text or "").strip() != idp
            or not assertion.subject.subject_confirmation
            or any(
                data is None or data.recipient != acs or data.in_response_to != pending.request_id
                for data in (
                    c.subject_confirmation_data for c in assertion.subject.subject_confirmation
                )
            )
        ):
            raise IdentificationFailed(IdentificationFailed.FAILED, "assertion not for this SP")
        return response

    @method_decorator(sensitive_variables())
    def _identification(self, response: AuthnResponse) -> Identification:
        assertion = response.assertion
        attributes: dict[str, str] = {}
        for statement in assertion.attribute_statement:
            for attribute in statement.attribute:
                values = [value.text or "" for value in attribute.attribute_value]
                attributes.setdefault(attribute.name, values[0] if values else "")
        class_refs = [info[0] for info in response.authn_info()]
        class_ref = class_refs[0] if len(class_refs) == 1 else ""
        loa = ACR_TO_LOA.get(class_ref)
        if loa is None or class_ref not in settings.SAML_ACCEPTED_LOA:
            raise IdentificationFailed(
                IdentificationFailed.LOW_ASSURANCE, f"acr too weak: {class_ref or 'none'}"
            )
        try:
            identity_code = identity_code_normalise(attributes.get(names.HETU, ""))
        except ValidationError as error:
            raise IdentificationFailed(
                IdentificationFailed.FAILED, "identity code missing or invalid"
            ) from error
        return Identification(
            identity_code=identity_code,
            first_names=attributes.get(names.GIVEN_NAME, ""),
            last_name=attributes.get(names.SURNAME, ""),
            loa=loa,
            method=attributes.get(names.FINNISH_AUTH_METHOD) or class_ref,
            provider=self.name,
            provider_session_id=assertion.authn_statement[0].session_index or "",
            provider_subject=(response.name_id.text or "") if response.name_id else "",
            email=attributes.get(names.MAIL, ""),
            home_municipality_code=attributes.get(names.MUNICIPALITY_CODE, ""),
            home_municipality_name=attributes.get(names.MUNICIPALITY_NAME_FI, ""),
            street_address=attributes.get(names.STREET_ADDRESS_FI, ""),
            postal_code=attributes.get(names.POSTAL_CODE, ""),
            post_office=attributes.get(names.POST_OFFICE_FI, ""),
        )

    def logout(
        self, request: HttpRequest, *, return_url: str, ended: ProviderSession | None
    ) -> ProviderLogout | None:
        """A signed LogoutRequest for the session that has just ended; Suomi.fi answers at the
        SLS endpoint from the metadata, so return_url is not used."""
        if ended is None or ended.provider != self.name or not ended.subject:
            return None
        client = self.client(request)
        idp = idp_entity_id(client)
        # Only the NameID's value is kept with the login; the rest is what a transient id from
        # this IdP to this portal has.
        name_id = NameID(
            format=NAMEID_FORMAT_TRANSIENT,
            name_qualifier=idp,
            sp_name_qualifier=settings.SAML_SP_ENTITY_ID,
            text=ended.subject,
        )
        try:
            endpoints = client.metadata.single_logout_service(idp, BINDING_HTTP_REDIRECT, "idpsso")
            destination = endpoints[0]["location"]
            request_id, message = client.create_logout_request(
                destination,
                idp,
                name_id=name_id,
                session_indexes=[ended.session_id] if ended.session_id else None,
                sign=False,
            )
            http_info = client.apply_binding(
                BINDING_HTTP_REDIRECT,
                str(message),
                destination,
                sign=True,
                sigalg=SIGNING_ALGORITHM,
            )
        except (SAMLError, IndexError, KeyError) as error:
            logger.warning("SAML logout request not made: %s", type(error).__name__)
            return None
        cache.set(LOGOUT_REQUEST_KEY + request_id, 1, settings.IDENTIFICATION_TIMEOUT_SECONDS)
        return ProviderLogout(_location(http_info))
