"""A resident's browser going through the OpenID Connect login at the built-in provider, over
real HTTP, for the OIDC tests."""

import requests

from asiointi.devidp.tests.support import form


def start_login(
    browser: requests.Session, portal: str, next_url: str = "/fi/palvelut/"
) -> requests.Response:
    """Open the login page and press "Kirjaudu sisään"; the provider's first page."""
    page = browser.get(f"{portal}/fi/kirjaudu/", params={"next": next_url})
    login = form(page.text, "/fi/kirjaudu/aloita/")
    return browser.post(f"{portal}/fi/kirjaudu/aloita/", data=login.fields)


def identify(
    browser: requests.Session,
    methods_page: requests.Response,
    *,
    outcome: str = "success",
    action: str = "identify",
    person: str = "testila-tessa",
    follow: bool = True,
) -> requests.Response:
    """Choose a method and a test person at the provider. Without `follow`, the provider's
    redirect back to the portal, not yet taken."""
    idp = methods_page.url.split("/devidp")[0] + "/devidp"
    choose = form(methods_page.text, "/devidp/authorize/method")
    persons_page = browser.post(f"{idp}/authorize/method", data={**choose.fields, "action": "bank"})
    chosen = form(persons_page.text, "/devidp/authorize/person")
    data = {**chosen.fields, "person": person, "outcome": outcome, "action": action}
    return browser.post(f"{idp}/authorize/person", data=data, allow_redirects=follow)
