"""`make guide` photographs the live portal with its demo data for the help pages.

With GUIDE_OUTPUT set (the Makefile sets it to the help pages' static folder) every language is
photographed there; otherwise the Finnish pictures are taken into a temporary folder, which
proves the guide still builds from today's pages."""

import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.guide import pictures
from asiointi.catalogue.tests.browser.guide_capture import capture
from asiointi.courses.demo import load_demo as load_courses
from asiointi.eforms.demo import load_demo as load_forms
from asiointi.submissions.tests.conftest import make_resident

pytestmark = pytest.mark.browser
OUTPUT = os.environ.get("GUIDE_OUTPUT", "")
LANGUAGES = ["fi", "sv", "en"] if OUTPUT else ["fi"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_pictures_are_made_from_the_live_portal(
    language: str,
    live_server: LiveServer,
    demo_catalogue: dict[str, int],
    browser: Browser,
    tmp_path: Path,
) -> None:
    load_forms()
    load_courses()
    resident = make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi")
    newcomer = make_resident("010594Y9032", "Joni", "Kivi", "joni@example.fi")
    newcomer.registered_at = None
    newcomer.email_verified_at = None
    newcomer.save()
    assert timezone.now()
    out = Path(OUTPUT) if OUTPUT else tmp_path
    made = capture(
        browser=browser,
        base_url=live_server.url,
        language=language,
        resident=resident,
        newcomer=newcomer,
        out=out,
    )
    assert sorted(p.name for p in made) == sorted(f"{name}.png" for name in pictures())
    for path in made:
        assert path.stat().st_size > 10_000, f"{path} looks empty"
