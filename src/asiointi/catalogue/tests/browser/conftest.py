"""Chromium once per session, a fresh context for every page a test opens, and `check_page`, which
every browser test calls on every page state it reaches: exactly one h1, no sideways scrolling,
no WCAG 2.1 or 2.2 A/AA violations found by axe-core, and nothing the Content-Security-Policy or the
Permissions-Policy refused."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.support import (
    DESKTOP,
    WIDEST_ELEMENTS_JS,
    AccessibilityChecker,
    CheckPage,
    OpenPage,
    PolicyViolations,
    Site,
    describe,
    format_violations,
)


@pytest.fixture(scope="session")
def accessibility() -> AccessibilityChecker:
    return AccessibilityChecker()


@pytest.fixture
def site(live_server: LiveServer, demo_catalogue: dict[str, int]) -> Site:
    """The live portal with the demo catalogue in its database."""
    return Site(live_server.url)


@pytest.fixture
def _pages_without_javascript() -> set[Page]:
    return set()


@pytest.fixture
def open_page(
    browser: Browser, _pages_without_javascript: set[Page], policy_violations: PolicyViolations
) -> Iterator[OpenPage]:
    """`open_page(viewport, javascript=True)`: a page in a browsing context of its own. Chromium
    resolves no host but the live portal's, so nothing reaches for the internet. (No Playwright
    routes: they would turn off the HTTP cache and make every page load twice as slow.)"""
    contexts: list[BrowserContext] = []

    def open_(viewport: ViewportSize = DESKTOP, *, javascript: bool = True) -> Page:
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        # Generous: on a loaded 2-core machine a page under test can take seconds to answer.
        context.set_default_timeout(15_000)
        contexts.append(context)
        policy_violations.watch(context)
        page = context.new_page()
        if not javascript:
            _pages_without_javascript.add(page)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def check_page(
    accessibility: AccessibilityChecker,
    open_page: OpenPage,
    _pages_without_javascript: set[Page],
    policy_violations: PolicyViolations,
) -> CheckPage:
    """Checks what must hold on every page state; `state` names it in the failure message."""

    def check(page: Page, state: str) -> None:
        where = f"{state}, {describe(page)}"
        headings = page.locator("h1").count()
        assert headings == 1, f"{where}: {headings} h1 elements, expected exactly one"
        scroll_width, client_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll_width > client_width:
            widest = "\n".join(f"    {element}" for element in page.evaluate(WIDEST_ELEMENTS_JS))
            pytest.fail(
                f"{where}: scrolls sideways ({scroll_width}px of content in {client_width}px);"
                f" sticking out:\n{widest}"
            )
        violations = accessibility.violations(
            page, javascript=page not in _pages_without_javascript, open_page=open_page
        )
        if violations:
            pytest.fail(
                f"{where}: axe-core found WCAG 2.1 or 2.2 A/AA violations:\n"
                f"{format_violations(violations)}"
            )
        refused = policy_violations.seen(page.context)
        assert not refused, f"{where}: the browser refused by policy:\n" + "\n".join(refused)

    return check
