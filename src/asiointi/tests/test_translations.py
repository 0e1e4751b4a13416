"""Every user-facing text exists in Finnish, Swedish and English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.loader import get_template

from asiointi.catalogue.help import help_pages

# The project's catalogue and each app's own (apps keep theirs in <app>/locale/).
CATALOGUES = sorted(Path(settings.PACKAGE_DIR).rglob("locale/en/LC_MESSAGES/django.po"))


def _catalogue(en_po: Path, lang: str) -> polib.POFile:
    return polib.pofile(str(en_po.parents[2] / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_message_is_translated(lang: str) -> None:
    missing = []
    for en_po in CATALOGUES:
        po = _catalogue(en_po, lang)
        missing += [f"{en_po.parents[3]}: {e.msgid}" for e in po.untranslated_entries()]
        missing += [f"{en_po.parents[3]}: {e.msgid}" for e in po.fuzzy_entries()]
    assert missing == []


def test_message_catalogues_cover_every_string_in_the_code() -> None:
    """makemessages would add nothing: the .po files are current with the code."""
    known = {(e.msgctxt, e.msgid) for en_po in CATALOGUES for e in polib.pofile(str(en_po))}
    import re

    pattern = re.compile(r'{%\s*translate\s+"([^"]+)"(?:\s+context\s+"([^"]+)")?')
    source = Path(settings.PACKAGE_DIR)
    missing = set()
    for template in source.rglob("templates/**/*.html"):
        for msgid, context in pattern.findall(template.read_text()):
            if (context or None, msgid) not in known:
                missing.add(f"{template.name}: {msgid}")
    assert sorted(missing) == []


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_help_page_is_written_in_every_language(lang: str) -> None:
    for page in help_pages():
        assert page.title[lang] and page.summary[lang]
        get_template(page.template_name(lang))
