"""The accessibility statement follows the Finnish model statement in fi, sv and en: the status,
what does not yet meet the requirements and what has not been assessed, each item with the date
it was recorded and the later date it will be fixed or assessed by, what is out of scope,
feedback, the supervisory authority and the statement's own dates."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.catalogue.help import ACCESSIBILITY_STATEMENT

# The model statement's sections, in order (saavutettavuusvaatimukset.fi).
SECTIONS = {
    "fi": [
        "Digipalvelun saavutettavuuden tila",
        "Ei-saavutettava sisältö",
        "Sisältö, joka ei vielä ole vaatimusten mukainen",
        "Mitä emme ole vielä arvioineet",
        "Sisältö, joka ei kuulu lainsäädännön piiriin",
        "Huomasitko saavutettavuuspuutteen digipalvelussamme?",
        "Valvontaviranomainen",
        "Tiedot saavutettavuusselosteesta",
    ],
    "sv": [
        "Den digitala tjänstens tillgänglighetsstatus",
        "Innehåll som inte är tillgängligt",
        "Innehåll som ännu inte uppfyller kraven",
        "Det här har vi ännu inte bedömt",
        "Innehåll som inte omfattas av lagstiftningen",
        "Upptäckte du brister i tillgängligheten i vår digitala tjänst?",
        "Tillsynsmyndighet",
        "Information om tillgänglighetsutlåtandet",
    ],
    "en": [
        "Compliance status",
        "Non-accessible content",
        "Content that does not yet meet the requirements",
        "What we have not assessed yet",
        "Content outside the scope of the law",
        "Did you notice an accessibility issue in our digital service?",
        "Supervisory authority",
        "About this statement",
    ],
}
# The sections whose every item needs its dates: what fails (which may be empty) and what has
# not been assessed yet.
FAILS, NOT_ASSESSED = 2, 3
MONTHS = "January February March April May June July August September October November December"
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
ENGLISH_DATE = re.compile(r"\b(\d{1,2}) (" + MONTHS.replace(" ", "|") + r") (\d{4})\b")


class Sections(HTMLParser):
    """The statement's h2/h3 headings, and the text of the list items under each."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.items: dict[str, list[str]] = {}
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h2", "h3", "li"):
            self._in, self._text = tag, ""

    def handle_endtag(self, tag: str) -> None:
        if tag != self._in:
            return
        text = " ".join(self._text.split())
        if tag == "li" and self.headings:
            self.items.setdefault(self.headings[-1], []).append(text)
        elif tag != "li":
            self.headings.append(text)
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data


def dates(language: str, text: str) -> list[date]:
    if language == "en":
        months = MONTHS.split()
        found = ENGLISH_DATE.findall(text)
        return [date(int(y), months.index(m) + 1, int(d)) for d, m, y in found]
    return [date(int(y), int(m), int(d)) for d, m, y in NUMERIC_DATE.findall(text)]


def statement(client: Client, language: str) -> tuple[str, Sections]:
    with translation.override(language):
        url = reverse("catalogue:help_page", args=[ACCESSIBILITY_STATEMENT])
    html = client.get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    parsed = Sections()
    parsed.feed(main)
    return main, parsed


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_statement_has_the_model_sections_in_order(client: Client, language: str) -> None:
    _, parsed = statement(client, language)
    found = [heading for heading in parsed.headings if heading in SECTIONS[language]]
    assert found == SECTIONS[language]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_shortcoming_has_the_date_recorded_and_a_later_date_to_be_dealt_with(
    client: Client, language: str
) -> None:
    _, parsed = statement(client, language)
    fails = parsed.items.get(SECTIONS[language][FAILS], [])
    not_assessed = parsed.items.get(SECTIONS[language][NOT_ASSESSED], [])
    assert not_assessed, f"{language}: nothing listed as not assessed"
    for item in fails + not_assessed:
        found = dates(language, item)
        assert len(found) == 2 and found[0] < found[1], f"{language}: {item}"


@pytest.mark.django_db
def test_the_three_languages_list_the_same_number_of_things(client: Client) -> None:
    counts = {}
    for language in ("fi", "sv", "en"):
        _, parsed = statement(client, language)
        counts[language] = [len(parsed.items.get(name, [])) for name in SECTIONS[language]]
    assert counts["fi"] == counts["sv"] == counts["en"], counts
