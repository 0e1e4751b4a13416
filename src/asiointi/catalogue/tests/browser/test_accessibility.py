"""axe-core (WCAG 2.1 and 2.2, A and AA) on the page states the walks do not reach. Every browser
test runs axe on each page state it visits through `check_page`; these add the states only
reached here, and prove the check itself finds what is wrong."""

import pytest
from playwright.sync_api import expect

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import (
    LANGUAGES,
    VIEWPORTS,
    AccessibilityChecker,
    CheckPage,
    OpenPage,
    Site,
    follow,
    format_violations,
)

pytestmark = pytest.mark.browser

BROKEN_PAGE = """<!doctype html><title>Broken</title>
<style>.tiny { width: 10px; height: 10px; padding: 0; border: 0; font-size: 6px; }</style>
<main><h1>Broken</h1><img src="data:," id="photo"><input id="unlabelled">
<p><button class="tiny">a</button><button class="tiny">b</button></p></main>"""


def test_the_accessibility_check_reports_what_is_wrong_on_a_broken_page(
    open_page: OpenPage, accessibility: AccessibilityChecker
) -> None:
    page = open_page()
    page.set_content(BROKEN_PAGE)
    violations = accessibility.run(page)
    # target-size is WCAG 2.2 (2.5.8): two 10px buttons side by side are too small to hit.
    found = {v["id"] for v in violations}
    assert {"html-has-lang", "image-alt", "label", "target-size"} <= found
    report = format_violations(violations)
    assert '["#unlabelled"]' in report
    for violation in violations:
        assert violation["id"] in report and violation["help"] in report


def test_service_pages_with_each_kind_of_notice_pass_axe(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    published = Service.objects.filter(published=True).order_by("slug")
    kinds = {
        "needs contacting the agency first": published.filter(requires_prior_contact=True),
        "course enrollment": published.filter(kind=Service.Kind.COURSE),
        "external system": published.filter(kind=Service.Kind.EXTERNAL),
        "for companies and associations": published.filter(audience=Service.Audience.ORGANISATIONS),
    }
    pages = {viewport: open_page(size) for viewport, size in VIEWPORTS.items()}
    for number, (kind, services) in enumerate(kinds.items()):
        service = services.first()
        assert service is not None, f"the demo catalogue has no service that is a {kind}"
        language = LANGUAGES[number % len(LANGUAGES)]
        for viewport, page in pages.items():
            page.goto(site.url(language, "service_detail", slug=service.slug))
            expect(page.get_by_role("heading", level=1)).to_have_text(site.name(language, service))
            check_page(page, f"a service that is a {kind}, on {viewport}")


def test_the_next_page_of_all_e_services_passes_axe(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    page = open_page(VIEWPORTS["phone"])
    page.goto(site.url("sv", "service_list"))
    pager = page.get_by_role("navigation", name=site.text("sv", "Pages"))
    follow(page, pager.get_by_role("link", name=site.text("sv", "Next page")))
    expect(pager.get_by_role("link", name=site.text("sv", "Previous page"))).to_be_visible()
    check_page(page, "the second page of all e-services")
