"""Keyboard and small screens: on every kind of page the first Tab shows the skip link and it takes
focus to the content; every page has one h1; nothing scrolls sideways on a 320px phone, even
with the longest words of the catalogue. (`check_page` also asserts the h1 and the width on
every page state of every browser test.)"""

import re
from collections.abc import Callable
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from asiointi.catalogue import help
from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import (
    LANGUAGES,
    NO_SUCH_SERVICE,
    PARKING,
    PHONE,
    VIEWPORTS,
    CheckPage,
    OpenPage,
    Site,
)

pytestmark = pytest.mark.browser

WORD = re.compile(r"[^\W_]+")


def kinds_of_page(site: Site) -> dict[str, Callable[[str], str]]:
    """An address of each kind of page, in a given language."""
    parking = Service.objects.select_related("agency").get(slug=PARKING)
    agency = parking.agency

    def search(lang: str) -> str:
        return site.url(lang, "service_list") + "?" + urlencode({"q": site.name(lang, parking)})

    # The same pages as the walks see, so the session checks each with axe only once.
    return {
        "front page": lambda lang: site.url(lang, "front_page"),
        "search results": search,
        "filtered e-services": lambda lang: (
            site.url(lang, "service_list")
            + f"?agency={agency.slug}&audience={Service.Audience.PERSONS}"
        ),
        "service page": lambda lang: site.url(lang, "service_detail", slug=PARKING),
        "agencies": lambda lang: site.url(lang, "agency_list"),
        "agency page": lambda lang: site.url(lang, "agency_detail", slug=agency.slug),
        "instructions": lambda lang: site.url(lang, "help_index"),
        "help page": lambda lang: site.url(lang, "help_page", slug=help.ACCESSIBILITY_STATEMENT),
        "missing page": lambda lang: site.url(lang, "service_detail", slug=NO_SUCH_SERVICE),
    }


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_on_every_kind_of_page_the_first_tab_focuses_the_skip_link_which_moves_focus_to_main(
    open_page: OpenPage, site: Site, check_page: CheckPage, viewport: str
) -> None:
    page = open_page(VIEWPORTS[viewport])
    for number, (kind, address) in enumerate(kinds_of_page(site).items()):
        language = LANGUAGES[number % len(LANGUAGES)]
        page.goto(address(language))
        expect(page.locator("h1"), f"{kind}: exactly one h1").to_have_count(1)
        check_page(page, kind)

        page.keyboard.press("Tab")
        skip_link = page.get_by_role("link", name=site.text(language, "Skip to content"))
        expect(skip_link, f"{kind}: the first Tab focuses the skip link").to_be_focused()
        expect(skip_link).to_be_in_viewport()
        check_page(page, f"{kind} with the skip link focused")

        page.keyboard.press("Enter")
        expect(page.get_by_role("main"), f"{kind}: the skip link focuses main").to_be_focused()
        page.keyboard.press("Tab")
        in_main = page.evaluate(
            "() => document.querySelector('main').contains(document.activeElement)"
        )
        assert in_main, f"{kind}: after the skip link, the next Tab goes on inside main"


def longest_word_service(language: str, site: Site) -> Service:
    def longest_word(service: Service) -> int:
        return max(len(word) for word in WORD.findall(site.name(language, service)))

    return max(Service.objects.filter(published=True).order_by("slug"), key=longest_word)


def test_nothing_scrolls_sideways_on_a_320px_phone_even_with_the_longest_words(
    open_page: OpenPage, site: Site, check_page: CheckPage
) -> None:
    page = open_page(PHONE)
    for language in LANGUAGES:
        service = longest_word_service(language, site)
        page.goto(site.url(language, "service_detail", slug=service.slug))
        expect(page.get_by_role("heading", level=1)).to_have_text(site.name(language, service))
        check_page(page, f"the service with the longest word in its name in {language}")

    # Someone pastes a long unbroken text into the search: it is repeated in the results heading.
    page.goto(site.url("fi", "service_list") + "?q=" + "asukaspysäköintitunnushakemus" * 6)
    check_page(page, "a search for a long unbroken text")
