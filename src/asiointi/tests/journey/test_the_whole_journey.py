"""The journey the portal exists for, in one go, in Finnish, Swedish and English, with and without
JavaScript: the catalogue, identification at the built-in provider, first-login registration with
a code, the rental home application with an attachment, its check page, sending, the receipt,
the folder showing it, a course enrollment with its review step, the folder again, and one
"Log out" that ends the session. Every page state passes `check_page` (axe with the WCAG 2.1
and 2.2 A/AA rules) where JavaScript runs."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, assert_at, follow
from asiointi.courses.models import Course, Enrollment
from asiointi.identity.tests.browser.support import persona
from asiointi.submissions.models import Submission
from asiointi.tests.journey.support import (
    ATTACHMENT,
    MOVE_YEAR,
    PERSONS,
    SEARCH_WORDS,
    Applicant,
    light_check,
    pdf_file,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def find_the_service(me: Applicant) -> None:
    """Front page → search → the service's description → "Go to the service"."""
    me.page.goto(me.site.url(me.language, "front_page"))
    me.check(me.page, "front page")
    search = me.main.get_by_role("searchbox").first
    search.fill(SEARCH_WORDS[me.language])
    follow(me.page, me.main.get_by_role("button", name=me.t("Search")).first)
    me.check(me.page, "search results")
    title = me.site.name(me.language, me.service())
    follow(me.page, me.main.get_by_role("link", name=title, exact=True).first)
    me.expect_page(title, "service page")
    follow(me.page, me.main.get_by_role("link", name=me.t("Go to the service")))


def identify_and_register(me: Applicant) -> None:
    assert_at(me.page, me.path("identity:login"), next=me.start_path)
    me.check(me.page, "login page")
    me.log_in()
    me.choose_method("bank")
    me.identify()
    me.expect_identified(registered=False)
    me.register(email=f"{me.person.key}@example.fi", mistakes=False)


def fill_the_application(me: Applicant, folder: Path) -> None:
    follow(me.page, me.main.get_by_role("button", name=me.t("Start")))
    me.expect_page(me.form_text("applicant", "title"), "applicant page")
    me.main.get_by_label(me.form_text("applicant", "phone"), exact=True).fill("040 123 4567")
    go_on(me)
    me.expect_page(me.form_text("nationality", "title"), "citizenship page")
    choose(me, me.form_text("nationality", "citizenship", "eu"))
    go_on(me)
    me.expect_page(me.form_text("household", "title"), "household page")
    choose(me, me.t("No"))
    go_on(me)
    me.expect_page(me.form_text("housing", "title"), "housing page")
    choose(me, me.form_text("housing", "housing_type", "rental"))
    me.main.get_by_label(me.form_text("housing", "housing_need")).fill("Vuokrasopimus päättyy.")
    go_on(me)
    me.expect_page(me.form_text("income", "title"), "income page")
    me.main.get_by_label(me.form_text("income", "income_month")).fill("2400")
    me.main.get_by_label(me.form_text("income", "wealth")).fill("0")
    go_on(me)
    me.expect_page(me.form_text("wishes", "title"), "wishes page")
    choose(me, me.form_text("wishes", "rooms", "2"))
    choose(me, me.t("No"))
    for part, value in (("Day", "1"), ("Month", "8"), ("Year", MOVE_YEAR)):
        me.main.get_by_label(me.t(part), exact=True).fill(value)
    go_on(me)
    me.expect_page(me.form_text("documents", "title"), "documents page")
    files = me.main.get_by_label(me.form_text("documents", "supporting_documents"), exact=False)
    files.set_input_files(pdf_file(folder))
    go_on(me)
    me.expect_page(me.form_text("confirm", "title"), "declaration page")
    choose(me, me.form_text("confirm", "declaration"))
    go_on(me)


def choose(me: Applicant, label: str) -> None:
    """Tick a radio button or checkbox by its label, which HDS draws over the input."""
    me.main.locator("label").filter(has_text=label).first.click()
    expect(me.main.get_by_label(label, exact=True).first).to_be_checked()


def go_on(me: Applicant) -> None:
    follow(me.page, me.main.get_by_role("button", name=me.t("Continue"), exact=True))


def send_and_find_in_the_folder(me: Applicant) -> str:
    me.expect_page(me.t("Check your answers before sending"), "check page")
    expect(me.main).to_contain_text(ATTACHMENT)
    expect(me.main).to_contain_text("Vuokrasopimus päättyy.")
    follow(me.page, me.main.get_by_role("button", name=me.t("Send"), exact=True))
    me.expect_page(me.t("Form sent"), "receipt")
    submission = Submission.objects.get()
    expect(me.main.locator(".reference")).to_have_text(submission.reference)
    follow(me.page, me.main.get_by_role("link", name=me.t("Go to your e-services folder")))
    me.expect_page(me.t("E-services folder"), "folder with the application")
    expect(me.main).to_contain_text(submission.reference)
    return submission.reference


def enroll(me: Applicant, course: Course) -> None:
    """From the main menu to the course, the review of its terms, and the confirmation."""
    nav = me.page.get_by_role("navigation", name=me.t("Main"))
    follow(me.page, nav.get_by_role("link", name=me.t("Courses")))
    me.check(me.page, "course list")
    name = me.site.name(me.language, course)
    follow(me.page, me.main.get_by_role("link", name=name))
    me.expect_page(name, "course page")
    follow(me.page, me.main.get_by_role("button", name=me.t("Enroll"), exact=True))
    me.expect_page(me.t("Check your enrollment"), "review before enrolling")
    follow(me.page, me.main.get_by_role("button", name=me.t("Confirm enrollment")))
    expect(me.main.locator(".enrollment-answer")).to_contain_text(me.t("You are enrolled."))
    me.check(me.page, "enrolled")
    follow(me.page, nav.get_by_role("link", name=me.t("E-services folder")))
    me.expect_page(me.t("E-services folder"), "folder with the application and the course")
    entry = me.main.locator("li", has_text=name)
    expect(entry).to_contain_text(me.t("Enrolled"))


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_new_resident_applies_for_a_home_enrolls_on_a_course_and_logs_out(
    language: str,
    javascript: bool,
    portal: Site,
    open_page: OpenPage,
    check_page: CheckPage,
    course: Course,
    tmp_path: Path,
) -> None:
    page = open_page(javascript=javascript)
    page.set_default_timeout(30_000)  # attachments are scanned; a shared machine can be slow
    check = light_check(check_page, javascript)
    me = Applicant(page, portal, language, check, persona(PERSONS[language]), javascript=javascript)

    find_the_service(me)
    identify_and_register(me)
    fill_the_application(me, tmp_path)
    reference = send_and_find_in_the_folder(me)
    enroll(me, course)
    expect(me.main).to_contain_text(reference)
    assert Enrollment.objects.get().course == course

    me.log_out()
    # The session is over: the folder asks for identification again.
    page.goto(me.url("folder:index"))
    assert_at(page, me.path("identity:login"))
