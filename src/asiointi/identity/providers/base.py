"""What every identification method gives the portal, and what it must do."""

from dataclasses import dataclass, field
from typing import Protocol

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

# Levels of assurance, as the Finnish Trust Network and eIDAS name them.
LOA_SUBSTANTIAL = "substantial"
LOA_HIGH = "high"
ACR_TO_LOA = {
    "http://ftn.ficora.fi/2017/loa2": LOA_SUBSTANTIAL,
    "http://ftn.ficora.fi/2017/loa3": LOA_HIGH,
    "http://eidas.europa.eu/LoA/substantial": LOA_SUBSTANTIAL,
    "http://eidas.europa.eu/LoA/high": LOA_HIGH,
}


class IdentificationFailed(Exception):
    """The person was not identified; `reason` picks the page they see.

    `foreign`: the answer belongs to no identification this session started (no state, or one
    it never had), so it may not touch the session: anyone can make a browser open the callback.
    """

    CANCELLED = "cancelled"
    FAILED = "failed"
    EXPIRED = "expired"
    LOW_ASSURANCE = "low-assurance"

    MESSAGES = {
        CANCELLED: _("You cancelled the identification."),
        FAILED: _("The identification service could not identify you."),
        EXPIRED: _("The identification took too long or was already used."),
        LOW_ASSURANCE: _(
            "The identification method you chose is not strong enough for this service."
        ),
    }

    def __init__(self, reason: str, detail: str = "", *, foreign: bool = False) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason if reason in self.MESSAGES else self.FAILED
        self.detail = detail
        self.foreign = foreign


@dataclass(frozen=True)
class Identification:
    """A person identified strongly. The identity code is validated before this is made."""

    identity_code: str
    first_names: str
    last_name: str
    loa: str
    method: str
    provider: str
    provider_session_id: str = ""
    provider_subject: str = ""
    email: str = ""
    home_municipality_code: str = ""
    home_municipality_name: str = ""
    street_address: str = ""
    postal_code: str = ""
    post_office: str = ""
    # The provider's own ID token (OIDC), for ending its session without asking again.
    id_token: str = field(default="", repr=False)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ProviderSession:
    """The identity provider's session behind a portal session that has just ended: what the
    provider needs to end its own session too (SAML: the NameID and SessionIndex)."""

    provider: str
    session_id: str = ""
    subject: str = ""
    id_token: str = field(default="", repr=False)


@dataclass(frozen=True)
class ProviderLogout:
    """Where the browser goes to end the provider's session: a plain redirect to `url`, or,
    with `form`, a POST of these fields (they may hold an ID token, which carries the identity
    code and so must stay out of addresses and browser history)."""

    url: str
    form: dict[str, str] = field(default_factory=dict, repr=False)


class Provider(Protocol):
    name: str

    def start(self, request: HttpRequest, *, language: str) -> HttpResponse:
        """Send the person to identify themself."""

    def complete(self, request: HttpRequest) -> Identification:
        """Read the provider's answer, or raise IdentificationFailed."""

    def logout(
        self, request: HttpRequest, *, return_url: str, ended: ProviderSession | None
    ) -> ProviderLogout | None:
        """Where to send the person to end the provider's session, after the portal's is gone."""
