"""Focus is visible on every focusable element of every kind of page: tabbing through each, the
focused element's outline has 3:1 contrast with the background it is drawn on and with the
element itself (WCAG 2.4.7, 1.4.11)."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from asiointi.catalogue.tests.browser.support import PARKING, Site, follow
from asiointi.courses.tests.conftest import MakeCourse
from asiointi.tests.a11y.focus import tab_through

pytestmark = pytest.mark.browser


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{kind}: {problem}" for kind, found in problems.items() for problem in found)


def url(site: Site, name: str, **kwargs: str) -> str:
    with translation.override("fi"):
        return site.base_url + reverse(name, kwargs=kwargs or None)


def test_focus_is_visible_on_public_pages(portal: Site, open_page: object) -> None:
    assert callable(open_page)
    page: Page = open_page()
    problems = {}
    for kind, address in [
        ("front page", url(portal, "catalogue:front_page")),
        ("service page", url(portal, "catalogue:service_detail", slug=PARKING)),
        ("login page", url(portal, "identity:login")),
    ]:
        page.goto(address)
        problems[kind] = [str(p) for p in tab_through(page)]
    assert not any(problems.values()), report(problems)


def test_focus_is_visible_for_a_logged_in_resident(
    portal: Site, resident_page: Page, make_course: MakeCourse
) -> None:
    page = resident_page
    problems = {}
    page.goto(url(portal, "folder:index"))
    assert page.locator(".acting-bar").is_visible()
    problems["folder with the acting bar"] = [str(p) for p in tab_through(page)]

    page.goto(url(portal, "eforms:start", slug=PARKING))
    follow(page, page.get_by_role("main").get_by_role("button", name="Aloita"))
    problems["form page"] = [str(p) for p in tab_through(page)]
    follow(page, page.get_by_role("main").get_by_role("button", name="Jatka", exact=True))
    problems["form page with errors"] = [str(p) for p in tab_through(page)]

    course = make_course()
    page.goto(url(portal, "courses:course_detail", code=course.code))
    problems["course page"] = [str(p) for p in tab_through(page)]
    assert not any(problems.values()), report(problems)
