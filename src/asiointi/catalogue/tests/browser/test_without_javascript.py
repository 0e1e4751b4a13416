"""Without JavaScript, searching, filtering and switching the language still work: they are plain
links and GET forms."""

import pytest
from playwright.sync_api import expect

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import (
    LANGUAGES,
    NEXT_LANGUAGE,
    PARKING,
    VIEWPORTS,
    CheckPage,
    OpenPage,
    Site,
    assert_at,
    expect_language,
    follow,
    results_count,
)

pytestmark = pytest.mark.browser


def test_search_works_without_javascript(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    page = open_page(VIEWPORTS["phone"], javascript=False)
    parking = Service.objects.get(slug=PARKING)
    name = site.name("fi", parking)
    page.goto(site.url("fi", "front_page"))
    check_page(page, "front page without JavaScript")

    field = page.get_by_role("search").get_by_label(site.text("fi", "Search e-services"))
    field.fill(name)
    with page.expect_navigation():
        field.press("Enter")
    assert_at(page, site.path("fi", "service_list"), q=name)
    check_page(page, "search results without JavaScript")

    follow(page, page.get_by_role("main").get_by_role("link", name=name, exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    check_page(page, "service page without JavaScript")


def test_filters_work_without_javascript(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    page = open_page(javascript=False)
    page.goto(site.url("sv", "service_list"))
    check_page(page, "all e-services without JavaScript")

    form = page.get_by_role("form", name=site.text("sv", "Search and filter e-services"))
    form.get_by_label(site.text("sv", "For whom"), exact=True).select_option(
        label=site.text("sv", "Residents")
    )
    follow(page, form.get_by_role("button", name=site.text("sv", "Show e-services")))
    assert_at(page, site.path("sv", "service_list"), audience=Service.Audience.PERSONS)
    expected = (
        Service.objects.filter(published=True)
        .exclude(audience=Service.Audience.ORGANISATIONS)
        .count()
    )
    assert results_count(page) == expected
    expect(page.locator("select[name=audience]")).to_have_value(Service.Audience.PERSONS)
    check_page(page, "e-services for residents without JavaScript")


def test_the_language_switch_works_without_javascript(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    page = open_page(javascript=False)
    parking = Service.objects.get(slug=PARKING)
    language = "en"
    page.goto(site.url(language, "service_detail", slug=PARKING))
    check_page(page, "service page without JavaScript")
    for _ in LANGUAGES:
        other = NEXT_LANGUAGE[language]
        switch = page.get_by_role("navigation", name=site.text(language, "Language"))
        follow(page, switch.get_by_role("link", name=site.language_name(other)))
        assert_at(page, site.path(other, "service_detail", slug=PARKING))
        expect_language(page, other)
        expect(page.get_by_role("heading", level=1)).to_have_text(site.name(other, parking))
        check_page(page, f"service page in {other} without JavaScript")
        language = other
