"""Real parallel presses against the live server: one browser session, many requests at once.

Each request is a real HTTP request on its own connection, so the server runs them in its own
threads, each with its own database connection, as a double click does in production.
"""

import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client

from asiointi.customers.acting import SESSION_ACTING_ORGANISATION
from asiointi.identity.models import User
from asiointi.organisations.models import Organisation

T = TypeVar("T")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def skip_on_in_memory_sqlite() -> None:
    """The SQLite test database lives in memory; Django then gives the live server's threads the
    test's one connection, so requests cannot run side by side: no race is possible to test."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "parallel requests need a database each thread connects to on its own: the SQLite "
            "test database is in memory and shared by the live server's threads; run with "
            "DATABASE_URL=postgres://… (CI does)"
        )


def browser_session(
    base_url: str, person: User, organisation: Organisation | None = None
) -> requests.Session:
    """A logged-in browser's cookies (optionally acting for an organisation the person holds a
    board role in), as after identification."""
    from asiointi.organisations.selectors import Rights, rights_remember

    client = Client()
    client.force_login(person)
    if organisation is not None:
        rights_remember(person=person, organisation=organisation, rights=Rights(roles=("PJ",)))
        session = client.session
        session[SESSION_ACTING_ORGANISATION] = organisation.pk
        session.save()
    browser = requests.Session()
    name = settings.SESSION_COOKIE_NAME
    # No domain: the cookie jar would not match a domain cookie for "localhost".
    browser.cookies.set(name, client.cookies[name].value)
    return browser


def csrf_token(browser: requests.Session, url: str) -> str:
    """Open the page with the button (which sets the CSRF cookie) and read the form's token."""
    page = browser.get(url, timeout=30)
    assert page.status_code == 200, page.text[:2000]
    found = CSRF_INPUT.search(page.text)
    assert found, "no form on the page"
    return found.group(1)


def press_together(times: int, press: Callable[[], T]) -> list[T]:
    """Run `press` `times` times at the same moment, each in its own thread."""
    barrier = threading.Barrier(times)

    def run() -> T:
        barrier.wait(timeout=30)
        return press()

    with ThreadPoolExecutor(max_workers=times) as pool:
        futures = [pool.submit(run) for _ in range(times)]
        return [future.result(timeout=120) for future in futures]
