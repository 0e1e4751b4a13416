"""A resident's browser going through the SAML login, for the SAML tests."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.identity.providers.saml_pending import COOKIE_NAME, ENTRIES_KEY
from asiointi.identity.tests.saml_idp import TestIdp

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

ACS = "/identity/saml/acs"
SLS = "https://testserver/identity/saml/sls"


class HttpsClient(Client):
    """A browser on HTTPS, as in production: the SAML cookie is SameSite=None only there."""

    def generic(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


def url(name: str, language: str = "fi") -> str:
    with translation.override(language):
        return reverse(name)


def start_login(resident: Client, next_url: str = "/fi/palvelut/", language: str = "fi") -> str:
    """Press "Kirjaudu sisään"; the address at Suomi.fi the portal sends the browser to."""
    resident.get(url("identity:login", language), {"next": next_url})
    response = resident.post(url("identity:login_start", language), {"next": next_url})
    assert response.status_code == 302, response
    return str(response["Location"])


def post_from_idp(resident: Client, form: dict[str, str], path: str = ACS) -> "TestResponse":
    """Suomi.fi's auto-submitted form: a cross-site POST, so the browser sends only its
    SameSite=None cookies, not the portal's Lax session cookie."""
    cross_site = HttpsClient()
    for name, morsel in resident.cookies.items():
        if morsel["samesite"].lower() == "none":
            cross_site.cookies[name] = morsel.value
    response = cross_site.post(path, form)
    resident.cookies.update(response.cookies)
    return response


def log_in(resident: Client, idp: TestIdp, **response_options: Any) -> "TestResponse":
    """The whole login; the page the person lands on."""
    answer = post_from_idp(resident, idp.response(start_login(resident), **response_options))
    assert answer.status_code == 302, answer
    return resident.get(answer["Location"])


def age_pending_logins(resident: Client, seconds: float) -> None:
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore(session_key=resident.cookies[COOKIE_NAME].value)
    entries = store[ENTRIES_KEY]
    for entry in entries.values():
        entry["started_at"] -= seconds
    store[ENTRIES_KEY] = entries
    store.save()
