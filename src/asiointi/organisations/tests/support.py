"""A person's browser, as plain HTTP: log in at the built-in identity provider, then pick an
organisation on the built-in e-Authorizations selection page."""

from urllib.parse import parse_qs, urlsplit

import requests
from django.urls import reverse
from django.utils import translation

from asiointi.devidp.tests.support import form

TESSA = "testila-tessa"
TESSA_HETU = "010280-952L"
CEO_COMPANY = "9000001-1"  # Tessa is its CEO
ASSOCIATION = "9000003-8"  # Tessa is a board member
MANDATE_COMPANY = "9000004-6"  # Tessa holds mandates for two services only
NO_RIGHT_COMPANY = "9000005-4"  # Tessa has no right
GROUP = "RY-2026-0042"  # an unregistered group; Tessa is a member


def path(view: str, language: str = "fi", **kwargs: str) -> str:
    with translation.override(language):
        return reverse(view, kwargs=kwargs or None)


def log_in(portal: str, person: str = TESSA, *, next_url: str = "") -> requests.Session:
    """A browser logged in as the test person (registration not done)."""
    browser = requests.Session()
    login = path("identity:login")
    page = browser.get(f"{portal}{login}", params={"next": next_url or "/fi/"})
    start = form(page.text, path("identity:login_start"))
    methods = browser.post(f"{portal}{path('identity:login_start')}", data=start.fields)
    choose = form(methods.text, "/devidp/authorize/method")
    persons = browser.post(
        f"{portal}/devidp/authorize/method", data={**choose.fields, "action": "bank"}
    )
    person_form = form(persons.text, "/devidp/authorize/person")
    data = {**person_form.fields, "person": person, "outcome": "success", "action": "identify"}
    landing = browser.post(f"{portal}/devidp/authorize/person", data=data)
    assert landing.status_code == 200, landing.text[:500]
    return browser


def selection_page(browser: requests.Session, portal: str, next_url: str = "") -> requests.Response:
    """ "Choose a company or association": off to the e-Authorizations selection page."""
    params = {"next": next_url} if next_url else {}
    return browser.get(f"{portal}{path('organisations:start')}", params=params)


def pick(
    browser: requests.Session, page: requests.Response, identifier: str, *, follow: bool = True
) -> requests.Response:
    """Pick the organisation on the selection page; without `follow`, the redirect back to the
    portal (with the one-time code) is returned unfollowed."""
    chosen = form(page.text, "/devidp/valtuudet/oauth/authorize/select")
    data = {**chosen.fields, "organisation": identifier, "action": "select"}
    origin = page.url.split("/devidp")[0]
    return browser.post(
        f"{origin}/devidp/valtuudet/oauth/authorize/select", data=data, allow_redirects=follow
    )


def code_of(answer: requests.Response) -> str:
    return parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]


def act_for(browser: requests.Session, portal: str, identifier: str) -> requests.Response:
    return pick(browser, selection_page(browser, portal), identifier)
