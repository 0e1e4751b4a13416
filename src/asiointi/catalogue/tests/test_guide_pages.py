"""The guide: help pages show only pictures `make guide` makes, each one there in every language
with its text alternative, and the same pages as one PDF per language."""

import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from asiointi.catalogue.guide import GUIDE_PAGES, HERE, LANGUAGES, pictures
from asiointi.catalogue.help import help_page
from asiointi.tests.test_pdf import poppler

HELP_TEMPLATES = HERE / "templates" / "catalogue" / "help"
PICTURE_TAG = re.compile(r'{%\s*guide_picture\s+"([^"]+)"\s*%}')


def referenced() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for template in HELP_TEMPLATES.glob("*.html"):
        for name in PICTURE_TAG.findall(template.read_text()):
            found.setdefault(name, set()).add(template.name)
    return found


def test_help_pages_refer_only_to_pictures_make_guide_makes() -> None:
    unknown = {name: pages for name, pages in referenced().items() if name not in pictures()}
    assert unknown == {}, "help pages name pictures not in help/pictures.toml (make guide)"


def test_every_picture_is_in_the_guide_and_made_in_every_language() -> None:
    assert set(referenced()) == set(pictures()), "a picture make guide takes is shown nowhere"
    missing = [
        str(picture.file(language))
        for picture in pictures().values()
        for language in LANGUAGES
        if not picture.file(language).is_file()
    ]
    assert missing == [], "run `make guide` and commit the pictures"


def test_every_picture_has_a_text_alternative_in_every_language() -> None:
    for picture in pictures().values():
        for language in LANGUAGES:
            assert len(picture.alt.get(language, "")) > 20, (picture.name, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_pages_show_pictures_with_their_alternatives(client: Client, language: str) -> None:
    with translation.override(language):
        url = reverse("catalogue:help_page", args=["nain-asioit"])
    html = client.get(url).content.decode()
    catalogue = pictures()["catalogue"]
    assert f'src="/static/{catalogue.static_path(language)}"' in html
    assert f'alt="{catalogue.alt[language]}"' in html


def test_the_accessibility_statement_no_longer_says_pictures_are_missing(client: Client) -> None:
    html = client.get(reverse("catalogue:help_page", args=["saavutettavuusseloste"])).content
    assert "kuvakaappaukset puuttuvat" not in html.decode()


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("fi", "Sähköisen asioinnin ohjeet"),
        ("sv", "Anvisningar för e-tjänsterna"),
        ("en", "E-services instructions"),
    ],
)
def test_the_guide_is_one_pdf_per_language_from_the_same_pages(
    client: Client, language: str, title: str, tmp_path: Path
) -> None:
    with translation.override(language):
        index = client.get(reverse("catalogue:help_index")).content.decode()
        url = reverse("catalogue:guide_pdf")
    assert f'href="{url}"' in index
    answer = client.get(url)
    assert answer["Content-Type"] == "application/pdf"
    text = poppler("pdftotext", answer.content, tmp_path)
    assert title in text
    for slug in GUIDE_PAGES:
        assert help_page(slug).title[language] in text
    images = subprocess.run(  # noqa: S603
        ["/usr/bin/pdfimages", "-list", str(tmp_path / "out.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(images.splitlines()) - 2 >= len(pictures())
