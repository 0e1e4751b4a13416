"""Two residents in Chromium: one enrolls, the other lands on the waiting list; the first cancels
and the second finds the place in their folder. Every page state is checked with axe."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.courses.tests.conftest import MakeCourse, MakePerson
from asiointi.identity.models import User

pytestmark = pytest.mark.browser


def logged_in_page(
    open_page: OpenPage, site: Site, person: User, *, javascript: bool = True
) -> Page:
    """A browser already logged in as the person: identification has tests of its own. (axe
    checks a page seen without JavaScript by loading it again with JavaScript in a context of
    its own, not logged in: check_page only pages seen with JavaScript.)"""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.create()
    page = open_page(javascript=javascript)
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site.base_url}]
    )
    return page


def t(language: str, text: str, **values: object) -> str:
    with translation.override(language):
        return translation.gettext(text) % values if values else translation.gettext(text)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_enroll_wait_cancel_and_the_place_moves_to_the_waiting(
    language: str,
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    make_course: MakeCourse,
    make_person: MakePerson,
) -> None:
    course = make_course(capacity=1, waiting_capacity=1)
    with translation.override(language):
        course_list = site.base_url + reverse("courses:course_list")
        folder = site.base_url + reverse("folder:index")
        course_page = site.base_url + reverse("courses:course_detail", kwargs={"code": course.code})
    first = logged_in_page(open_page, site, make_person("Aino"))
    first.goto(course_list)
    check_page(first, "course list")
    follow(first, first.get_by_role("link", name=getattr(course, f"name_{language}")))
    expect(first.locator("main")).to_contain_text(
        t(language, "Enrollment is open until %(when)s", when="")[:10]
    )
    check_page(first, "course page, open")
    follow(first, first.get_by_role("button", name=t(language, "Enroll")))
    expect(first.get_by_role("heading", level=1)).to_have_text(t(language, "Check your enrollment"))
    check_page(first, "review before enrolling")
    follow(first, first.get_by_role("button", name=t(language, "Confirm enrollment")))
    expect(first.locator(".enrollment-answer")).to_contain_text(t(language, "You are enrolled."))
    check_page(first, "enrolled")

    second = logged_in_page(open_page, site, make_person("Eino"))
    second.goto(course_page)
    follow(second, second.get_by_role("button", name=t(language, "Enroll")))
    confirm_waiting = t(language, "Confirm and join the waiting list")
    follow(second, second.get_by_role("button", name=confirm_waiting))
    waiting = t(language, "You are number %(position)s on the waiting list.", position=1)
    expect(second.locator(".enrollment-answer")).to_contain_text(waiting)
    check_page(second, "on the waiting list")

    follow(first, first.get_by_role("link", name=t(language, "Cancel enrollment")))
    expect(first.get_by_role("heading", level=1)).to_have_text(
        t(language, "Cancel the enrollment?")
    )
    check_page(first, "asked before cancelling")
    follow(first, first.get_by_role("button", name=t(language, "Yes, cancel the enrollment")))
    expect(first.locator(".enrollment-answer")).to_contain_text(
        t(language, "This enrollment has been cancelled.")
    )
    check_page(first, "cancelled")

    second.goto(folder)
    entry = second.locator("main li", has_text=getattr(course, f"name_{language}"))
    expect(entry).to_contain_text(t(language, "Enrolled"))
    check_page(second, "folder after promotion")
    follow(second, entry.get_by_role("link"))
    expect(second.locator(".enrollment-answer")).to_contain_text(t(language, "You are enrolled."))


def test_the_waiting_person_sees_the_opening_and_the_queue_without_javascript(
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    make_course: MakeCourse,
    make_person: MakePerson,
) -> None:
    # Time enough for the pages and their checks before the opening, on a busy machine too.
    course = make_course(opens_at=timezone.now() + timedelta(seconds=15))
    person = make_person()
    page = logged_in_page(open_page, site, person, javascript=False)
    with translation.override("en"):
        page.goto(site.base_url + reverse("courses:course_detail", kwargs={"code": course.code}))
    follow(page, page.get_by_role("button", name="Join the queue"))
    follow(page, page.get_by_role("button", name="Confirm and join the queue"))
    expect(page.locator(".enrollment-answer")).to_contain_text("You are in the queue.")
    checked = logged_in_page(open_page, site, person)
    checked.goto(page.url)
    check_page(checked, "in the pre-queue")
    with translation.override("en"):
        checked.goto(site.base_url + course.get_absolute_url())
    expect(checked.locator(".course-countdown")).to_be_visible()
    check_page(checked, "course page counting down to the opening")
    # The page refreshes itself at the opening time and then gives the answer.
    expect(page.locator(".enrollment-answer")).to_contain_text("You are enrolled.", timeout=30_000)
