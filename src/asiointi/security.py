"""Response headers every answer carries: Content-Security-Policy and Permissions-Policy.

The policy itself is `CONTENT_SECURITY_POLICY` in settings (django-csp). Pages have no inline
script or style at all, not even nonce'd ones: a nonce would be wrong in the catalogue's cached
pages, and the one thing that varied per city (its colours) is `/brand.css`.
"""

import functools
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

# Powerful browser features the portal never uses, denied to its pages and anything they embed.
# Only names Chromium knows: an unknown one is an error in the browser's console.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)

SAML_ENDPOINTS = ("SingleSignOnService", "SingleLogoutService")


def origin(url: str) -> str:
    """`https://host[:port]` of an absolute URL, or "" for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


@functools.lru_cache(maxsize=8)
def _saml_idp_origins(metadata_file: str, modified: float) -> tuple[str, ...]:
    tree = ElementTree.parse(metadata_file)  # noqa: S314 - the operator's own local file
    locations = (
        element.get("Location", "")
        for element in tree.iter()
        if element.tag.rsplit("}", 1)[-1] in SAML_ENDPOINTS
    )
    return tuple(sorted({origin(location) for location in locations} - {""}))


def saml_idp_origins(metadata_file: str) -> tuple[str, ...]:
    path = Path(metadata_file)
    if not metadata_file or not path.is_file():
        return ()
    return _saml_idp_origins(str(path), path.stat().st_mtime)


def form_action_origins() -> list[str]:
    """Where a form of the portal may lead, redirects included.

    Chromium applies form-action to every redirect after a form is sent: "Log in" is a POST
    answered by a redirect to the identity provider, and a provider that still knows the person
    sends them straight back and on to e-Authorizations in the same chain; "Log out" redirects to
    the provider's logout. `FORM_ACTION_ORIGINS` adds any origin a provider redirects on to.
    """
    origins = []
    if settings.IDENTITY_PROVIDER == "oidc":
        origins.append(origin(settings.OIDC_ISSUER))
    elif settings.IDENTITY_PROVIDER == "saml":
        origins.extend(saml_idp_origins(settings.SAML_IDP_METADATA_FILE))
    origins.append(origin(settings.VALTUUDET_URL))
    # The back office's "Log in with the city's staff login" leads to the staff provider.
    if settings.STAFF_OIDC_ISSUER:
        origins.append(origin(settings.STAFF_OIDC_ISSUER))
    origins.extend(origin(url) or url for url in settings.FORM_ACTION_ORIGINS)
    return [found for found in dict.fromkeys(origins) if found]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the identity providers' origins added to form-action."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        update = dict(parts.update or {})
        update["form-action"] = [*update.get("form-action", []), *form_action_origins()]
        parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
