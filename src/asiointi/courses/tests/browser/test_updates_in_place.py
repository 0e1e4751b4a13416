"""Before the opening, pages update themselves without ever losing what a person typed: with
JavaScript they change in place, without it only pages without a form reload (WCAG 2.2.1, 3.3.3)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.courses.models import Course
from asiointi.courses.tests.browser.test_enrollment_journey import logged_in_page
from asiointi.courses.tests.conftest import MakeCourse, MakePerson

pytestmark = pytest.mark.browser


def course_url(site: Site, course: Course) -> str:
    with translation.override("en"):
        return site.base_url + reverse("courses:course_detail", kwargs={"code": course.code})


def mark(page: Page) -> None:
    """A mark that a reload would wipe out."""
    page.evaluate("() => { window.notReloaded = true; }")


def not_reloaded(page: Page) -> bool:
    return bool(page.evaluate("() => window.notReloaded === true"))


def test_at_the_opening_the_page_changes_in_place_and_keeps_what_was_typed(
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    make_course: MakeCourse,
    make_person: MakePerson,
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(seconds=6))
    page = logged_in_page(open_page, site, make_person())
    page.goto(course_url(site, course))
    expect(page.get_by_text("This page updates itself")).to_be_visible()
    check_page(page, "course page with the form before the opening")
    mark(page)
    page.locator("label", has_text="Someone else").click()
    name = page.get_by_label("Participant's name")
    name.press_sequentially("Ville Virta")
    expect(page.locator(".course-opening")).to_contain_text(
        "Enrollment is open until", timeout=15_000
    )
    expect(page.locator("[data-live-announce]")).to_contain_text("Enrollment is open until")
    expect(page.get_by_role("button", name="Enroll")).to_be_visible()
    expect(name).to_have_value("Ville Virta")
    expect(name).to_be_focused()
    assert not_reloaded(page)
    expect(page.get_by_text("This page updates itself")).to_be_hidden()


def test_a_refused_enrollment_before_the_opening_is_not_reloaded_without_javascript(
    site: Site, open_page: OpenPage, make_course: MakeCourse, make_person: MakePerson
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(seconds=4))
    page = logged_in_page(open_page, site, make_person(), javascript=False)
    page.goto(course_url(site, course))
    page.locator("label", has_text="Someone else").click()
    page.get_by_label("Participant's name").fill("Ville Virta")
    follow(page, page.get_by_role("button", name="Join the queue"))
    expect(page.locator("#error-summary")).to_be_visible()
    answered_at = page.url
    loads: list[str] = []
    page.on("request", lambda request: loads.append(request.method + " " + request.url))
    page.wait_for_timeout(7_000)  # past the opening, when the old page reloaded itself
    assert loads == []
    assert page.url == answered_at
    expect(page.get_by_label("Participant's name")).to_have_value("Ville Virta")


def test_stop_updating_stops_every_update_with_javascript(
    site: Site, open_page: OpenPage, make_course: MakeCourse
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(seconds=4))
    page = open_page()
    page.goto(course_url(site, course))
    mark(page)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.get_by_role("link", name="Stop updating").click()
    expect(page.get_by_text("This page no longer updates itself.")).to_be_visible()
    expect(page.get_by_role("link", name="Update now")).to_be_focused()
    shown = page.locator(".course-countdown").inner_text()
    page.wait_for_timeout(6_000)
    assert fetched == []
    assert not_reloaded(page)
    expect(page.locator(".course-opening")).to_contain_text("Enrollment opens")
    assert page.locator(".course-countdown").inner_text() == shown
    assert page.url.endswith("?updates=off")


def test_stop_updating_stops_the_reload_at_the_opening_without_javascript(
    site: Site, open_page: OpenPage, make_course: MakeCourse
) -> None:
    course = make_course(opens_at=timezone.now() + timedelta(seconds=4))
    page = open_page(javascript=False)
    page.goto(course_url(site, course))
    follow(page, page.get_by_role("link", name="Stop updating"))
    expect(page.get_by_text("This page no longer updates itself.")).to_be_visible()
    loads: list[str] = []
    page.on("request", lambda request: loads.append(request.url))
    page.wait_for_timeout(6_000)
    assert loads == []


def test_the_queue_answer_changes_in_place_at_the_opening(
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    make_course: MakeCourse,
    make_person: MakePerson,
) -> None:
    # Time for the review page too before the opening.
    course = make_course(opens_at=timezone.now() + timedelta(seconds=10))
    page = logged_in_page(open_page, site, make_person())
    page.goto(course_url(site, course))
    follow(page, page.get_by_role("button", name="Join the queue"))
    follow(page, page.get_by_role("button", name="Confirm and join the queue"))
    expect(page.locator(".enrollment-answer")).to_contain_text("You are in the queue.")
    check_page(page, "in the queue, with JavaScript")
    mark(page)
    expect(page.locator(".enrollment-answer")).to_contain_text("You are enrolled.", timeout=15_000)
    assert not_reloaded(page)
