"""The review before enrolling and a course with nothing left, in Chromium with axe, at 1280 and
320 px; screenshots in var/screenshots/ for a person to look at."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import Page, expect

from asiointi.catalogue.tests.browser.support import PHONE, CheckPage, OpenPage, Site, follow
from asiointi.courses.models import Course, Enrollment
from asiointi.courses.services import enrollment_create, participant_self
from asiointi.courses.tests.browser.test_enrollment_journey import logged_in_page
from asiointi.courses.tests.conftest import MakeCourse, MakePerson, acting_as

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def in_finnish(course: Course) -> str:
    with translation.override("fi"):
        return course.get_absolute_url()


def look(page: Page, check: CheckPage, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, viewport in ((1280, {"width": 1280, "height": 800}), (320, PHONE)):
        page.set_viewport_size(viewport)  # type: ignore[arg-type]
        check(page, f"{name} at {width}px")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_review_shows_the_terms_and_going_back_keeps_the_answers(
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    make_course: MakeCourse,
    make_person: MakePerson,
    javascript: bool,
) -> None:
    course = make_course(price=Decimal("45.00"), address="Helsinginkatu 26")
    page = logged_in_page(open_page, site, make_person(), javascript=javascript)
    page.goto(site.base_url + in_finnish(course))
    page.locator("label", has_text="Joku muu").click()
    page.get_by_label("Osallistujan nimi").fill("Aino Esimerkki")
    page.get_by_label("Osallistujan syntymäaika").fill("24.5.2018")
    follow(page, page.get_by_role("button", name="Ilmoittaudu"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tarkista ilmoittautumisesi")
    main = page.get_by_role("main")
    expect(main).to_contain_text("45")
    expect(main).to_contain_text("Helsinginkatu 26")
    expect(main).to_contain_text("Aino Esimerkki")
    if javascript:
        look(page, check_page, "course-review-fi")
    follow(page, page.get_by_role("link", name="Muuta vastauksia"))
    expect(page.get_by_label("Osallistujan nimi")).to_have_value("Aino Esimerkki")
    follow(page, page.get_by_role("button", name="Ilmoittaudu"))
    follow(page, page.get_by_role("button", name="Vahvista ilmoittautuminen"))
    expect(page.locator(".enrollment-answer")).to_contain_text("Olet ilmoittautunut")
    assert Enrollment.objects.get().participant_name == "Aino Esimerkki"


def test_a_course_with_nothing_left_says_so(
    site: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    make_course: MakeCourse,
    make_person: MakePerson,
) -> None:
    course = make_course(capacity=1, waiting_capacity=1)
    for _ in range(2):
        enrollment_create(
            course=course, acting=acting_as(make_person()), participant=participant_self()
        )
    page = logged_in_page(open_page, site, make_person())
    page.goto(site.base_url + in_finnish(course))
    expect(page.locator(".course-full")).to_contain_text("Kurssi ja sen varasijat ovat täynnä")
    expect(page.get_by_role("button", name="Ilmoittaudu")).to_have_count(0)
    look(page, check_page, "course-full-fi")
