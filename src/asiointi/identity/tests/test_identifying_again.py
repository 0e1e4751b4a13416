"""Identifying again while logged in, once or from two tabs at the same moment: nothing crashes,
and the browser ends with one live portal session tied to the provider's session."""

import threading
from typing import Any

import pytest
import requests
from django.db import connection

from asiointi.identity.models import LoginSession, User
from asiointi.identity.tests.oidc_steps import identify, start_login

pytestmark = pytest.mark.django_db(transaction=True)


def logged_in(browser: requests.Session, portal: str) -> bool:
    return "Kirjaudu ulos" in browser.get(f"{portal}/fi/").text


def session_key(browser: requests.Session) -> str:
    return str(browser.cookies.get("sessionid"))


def test_identifying_again_while_logged_in_lands_on_the_success_page(
    devidp_portal: str,
) -> None:
    browser = requests.Session()
    identify(browser, start_login(browser, devidp_portal))
    first_key = session_key(browser)
    landing = identify(browser, start_login(browser, devidp_portal))
    assert landing.status_code == 200, landing.text[:500]
    assert landing.url.endswith("/fi/kirjaudu/onnistui/")
    assert "Tunnistautuminen onnistui" in landing.text
    assert logged_in(browser, devidp_portal)
    # The new identification is a new login: a new session id, tied once to the provider.
    assert session_key(browser) != first_key
    assert list(LoginSession.objects.values_list("session_key", flat=True)) == [
        session_key(browser)
    ]
    stale = requests.Session()
    stale.cookies.set("sessionid", first_key)
    assert not logged_in(stale, devidp_portal)


def test_another_person_identifying_in_the_same_browser_replaces_the_first(
    devidp_portal: str,
) -> None:
    browser = requests.Session()
    identify(browser, start_login(browser, devidp_portal))
    landing = identify(browser, start_login(browser, devidp_portal), person="kivi-joni")
    assert "Tunnistautuminen onnistui" in landing.text
    login = LoginSession.objects.get()
    assert login.session_key == session_key(browser)
    assert login.user.first_name.startswith("Joni")
    assert User.objects.count() == 2


@pytest.fixture
def postgresql(transactional_db: None) -> None:
    # The test database of SQLite is in memory, shared between threads without waiting for a
    # lock; the portal's own SQLite file takes the write lock at BEGIN (IMMEDIATE) instead.
    if connection.vendor != "postgresql":
        pytest.skip("parallel requests need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def callbacks_from_two_tabs(browser: requests.Session, portal: str) -> list[str]:
    """Both tabs start a login and identify; their answers are on the way back to the portal."""
    tabs = [start_login(browser, portal), start_login(browser, portal)]
    answers = [identify(browser, tab, follow=False) for tab in tabs]
    assert all("/identity/oidc/callback/" in answer.headers["Location"] for answer in answers)
    return [answer.headers["Location"] for answer in answers]


def complete_at_once(browser: requests.Session, callbacks: list[str]) -> list[requests.Response]:
    """Both tabs reach the portal at the same moment with the browser's cookies."""
    results: list[Any] = [None] * len(callbacks)
    barrier = threading.Barrier(len(callbacks))

    def complete(index: int) -> None:
        tab = requests.Session()
        tab.cookies.update(browser.cookies)
        barrier.wait()
        results[index] = tab.get(callbacks[index], allow_redirects=False)

    threads = [threading.Thread(target=complete, args=(i,)) for i in range(len(callbacks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("already_logged_in", [True, False])
def test_two_tabs_completing_a_login_at_once_end_in_one_login(
    postgresql: None, devidp_portal: str, already_logged_in: bool
) -> None:
    browser = requests.Session()
    if already_logged_in:
        identify(browser, start_login(browser, devidp_portal))
    callbacks = callbacks_from_two_tabs(browser, devidp_portal)
    answers = complete_at_once(browser, callbacks)
    assert [answer.status_code for answer in answers] == [302, 302]
    assert all(answer.headers["Location"] == "/fi/kirjaudu/onnistui/" for answer in answers)
    keys = {answer.cookies.get("sessionid") for answer in answers}
    # Whichever answer the browser takes last, it is the same one login.
    assert len(keys) == 1
    assert list(LoginSession.objects.values_list("session_key", flat=True)) == list(keys)
    for answer in answers:
        tab = requests.Session()
        tab.cookies.update(answer.cookies)
        assert logged_in(tab, devidp_portal)
        page = tab.get(devidp_portal + answer.headers["Location"])
        assert "Tunnistautuminen onnistui" in page.text
    assert User.objects.count() == 1
