"""The journey by keyboard alone, as a person who cannot use a mouse does it, in Finnish, Swedish
and English: Tab and Shift+Tab, Enter, Space and arrows, no clicks, and no typed address after
the first page. At each step the expected element has focus and its focus can be seen (WCAG
2.1.1, 2.4.3, 2.4.7, 1.4.11); after an error focus is on the error summary, whose link takes
focus to the field; a page of the portal starts from its skip link."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import FileChooser, Locator, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from asiointi.catalogue.tests.browser.support import OpenPage, Site, assert_at
from asiointi.courses.models import Course, Enrollment
from asiointi.devidp.forms import METHODS
from asiointi.identity.tests.browser.support import outbox_code, persona
from asiointi.submissions.models import Submission
from asiointi.tests.journey.keys import Keys
from asiointi.tests.journey.support import (
    ATTACHMENT,
    MOVE_YEAR,
    PERSONS,
    SEARCH_WORDS,
    Applicant,
    essentials,
    pdf_file,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class KeyboardApplicant(Applicant):
    keys: Keys

    def field(self, label: str) -> Locator:
        return self.main.get_by_label(label, exact=True)

    def press_button(self, name: str, where: str, scope: Locator | None = None) -> None:
        button = (scope or self.main).get_by_role("button", name=name, exact=True)
        self.keys.tab_to(button, where)
        self.keys.go("Enter")

    def follow_link(self, link: Locator, where: str) -> None:
        self.keys.tab_to(link, where)
        self.keys.go("Enter")

    def type_into(self, label: str, text: str, where: str) -> None:
        self.keys.tab_to(self.field(label), where)
        self.keys.replace(text)

    def choose(self, group: Locator, option: str, where: str) -> None:
        self.choose_radio(group.get_by_label(option, exact=True), where)

    def choose_radio(self, target: Locator, where: str) -> None:
        """Tab into the group (onto its first or checked button), then arrows to the target."""
        name = target.get_attribute("name")
        for _ in range(60):
            self.keys.press("Tab")
            if self.page.evaluate("() => document.activeElement.name") == name:
                break
        for _ in range(10):
            if target.is_checked():
                break
            self.keys.press("ArrowDown")
        expect(target).to_be_checked()
        self.keys.expect_visible_focus(target, where)

    def tick(self, label: str, where: str) -> None:
        box = self.field(label)
        self.keys.tab_to(box, where)
        self.keys.press("Space")
        expect(box).to_be_checked()

    def go_on(self, where: str) -> None:
        self.press_button(self.t("Continue"), where)

    def page_starts(self, title: str, where: str) -> None:
        self.expect_page(title, where)
        self.keys.expect_start_of_page(where)


def find_and_identify(me: KeyboardApplicant) -> None:
    keys = me.keys
    me.page.goto(me.site.url(me.language, "front_page"))  # the one address typed
    keys.expect_start_of_page("front page")
    keys.go("Enter")  # the skip link: focus moves to the content, no new page
    search = me.main.get_by_role("searchbox").first
    keys.tab_to(search, "search field")
    keys.type(SEARCH_WORDS[me.language])
    keys.go("Enter")
    title = me.site.name(me.language, me.service())
    keys.expect_start_of_page("search results")
    me.follow_link(me.main.get_by_role("link", name=title, exact=True).first, "result")
    me.page_starts(title, "service page")
    me.follow_link(me.main.get_by_role("link", name=me.t("Go to the service")), "start")
    assert_at(me.page, me.path("identity:login"), next=me.start_path)
    keys.expect_start_of_page("login page")
    me.press_button(me.t("Log in", "button"), "log in")
    # The built-in provider stands in for Suomi.fi's own pages here.
    method = dict(METHODS)["bank"]
    me.press_button(me.t(method), "identification method")
    me.choose_radio(me.page.locator(f"#person-{me.person.key}"), "test person")
    me.press_button(me.t("Identify"), "identify")
    me.page_starts(me.t("Identification succeeded"), "identified")
    me.follow_link(me.main.get_by_role("link", name=me.t("Continue to the service")), "onward")


def register(me: KeyboardApplicant) -> None:
    keys = me.keys
    me.page_starts(me.t("Register for e-services"), "registration")
    email = f"{me.person.key}@example.fi"
    me.type_into(me.t("E-mail address"), email, "e-mail address")
    keys.go("Enter")  # Enter in the field sends the form
    me.page_starts(me.t("Enter the confirmation code"), "code page")
    me.type_into(me.t("Confirmation code"), outbox_code(email), "code field")
    keys.go("Enter")
    me.page_starts(me.form_text("title"), "form start page after registering")


def fill_with_an_error_first(me: KeyboardApplicant) -> None:
    """The applicant page sent without the phone number: focus on the error summary, its link
    to the field, the field typed into, Enter sends the page on."""
    keys = me.keys
    me.press_button(me.t("Start"), "start the form")
    me.page_starts(me.form_text("applicant", "title"), "applicant page")
    me.go_on("continue without a phone number")
    summary = me.page.locator("#error-summary")
    keys.expect_visible_focus(summary, "error summary")
    assert me.page.title().startswith(me.t("Error:")), me.page.title()
    error_link = summary.get_by_role("link").first
    keys.tab_to(error_link, "the error's link")
    keys.press("Enter")
    phone = me.field(me.form_text("applicant", "phone"))
    keys.expect_visible_focus(phone, "phone field after the error link")
    keys.type("040 123 4567")
    keys.go("Enter")


def fill_the_rest(me: KeyboardApplicant, folder: Path) -> None:
    keys = me.keys
    me.page_starts(me.form_text("nationality", "title"), "citizenship page")
    citizenship = me.main.get_by_role("group", name=me.form_text("nationality", "citizenship"))
    me.choose(citizenship, me.form_text("nationality", "citizenship", "eu"), "citizenship")
    me.go_on("citizenship page")
    me.page_starts(me.form_text("household", "title"), "household page")
    others = me.main.get_by_role("group", name=me.form_text("household", "others_moving"))
    me.choose(others, me.t("No"), "anyone moving in")
    me.go_on("household page")
    me.page_starts(me.form_text("housing", "title"), "housing page")
    housing = me.main.get_by_role("group", name=me.form_text("housing", "housing_type"))
    me.choose(housing, me.form_text("housing", "housing_type", "rental"), "housing")
    need = me.main.get_by_label(me.form_text("housing", "housing_need"))
    keys.tab_to(need, "why a new home")
    keys.type("Vuokrasopimus päättyy.")
    me.go_on("housing page")
    me.page_starts(me.form_text("income", "title"), "income page")
    me.type_into(me.form_text("income", "income_month"), "2400", "income")
    me.type_into(me.form_text("income", "wealth"), "0", "wealth")
    keys.go("Enter")
    me.page_starts(me.form_text("wishes", "title"), "wishes page")
    me.tick(me.form_text("wishes", "rooms", "2"), "two rooms")
    accessible = me.main.get_by_role("group", name=me.form_text("wishes", "accessible"))
    me.choose(accessible, me.t("No"), "accessible home")
    me.type_into(me.t("Day"), "1", "day")
    me.type_into(me.t("Month"), "9", "month")
    me.type_into(me.t("Year"), MOVE_YEAR, "year")
    # Back to the month to correct it.
    keys.tab_to(me.field(me.t("Month")), "month again", back=True)
    keys.replace("8")
    keys.go("Enter")
    me.page_starts(me.form_text("documents", "title"), "documents page")
    files = me.main.get_by_label(me.form_text("documents", "supporting_documents"), exact=False)
    keys.tab_to(files, "file chooser")
    choose_by_space(me, files).set_files(pdf_file(folder))
    me.go_on("documents page")
    me.page_starts(me.form_text("confirm", "title"), "declaration page")
    me.tick(me.form_text("confirm", "declaration"), "declaration")
    me.go_on("declaration page")


def choose_by_space(me: KeyboardApplicant, files: Locator) -> FileChooser:
    """Space on the focused file field opens the file chooser. On a loaded machine Chromium now
    and then lets the first press pass without one: the field must still have focus, and a second
    press must open it."""
    try:
        with me.page.expect_file_chooser(timeout=5_000) as chooser:
            me.keys.press("Space")
        return chooser.value
    except PlaywrightTimeoutError:
        assert me.keys.focused(files), "the file field lost focus"
        with me.page.expect_file_chooser() as chooser:
            me.keys.press("Space")
        return chooser.value


def send_enroll_and_log_out(me: KeyboardApplicant, course: Course) -> None:
    keys = me.keys
    me.page_starts(me.t("Check your answers before sending"), "check page")
    expect(me.main).to_contain_text(ATTACHMENT)
    me.press_button(me.t("Send"), "send")
    me.page_starts(me.t("Form sent"), "receipt")
    expect(me.main.locator(".reference")).to_have_text(Submission.objects.get().reference)
    folder = me.t("Go to your e-services folder")
    me.follow_link(me.main.get_by_role("link", name=folder), "to the folder")
    me.page_starts(me.t("E-services folder"), "folder")
    nav = me.page.get_by_role("navigation", name=me.t("Main"))
    me.follow_link(nav.get_by_role("link", name=me.t("Courses")), "main menu: courses")
    keys.expect_start_of_page("course list")
    name = me.site.name(me.language, course)
    me.follow_link(me.main.get_by_role("link", name=name), "the course")
    me.page_starts(name, "course page")
    me.press_button(me.t("Enroll"), "enroll")
    me.page_starts(me.t("Check your enrollment"), "review")
    me.press_button(me.t("Confirm enrollment"), "confirm enrollment")
    expect(me.main.locator(".enrollment-answer")).to_contain_text(me.t("You are enrolled."))
    keys.expect_start_of_page("enrolled")
    assert Enrollment.objects.get().course == course
    header = me.page.get_by_role("banner")
    me.press_button(me.t("Log out"), "log out", scope=header)
    logged_out = me.path("identity:logged_out")
    me.page.wait_for_url(lambda url: urlsplit(url).path == logged_out)
    me.page_starts(me.t("You have logged out"), "logged out")
    me.expect_logged_out()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_journey_by_keyboard_alone_with_visible_focus_at_every_step(
    language: str,
    portal: Site,
    open_page: OpenPage,
    course: Course,
    tmp_path: Path,
) -> None:
    page = open_page()
    page.set_default_timeout(30_000)  # attachments are scanned; a shared machine can be slow
    page.on("dialog", lambda dialog: pytest.fail(f"unexpected dialog: {dialog.message}"))
    # axe checks these pages in test_the_whole_journey.py; here the point is focus.
    me = KeyboardApplicant(page, portal, language, essentials, persona(PERSONS[language]))
    me.keys = Keys(page)

    find_and_identify(me)
    register(me)
    fill_with_an_error_first(me)
    fill_the_rest(me, tmp_path)
    send_enroll_and_log_out(me, course)
