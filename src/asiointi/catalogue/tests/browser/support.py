"""What the browser tests share: viewports, the live portal's addresses and texts in each language,
following a link like a person, and axe-core with the WCAG 2.1 and 2.2 A and AA rules."""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.db.models import Model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, ViewportSize, expect

from asiointi.tests.browser import AXE_OPTIONS

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 320, "height": 640}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
LANGUAGES = ("fi", "sv", "en")
# The language a walk switches to from each language.
NEXT_LANGUAGE = {"fi": "sv", "sv": "en", "en": "fi"}

OpenPage = Callable[..., Page]
CheckPage = Callable[[Page, str], None]

# Demo services the tests rely on, and a service that does not exist.
PARKING = "asukaspysakointitunnus"
NO_SUCH_SERVICE = "ei-tallaista-palvelua"


@dataclass(frozen=True)
class Site:
    """The live portal: addresses and texts in each language, as Django itself builds them, so the
    tests follow translated path words and wordings instead of hard-coding them."""

    base_url: str

    def path(self, language: str, view: str, **kwargs: str) -> str:
        with translation.override(language):
            return reverse(f"catalogue:{view}", kwargs=kwargs or None)

    def url(self, language: str, view: str, **kwargs: str) -> str:
        return self.base_url + self.path(language, view, **kwargs)

    def text(self, language: str, message: str, context: str = "") -> str:
        with translation.override(language):
            if context:
                return translation.pgettext(context, message)
            return translation.gettext(message)

    def name(self, language: str, obj: Model, field: str = "name") -> str:
        """A translated field of a catalogue row, with the same fallback the pages use."""
        with translation.override(language):
            return str(getattr(obj, field))

    def language_name(self, language: str) -> str:
        return str(dict(settings.LANGUAGES)[language])


def follow(page: Page, target: Locator) -> None:
    """Click a link or a submit button and wait until the next page has loaded."""
    with page.expect_navigation():
        target.click()


def assert_at(page: Page, path: str, **query: str) -> None:
    """The page's address has this path and (at least) these query parameters."""
    address = urlsplit(page.url)
    assert address.path == path, f"expected to be at {path}, but the browser is at {page.url}"
    found = {key: values[0] for key, values in parse_qs(address.query).items()}
    for key, value in query.items():
        assert found.get(key) == value, f"expected {key}={value!r} in {page.url}"


def expect_language(page: Page, language: str) -> None:
    """The page is in this language: its address starts with the prefix and <html lang> says so."""
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert urlsplit(page.url).path.startswith(f"/{language}/"), f"{page.url} is not in {language}"


def results_count(page: Page) -> int:
    """The number of e-services the list page says it found."""
    heading = page.locator("#results").inner_text()
    found = re.search(r"\d+", heading)
    assert found, f"the results heading has no count: {heading!r}"
    return int(found.group())


def describe(page: Page) -> str:
    size = page.viewport_size or {"width": 0, "height": 0}
    return f"{page.url} at {size['width']}x{size['height']}"


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Axe's findings as a developer needs them: rule, impact, what to do, and where."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f"\n  {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {json.dumps(node['target'])}: {summary}")
    return "\n".join(lines)


# Finds what sticks out on the right when a page scrolls sideways: elements reaching past the edge,
# and elements whose own content (a long word, say) overflows them.
WIDEST_ELEMENTS_JS = """() => {
  const limit = document.documentElement.clientWidth;
  const describe = el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
    + `${el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : ''}`
    + ` (right edge ${Math.round(el.getBoundingClientRect().right)}px,`
    + ` content ${el.scrollWidth}px in ${el.clientWidth}px):`
    + ` "${(el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50)}"`;
  return [...document.body.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().right > limit + 0.5
      || (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
          && getComputedStyle(el).overflowX === 'visible'))
    .slice(-6)
    .map(describe);
}"""

# What is focused is part of a page state: the same HTML with the skip link shown is another state.
# Focus on the body or on main (after the skip link) shows nothing, so it is no state of its own.
# The focused element comes with a selector, so axe can check just what focus changed.
STATE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.id === 'main') {
    return ['', document.documentElement.outerHTML];
  }
  const steps = [];
  for (let node = el; node.parentElement; node = node.parentElement) {
    const index = [...node.parentElement.children].indexOf(node) + 1;
    steps.unshift(`${node.tagName.toLowerCase()}:nth-child(${index})`);
  }
  return ['html > ' + steps.join(' > '), document.documentElement.outerHTML];
}"""


class AccessibilityChecker:
    """Runs axe once per distinct page state: the same HTML, focus and viewport give the same
    findings, so a state the session has already checked is not checked again, and a state that
    differs from a checked one only by what is focused is checked only where the focus is."""

    def __init__(self) -> None:
        self.axe = Axe()
        self.findings: dict[str, list[dict[str, Any]]] = {}

    def violations(
        self, page: Page, *, javascript: bool, open_page: Callable[[ViewportSize], Page]
    ) -> list[dict[str, Any]]:
        size = page.viewport_size
        focused, html = page.evaluate(STATE_JS)
        key = hashlib.sha256(f"{size}\n{focused}\n{html}".encode()).hexdigest()
        unfocused = hashlib.sha256(f"{size}\n\n{html}".encode()).hexdigest()
        if key in self.findings:
            return self.findings[key]
        if not javascript:
            page = self.same_page_with_javascript(page, html, open_page)
        if focused and unfocused in self.findings:
            found = self.run(page, context=focused) + self.findings[unfocused]
        else:
            found = self.run(page)
        self.findings[key] = found
        return found

    def same_page_with_javascript(
        self, page: Page, html: str, open_page: Callable[[ViewportSize], Page]
    ) -> Page:
        """Axe needs JavaScript (its timers never fire on a page without it), so a page seen
        without JavaScript is checked by loading the same address with it, provided the portal
        serves the very same page: it has no scripts of its own."""
        assert not page.evaluate(STATE_JS)[0], "focus without JavaScript is not checked"
        checker = open_page(page.viewport_size or DESKTOP)
        checker.goto(page.url)
        assert checker.evaluate(STATE_JS)[1] == html, (
            f"{describe(page)} differs with and without JavaScript, so axe cannot check it"
        )
        return checker

    def run(self, page: Page, context: str | None = None) -> list[dict[str, Any]]:
        violations: list[dict[str, Any]] = self.axe.run(
            page, context=context, options=AXE_OPTIONS
        ).response["violations"]
        return violations


# Chromium reports in the console what a policy refused ("... violates the following Content
# Security Policy directive ...") and a Permissions-Policy it cannot read; the event reaches
# the console too, from a script the page's policy does not apply to.
POLICY_WORDS = ("Content Security Policy", "Permissions-Policy", "securitypolicyviolation")
REPORT_VIOLATIONS_JS = """document.addEventListener('securitypolicyviolation', (event) =>
  console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber}`));"""


class PolicyViolations:
    """What the browser refused by policy, per browsing context, from the console."""

    def __init__(self) -> None:
        self.found: dict[BrowserContext, list[str]] = {}

    def watch(self, context: BrowserContext) -> None:
        found = self.found.setdefault(context, [])
        context.add_init_script(REPORT_VIOLATIONS_JS)

        def listen(message: ConsoleMessage) -> None:
            if any(word in message.text for word in POLICY_WORDS):
                found.append(f"{message.type}: {message.text}")

        context.on("console", listen)

    def seen(self, context: BrowserContext) -> list[str]:
        return self.found.get(context, [])
