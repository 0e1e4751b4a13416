"""After an error, focus is on the error summary and the title says "Error:"; its links and the
check page's "Change" links focus the field itself (a group's first input), with its label in
view (WCAG 3.3.1, 2.4.3)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Locator, Page, expect

from asiointi.catalogue.tests.browser.support import CheckPage, Site, follow
from asiointi.courses.tests.conftest import MakeCourse
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser


def in_view(page: Page, element: Locator) -> None:
    box = element.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800, (
        f"{element} is not in view: {box}"
    )


def follow_link(page: Page, link: Locator) -> None:
    """An in-page link: focus moves to its target."""
    link.click()
    page.wait_for_timeout(100)


def test_the_course_page_focuses_its_error_summary_and_the_fields(
    portal: Site, resident_page: Page, check_page: CheckPage, make_course: MakeCourse
) -> None:
    page = resident_page
    course = make_course(opens_at=timezone.now() + timedelta(days=2))
    with translation.override("en"):
        page.goto(portal.base_url + reverse("courses:course_detail", kwargs={"code": course.code}))
    page.locator("label", has_text="Someone else").click()
    follow(page, page.get_by_role("button", name="Join the queue"))
    assert page.title().startswith("Error: ")
    expect(page.locator("#error-summary")).to_be_focused()
    check_page(page, "course page with errors")
    follow_link(page, page.get_by_role("link", name="Enter the participant's name."))
    name = page.get_by_label("Participant's name")
    expect(name).to_be_focused()
    in_view(page, page.locator("label", has_text="Participant's name"))


def test_form_error_links_and_change_links_focus_the_first_input_of_a_group(
    portal: Site, resident_page: Page, check_page: CheckPage
) -> None:
    me = Filler(resident_page, portal, "en", check_page)
    me.open_form("varhaiskasvatushakemus")
    me.fill("Phone number", "040 123 4567")
    me.go_on()
    me.go_on()
    expect(me.page.locator("#error-summary")).to_be_focused()
    follow_link(me.page, me.page.get_by_role("link", name="Preferred start date: Enter a date."))
    day = me.main.get_by_label("Day", exact=True)
    expect(day).to_be_focused()
    in_view(me.page, me.main.get_by_text("Preferred start date", exact=True))
    in_view(me.page, me.main.locator("label", has_text="Day"))

    item = me.main.get_by_role("group", name="Child 1", exact=True)
    item.get_by_label("First names", exact=True).fill("Olli")
    item.get_by_label("Last name", exact=True).fill("Testilä")
    item.get_by_label("Child's personal identity code").fill("010120A985C")
    day.fill("1")
    item.get_by_label("Month", exact=True).fill("8")
    item.get_by_label("Year", exact=True).fill("2099")
    item.get_by_label("Estimated hours of care").fill("8")
    me.go_on()
    me.go_on()
    follow_link(me.page, me.page.get_by_role("link", name="Language of care: Choose one"))
    expect(me.main.get_by_label("Finnish", exact=True)).to_be_focused()
    in_view(me.page, me.main.get_by_text("Language of care", exact=True))
    me.choose("Daycare centre")
    me.choose("Finnish")
    me.go_on()
    me.choose("I confirm the information is correct.")
    me.go_on()
    me.expect_page("Check your answers before sending")
    # The declaration is stated once, beside "Send": no "Declaration" section of answers.
    expect(me.main.get_by_role("heading", name="Declaration", exact=True)).to_have_count(0)
    assert me.main.inner_text().count("information is correct") == 1
    # The guardian's name comes from the register and cannot be changed here.
    expect(me.main.get_by_role("link", name="Change Name", exact=True)).to_have_count(0)
    follow(me.page, me.main.get_by_role("link", name="Change Child's name, Child 1"))
    given = me.main.get_by_label("First names", exact=True)
    expect(given).to_be_focused()
    in_view(me.page, me.main.get_by_text("Child's name", exact=True))
