"""Help pages: titles in help/pages.toml, texts in templates/catalogue/help/<slug>.<lang>.html."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.http import Http404

PAGES_FILE = Path(__file__).resolve().parent / "help" / "pages.toml"
ACCESSIBILITY_STATEMENT = "saavutettavuusseloste"
PRIVACY_NOTICE = "tietosuoja"
LOGIN_HELP = "kirjautuminen"
ADVICE = "neuvonta"


@dataclass(frozen=True)
class HelpPage:
    slug: str
    title: dict[str, str]
    summary: dict[str, str]

    def template_name(self, language: str) -> str:
        return f"catalogue/help/{self.slug}.{language}.html"


@cache
def help_pages() -> list[HelpPage]:
    with PAGES_FILE.open("rb") as f:
        entries = tomllib.load(f)["page"]
    return [HelpPage(e["slug"], e["title"], e["summary"]) for e in entries]


def help_page(slug: str) -> HelpPage:
    for page in help_pages():
        if page.slug == slug:
            return page
    raise Http404
