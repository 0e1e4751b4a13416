"""Back-channel logout (OpenID Connect Back-Channel Logout 1.0): a signed logout token POSTed to
every client the ended session had been to."""

import logging
import secrets
import time
from dataclasses import dataclass

import requests

from asiointi.devidp import keys
from asiointi.devidp.claims import subject
from asiointi.devidp.context import ISSUER_PATH
from asiointi.devidp.models import Client, IdpSession, SessionClient
from asiointi.devidp.sessions import session_end

EVENT = "http://schemas.openid.net/event/backchannel-logout"
TOKEN_SECONDS = 120
DELIVERY_TIMEOUT = 5

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    client_name: str
    uri: str
    status: str  # the HTTP status, or why nothing came back
    delivered: bool


def logout_token(*, link: SessionClient) -> str:
    now = int(time.time())
    claims = {
        "iss": link.issuer,
        "aud": link.client.client_id,
        "iat": now,
        "exp": now + TOKEN_SECONDS,
        "jti": secrets.token_urlsafe(16),
        "events": {EVENT: {}},
        "sid": link.session.sid,
        "sub": subject(person_key=link.session.person_key, client_id=link.client.client_id),
    }
    return keys.sign(claims, typ="logout+jwt")


def _deliver(link: SessionClient) -> Delivery:
    client: Client = link.client
    uri = client.absolute_uri(client.backchannel_logout_uri, link.issuer.removesuffix(ISSUER_PATH))
    try:
        response = requests.post(
            uri,
            data={"logout_token": logout_token(link=link)},
            timeout=DELIVERY_TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException as error:
        logger.warning("Back-channel logout to client %s failed: %s", client.client_id, error)
        return Delivery(client.name, uri, type(error).__name__, delivered=False)
    delivered = response.status_code in (200, 204)
    if not delivered:
        logger.warning(
            "Back-channel logout to client %s answered %s", client.client_id, response.status_code
        )
    return Delivery(client.name, uri, str(response.status_code), delivered)


def notify_clients(*, session: IdpSession, except_client: Client | None = None) -> list[Delivery]:
    links = SessionClient.objects.select_related("client", "session").filter(session=session)
    return [
        _deliver(link)
        for link in links
        if link.client.backchannel_logout_uri and link.client != except_client
    ]


def end_and_notify(*, session: IdpSession, initiator: Client | None = None) -> list[Delivery]:
    """End the session and tell its clients; the client that asked for the logout knows already."""
    if not session_end(session=session):
        return []
    return notify_clients(session=session, except_client=initiator)
