"""The journey the portal exists for, step by step: the demo city's rental home application (the
front page's most used form, with an attachment), a course, and the folder that shows both.

Labels come from the form's own definition and the portal's catalogues, in the resident's
language, so the steps read the same in Finnish, Swedish and English."""

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import CheckPage, assert_at
from asiointi.eforms.demo import DEMO_DIR
from asiointi.identity.tests.browser.support import Resident

FORM = "vuokra-asuntohakemus"
ATTACHMENT = "irtisanomisilmoitus.pdf"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
MOVE_YEAR = str(date.today().year + 1)

# Who walks the journey in each language (test persons of the built-in provider).
PERSONS = {"fi": "testila-tessa", "sv": "kivi-joni", "en": "sallinen-anna-liisa"}
SEARCH_WORDS = {"fi": "vuokra-asunto", "sv": "hyresbostad", "en": "rental home"}


@cache
def definition() -> dict[str, Any]:
    return tomllib.loads((DEMO_DIR / f"{FORM}.toml").read_text())


def pdf_file(folder: Path) -> Path:
    path = folder / ATTACHMENT
    path.write_bytes(PDF)
    return path


@dataclass
class Applicant(Resident):
    """A resident who starts from the catalogue: "Go to the service" opens the form's start page,
    which asks for identification first and returns there after registering."""

    service_slug: str = FORM

    def form_text(self, *keys: str) -> str:
        """A text of the form's definition: ("title",), (page, "title"), (page, question) or
        (page, question, option value)."""
        found: Any = definition()
        if len(keys) > 1:
            found = next(p for p in found["pages"] if p["key"] == keys[0])
            if keys[1] != "title":
                found = next(q for q in found["questions"] if q["key"] == keys[1])
            if len(keys) == 3:
                found = next(o for o in found["options"] if o["value"] == keys[2])
            found = found["label"] if keys[-1] != "title" else found["title"]
        else:
            found = found[keys[0]]
        return str(found[self.language])

    def service(self) -> Service:
        return Service.objects.get(slug=FORM)

    def url(self, name: str, *args: object) -> str:
        with translation.override(self.language):
            return self.site.base_url + reverse(name, args=args)

    @property
    def start_path(self) -> str:
        return self.path("eforms:start", slug=FORM)

    def expect_service_page(self, *, logged_in: bool) -> None:
        """After registering the journey continues where it was going: the form's start page."""
        assert_at(self.page, self.start_path)
        expect(self.heading()).to_have_text(self.form_text("title"))
        self.expect_logged_in()

    def expect_page(self, title: str, state: str) -> None:
        expect(self.heading()).to_have_text(title)
        self.check(self.page, state)


def essentials(page: Page, state: str) -> None:
    """What a person sees on every page, without axe: one h1, no sideways scrolling."""
    assert page.locator("h1").count() == 1, f"{state}: not exactly one h1 at {page.url}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("document.documentElement.clientWidth"), f"{state}: too wide"


def light_check(check_page: CheckPage, javascript: bool) -> CheckPage:
    """`check_page` where JavaScript runs. Without it axe cannot run, and loading the page again
    with JavaScript gives another page (a fresh CSRF token, another session): the run with
    JavaScript checks the same pages, so here only `essentials`."""
    return check_page if javascript else essentials
