"""Single logout messages Suomi.fi sends to the SLS endpoint, by HTTP-Redirect or HTTP-POST: a
LogoutRequest when the person logs out of another service, a LogoutResponse to the portal's own
LogoutRequest. Either must be signed by the IdP: in the query (Redirect) or in the XML (POST)."""

import base64
import calendar
import logging
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, SAMLError
from saml2.client import Saml2Client
from saml2.response import StatusError
from saml2.time_util import str_to_time

from asiointi.identity.providers.saml_config import (
    CLOCK_SKEW_SECONDS,
    SIGNING_ALGORITHM,
    idp_entity_id,
)
from asiointi.identity.providers.saml_redirect import redirect_signature_valid

logger = logging.getLogger(__name__)

LOGOUT_REQUEST_KEY = "identity:saml-logout:"
# A front-channel logout message is acted on at once; an old one is a replay.
MESSAGE_MAX_AGE_SECONDS = 600


class LogoutMessageInvalid(Exception):
    """Not a fresh logout message signed by the IdP for this portal."""


@dataclass(frozen=True)
class LogoutRequestReceived:
    subject: str
    session_indexes: list[str]
    answer_url: str  # the signed LogoutResponse; send it after the sessions have ended


def _fresh(instant: str | None, not_on_or_after: str | None = None) -> bool:
    now = time.time()
    issued = calendar.timegm(str_to_time(instant)) if instant else 0
    if abs(now - issued) > MESSAGE_MAX_AGE_SECONDS + CLOCK_SKEW_SECONDS:
        return False
    return not (
        not_on_or_after
        and calendar.timegm(str_to_time(not_on_or_after)) + CLOCK_SKEW_SECONDS <= now
    )


def _received(request: HttpRequest, name: str) -> tuple[str, str, str]:
    """The message called `name` (SAMLRequest, SAMLResponse), its binding and RelayState."""
    if request.method == "POST":
        return request.POST.get(name, ""), BINDING_HTTP_POST, request.POST.get("RelayState", "")
    return request.GET.get(name, ""), BINDING_HTTP_REDIRECT, request.GET.get("RelayState", "")


def _signed_by_idp(request: HttpRequest, client: Saml2Client, name: str) -> str:
    idp = idp_entity_id(client)
    if request.method != "POST":
        certificates = [cert for _, cert in client.metadata.certs(idp, "idpsso", "signing")]
        if not redirect_signature_valid(request.META.get("QUERY_STRING", ""), certificates):
            raise LogoutMessageInvalid("signature")
        return idp
    # pysaml2 accepts an unsigned message in the POST binding unless told it must be signed, and
    # checks a signature with the keys of whichever issuer the message names: both are pinned.
    message_type = "logout_request" if name == "SAMLRequest" else "logout_response"
    try:
        xml = base64.b64decode(request.POST.get(name, ""), validate=True).decode()
        message = client.sec.correctly_signed_message(xml, message_type, must=True)
    except Exception:  # pysaml2 raises plain Exceptions too; their text may quote the message
        raise LogoutMessageInvalid("signature") from None
    if message.issuer is None or (message.issuer.text or "").strip() != idp:
        raise LogoutMessageInvalid("signature")
    return idp


def logout_request_read(client: Saml2Client, request: HttpRequest) -> LogoutRequestReceived:
    idp = _signed_by_idp(request, client, "SAMLRequest")
    encoded, binding, relay_state = _received(request, "SAMLRequest")
    try:
        parsed = client.parse_logout_request(encoded, binding)
        message = parsed.message
        if (
            message.issuer is None
            or (message.issuer.text or "").strip() != idp
            or message.name_id is None
            or not _fresh(message.issue_instant, message.not_on_or_after)
        ):
            raise LogoutMessageInvalid("not a fresh request from the IdP")
        answer = client.create_logout_response(
            message, bindings=[BINDING_HTTP_REDIRECT], sign=False
        )
        destination = client.response_args(message, [BINDING_HTTP_REDIRECT])["destination"]
        http_info: dict[str, Any] = client.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(answer),
            destination,
            relay_state=relay_state,
            response=True,
            sign=True,
            sigalg=SIGNING_ALGORITHM,
        )
    except (SAMLError, ValueError, KeyError, TypeError, SyntaxError) as error:
        raise LogoutMessageInvalid(type(error).__name__) from None
    return LogoutRequestReceived(
        subject=message.name_id.text or "",
        session_indexes=[index.text for index in message.session_index if index.text],
        answer_url=str(dict(http_info["headers"])["Location"]),
    )


def logout_response_read(client: Saml2Client, request: HttpRequest) -> bool:
    """Whether Suomi.fi confirms ending its session for the portal's own LogoutRequest."""
    try:
        idp = _signed_by_idp(request, client, "SAMLResponse")
        encoded, binding, _ = _received(request, "SAMLResponse")
        response = client.parse_logout_request_response(encoded, binding)
        message = response.response
        if (message.issuer.text or "").strip() != idp:
            raise LogoutMessageInvalid("issuer")
        if not cache.delete(LOGOUT_REQUEST_KEY + (message.in_response_to or "")):
            raise LogoutMessageInvalid("unknown or answered request")
    except StatusError as error:
        logger.warning("SAML logout not confirmed: %s", type(error).__name__)
        return False
    except LogoutMessageInvalid as error:
        logger.warning("SAML logout response refused: %s", error)
        return False
    except (SAMLError, ValueError, KeyError, AttributeError, TypeError, SyntaxError) as error:
        logger.warning("SAML logout response refused: %s", type(error).__name__)
        return False
    return True
