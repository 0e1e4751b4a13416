"""A person filling in a form in Chromium, checking every page state on the way."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from asiointi.catalogue.tests.browser.support import CheckPage, Site, follow


@dataclass
class Filler:
    page: Page
    site: Site
    language: str
    check: CheckPage

    def t(self, message: str) -> str:
        return self.site.text(self.language, message)

    @property
    def main(self) -> Locator:
        return self.page.get_by_role("main")

    def url(self, name: str, *args: object) -> str:
        with translation.override(self.language):
            return self.site.base_url + reverse(name, args=args)

    def open_form(self, slug: str) -> None:
        self.page.goto(self.url("eforms:start", slug))
        self.check(self.page, f"start page of {slug}")
        follow(self.page, self.main.get_by_role("button", name=self.t("Start")))

    def expect_page(self, title: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_have_text(title)
        self.check(self.page, f"form page {title}")

    def fill(self, label: str, value: str) -> None:
        self.main.get_by_label(label, exact=True).fill(value)

    def choose(self, label: str) -> None:
        """Tick a radio button or checkbox: HDS draws them with their labels, which take clicks."""
        self.main.locator("label").filter(has_text=label).first.click()
        expect(self.main.get_by_label(label, exact=True)).to_be_checked()

    def press(self, name: str) -> None:
        follow(self.page, self.main.get_by_role("button", name=name, exact=True))

    def go_on(self) -> None:
        self.press(self.t("Continue"))

    def expect_errors(self, *messages: str) -> None:
        summary = self.page.get_by_role("alert")
        for message in messages:
            expect(summary).to_contain_text(message)
        assert self.page.title().startswith(self.t("Error:"))
        self.check(self.page, "page with errors")
