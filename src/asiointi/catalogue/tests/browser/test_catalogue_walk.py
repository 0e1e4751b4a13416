"""A person walks the catalogue in each language, on a desktop and on a phone, by clicking links
and buttons: search, a service, the language switch, help, an agency, filters, nothing found,
a missing page; and "Go to the service" from a service page."""

from dataclasses import dataclass

import pytest
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from asiointi.catalogue import help
from asiointi.catalogue.models import Category, Service
from asiointi.catalogue.tests.browser.support import (
    LANGUAGES,
    NEXT_LANGUAGE,
    NO_SUCH_SERVICE,
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
from asiointi.context_processors import login_url

pytestmark = pytest.mark.browser

FILTERS = ("agency", "category", "audience")


@dataclass
class Walk:
    """One person's walk: the page, the site, the page check, and texts in the language."""

    page: Page
    site: Site
    check: CheckPage
    language: str

    def t(self, message: str, context: str = "") -> str:
        return self.site.text(self.language, message, context)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_finds_a_service_reads_it_in_another_language_and_finds_help(
    open_page: OpenPage, site: Site, check_page: CheckPage, language: str, viewport: str
) -> None:
    page = open_page(VIEWPORTS[viewport])
    walk = Walk(page, site, check_page, language)
    t = walk.t
    parking = Service.objects.select_related("agency").get(slug=PARKING)
    name = site.name(language, parking)
    _search_and_switch_language(walk, parking, name)
    main_nav = page.get_by_role("navigation", name=t("Main"))
    _help_pages(walk, main_nav)
    agency_name = _agencies_and_all_services(walk, main_nav, parking, name)
    form = page.get_by_role("form", name=t("Search and filter e-services"))
    _filter(walk, form, viewport, parking, agency_name)

    form.get_by_label(t("Search e-services")).fill("xyzzy qwertyuiop")
    follow(page, form.get_by_role("button", name=t("Show e-services")))
    assert_at(page, site.path(language, "service_list"), q="xyzzy qwertyuiop")
    assert results_count(page) == 0
    expect(page.get_by_text(t("No e-services match your search."))).to_be_visible()
    walk.check(page, "a search that finds nothing")

    response = page.goto(site.url(language, "service_detail", slug=NO_SUCH_SERVICE))
    assert response is not None and response.status == 404
    expect_language(page, language)
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Page not found"))
    walk.check(page, "a missing page")


def _search_and_switch_language(walk: Walk, parking: Service, name: str) -> None:
    page, site, language, t = walk.page, walk.site, walk.language, walk.t
    page.goto(site.url(language, "front_page"))
    expect_language(page, language)
    walk.check(page, "front page")

    search = page.get_by_role("search")
    search.get_by_label(t("Search e-services")).fill(name)
    follow(page, search.get_by_role("button", name=t("Search")))
    assert_at(page, site.path(language, "service_list"), q=name)
    walk.check(page, "search results")

    follow(page, page.get_by_role("main").get_by_role("link", name=name, exact=True))
    assert_at(page, site.path(language, "service_detail", slug=PARKING))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    walk.check(page, "service page")

    other = NEXT_LANGUAGE[language]
    switch = page.get_by_role("navigation", name=t("Language"))
    follow(page, switch.get_by_role("link", name=site.language_name(other)))
    assert_at(page, site.path(other, "service_detail", slug=PARKING))
    expect_language(page, other)
    expect(page.get_by_role("heading", level=1)).to_have_text(site.name(other, parking))
    walk.check(page, f"service page after switching to {other}")

    switch = page.get_by_role("navigation", name=site.text(other, "Language"))
    follow(page, switch.get_by_role("link", name=site.language_name(language)))
    assert_at(page, site.path(language, "service_detail", slug=PARKING))
    expect_language(page, language)
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    walk.check(page, "service page after switching back")


def _help_pages(walk: Walk, main_nav: Locator) -> None:
    page, site, language, t = walk.page, walk.site, walk.language, walk.t
    follow(page, main_nav.get_by_role("link", name=t("Instructions")))
    assert_at(page, site.path(language, "help_index"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Instructions"))
    walk.check(page, "instructions")

    for help_page in help.help_pages():
        title = help_page.title[language]
        expect(page.get_by_role("main").get_by_role("link", name=title, exact=True)).to_be_visible()

    # The pages the footer links to are opened from the footer, the others from the index.
    footer_links = {
        help.ACCESSIBILITY_STATEMENT: "Accessibility statement",
        help.PRIVACY_NOTICE: "Privacy notice",
        help.ADVICE: "Advice",
    }
    from_index = [p for p in help.help_pages() if p.slug not in footer_links]
    for number, help_page in enumerate(from_index):
        if number == 1:
            breadcrumb = page.get_by_role("navigation", name=t("Breadcrumb"))
            follow(page, breadcrumb.get_by_role("link", name=t("Instructions")))
        elif number > 1:
            page.go_back()
        assert_at(page, site.path(language, "help_index"))
        walk.check(page, "instructions")
        title = help_page.title[language]
        follow(page, page.get_by_role("main").get_by_role("link", name=title, exact=True))
        assert_at(page, site.path(language, "help_page", slug=help_page.slug))
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        walk.check(page, f"help page {help_page.slug}")

    footer = page.get_by_role("navigation", name=t("Footer"))
    for slug, link_text in footer_links.items():
        follow(page, footer.get_by_role("link", name=t(link_text)))
        assert_at(page, site.path(language, "help_page", slug=slug))
        expect(page.get_by_role("heading", level=1)).to_have_text(
            help.help_page(slug).title[language]
        )
        walk.check(page, f"{link_text} from the footer")


def _agencies_and_all_services(walk: Walk, main_nav: Locator, parking: Service, name: str) -> str:
    """The agency list, the parking permit's agency, then every e-service; returns the agency's
    name."""
    page, site, language, t = walk.page, walk.site, walk.language, walk.t
    follow(page, main_nav.get_by_role("link", name=t("Agencies")))
    assert_at(page, site.path(language, "agency_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Agencies"))
    walk.check(page, "agencies")

    agency_name = site.name(language, parking.agency)
    follow(page, page.get_by_role("main").get_by_role("link", name=agency_name, exact=True))
    assert_at(page, site.path(language, "agency_detail", slug=parking.agency.slug))
    expect(page.get_by_role("heading", level=1)).to_have_text(agency_name)
    expect(page.get_by_role("main").get_by_role("link", name=name, exact=True)).to_be_visible()
    walk.check(page, "agency page")

    follow(page, main_nav.get_by_role("link", name=t("E-services", "list")))
    assert_at(page, site.path(language, "service_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("E-services", "list"))
    assert results_count(page) == Service.objects.filter(published=True).count()
    walk.check(page, "all e-services")
    return agency_name


def _filter(walk: Walk, form: Locator, viewport: str, parking: Service, agency_name: str) -> None:
    page, site, language, t = walk.page, walk.site, walk.language, walk.t
    # Each walk tries one of the filters; the six walks try each of them twice.
    kind = FILTERS[(LANGUAGES.index(language) + (viewport == "phone")) % len(FILTERS)]
    published = Service.objects.filter(published=True)
    if kind == "agency":
        form.get_by_label(t("Agency"), exact=True).select_option(label=agency_name)
        expected = {"agency": parking.agency.slug}
        count = published.filter(agency=parking.agency).count()
    elif kind == "category":
        category = Category.objects.filter(services=parking).order_by("order", "pk").first()
        assert category is not None, f"{PARKING} has no category in the demo catalogue"
        form.get_by_label(t("Category"), exact=True).select_option(
            label=site.name(language, category)
        )
        expected = {"category": category.slug}
        count = published.filter(categories=category).distinct().count()
    else:
        form.get_by_label(t("For whom"), exact=True).select_option(
            label=t("Companies and associations")
        )
        expected = {"audience": Service.Audience.ORGANISATIONS}
        count = published.exclude(audience=Service.Audience.PERSONS).count()
    follow(page, form.get_by_role("button", name=t("Show e-services")))
    assert_at(page, site.path(language, "service_list"), **expected)
    assert 0 < results_count(page) == count
    select = page.locator(f"select[name={kind}]")
    expect(select).to_have_value(expected[kind])
    walk.check(page, f"e-services filtered by {kind}")


def test_go_to_the_service_leads_to_the_external_system(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    external = Service.objects.filter(
        published=True, kind=Service.Kind.EXTERNAL, requires_login=False
    )
    assert external.exists(), "the demo catalogue has no external service without login"
    api = open_page().request
    for service in external:
        start = site.url("fi", "service_start", slug=service.slug)
        response = api.get(start, max_redirects=0)
        assert response.status == 302, f"{start} answered {response.status}"
        assert response.headers["location"] == service.external_url

    chosen = external.order_by("slug").first()
    assert chosen is not None
    page = open_page()
    page.goto(site.url("en", "service_detail", slug=chosen.slug))
    check_page(page, "external service page")
    # The browser leaves for the external system; with no internet the visit ends there.
    start = site.url("en", "service_start", slug=chosen.slug)
    with page.expect_request(chosen.external_url) as leaving:
        page.get_by_role("link", name=site.text("en", "Go to the service")).click()
    assert leaving.value.redirected_from is not None
    assert leaving.value.redirected_from.url == start


def test_go_to_the_service_asks_to_log_in_first(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    from django.urls import reverse

    from asiointi.eforms.demo import load_demo as load_forms

    load_forms()
    page = open_page()
    for language in LANGUAGES:
        page.goto(site.url(language, "service_detail", slug=PARKING))
        check_page(page, "service page")
        follow(page, page.get_by_role("link", name=site.text(language, "Go to the service")))
        with translation.override(language):
            login = login_url()
            form = reverse("eforms:start", args=[PARKING])
        # The form's start page asks for login and is where the person returns.
        assert_at(page, login, next=form)
        expect_language(page, language)
        check_page(page, "logging in after Go to the service")
