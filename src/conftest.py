import os
from collections.abc import Iterator
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import LazySettings
from django.core.cache import cache

from asiointi.catalogue.cache import catalogue_changed
from asiointi.catalogue.demo import load_demo

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from asiointi.catalogue.tests.browser.support import PolicyViolations

# Fixtures for attaching files (a test clamd with the EICAR signature), usable in every app's tests;
# the admin's superuser with a verified second factor (verified_admin_client); the guard that fails
# the run on an identity code in any audit row or log record, and pytester, which its own test runs
# it under; the personas every app's access tests meet (asiointi/tests/personas.py: a resident, a
# resident acting for a company, an unrelated resident, staff of the owning agency and of another,
# and nobody).
pytest_plugins = [
    "asiointi.attachments.tests.fixtures",
    "asiointi.backoffice.tests.fixtures",
    "asiointi.tests.personas",
    "asiointi.tests.identity_code_guard",
    "pytester",
]

# Playwright's sync API runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _isolated_cache(settings: LazySettings) -> Iterator[None]:
    """Each test starts with an empty cache (pages, rate limits, cooldowns).

    On Redis each parallel worker gets a database of its own, since clearing empties a whole one
    (from TEST_REDIS_DB, default 10, so two test runs on one machine can be kept apart).
    """
    caches = deepcopy(settings.CACHES)
    if str(caches["default"].get("LOCATION", "")).startswith(("redis://", "rediss://")):
        worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
        base = caches["default"]["LOCATION"].rsplit("/", 1)[0]
        first = int(os.environ.get("TEST_REDIS_DB", "10"))
        caches["default"]["LOCATION"] = f"{base}/{first + worker}"
    settings.CACHES = caches
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    catalogue_changed()
    yield


@pytest.fixture
def demo_catalogue(db: None) -> dict[str, int]:
    return load_demo()


@pytest.fixture(scope="session")
def browser() -> Iterator["Browser"]:
    """Chromium, started once for all browser tests: Playwright allows one per process."""
    from playwright.sync_api import sync_playwright

    from asiointi.tests.browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs it")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def policy_violations() -> "PolicyViolations":
    """What the browser refused by policy in each browsing context a test opened (`open_page`
    watches every context; `check_page` fails on anything here)."""
    from asiointi.catalogue.tests.browser.support import PolicyViolations

    return PolicyViolations()
