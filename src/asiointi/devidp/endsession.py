"""RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) on authlib's endpoint."""

from typing import Any

from authlib.oauth2.rfc6749 import OAuth2Request
from authlib.oidc.rpinitiated import EndSessionEndpoint
from django.http import HttpRequest

from asiointi.devidp import keys
from asiointi.devidp.models import Client

CONFIRMED_ATTRIBUTE = "devidp_logout_confirmed"


def mark_confirmed(request: HttpRequest) -> None:
    """The person pressed "Log out" on the provider's own page: their answer, not the client's."""
    setattr(request, CONFIRMED_ATTRIBUTE, True)


class EndSession(EndSessionEndpoint):  # type: ignore[misc]
    def create_endpoint_request(self, request: HttpRequest) -> OAuth2Request:
        oauth_request = super().create_endpoint_request(request)
        oauth_request.devidp_confirmed = getattr(request, CONFIRMED_ATTRIBUTE, False)
        return oauth_request

    def get_server_jwks(self) -> dict[str, Any]:
        return keys.public_jwks()

    def get_algorithms(self) -> list[str]:
        return [keys.SIGNING_ALG]

    def _is_valid_post_logout_redirect_uri(self, client: Client, uri: str) -> bool:
        return client.check_post_logout_redirect_uri(uri)

    def is_post_logout_redirect_uri_legitimate(
        self, request: OAuth2Request, uri: str, client: Client, logout_hint: str | None
    ) -> bool:
        # Without an id_token_hint, only after the person has confirmed on the provider's page.
        return bool(getattr(request, "devidp_confirmed", False))

    def end_session(self, end_session_request: Any) -> None:
        pass  # the view ends the session: it holds the cookie and the response
