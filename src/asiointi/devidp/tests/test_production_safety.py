"""The test identity provider never runs in production."""

import importlib.util
from pathlib import Path

from django.conf import LazySettings
from django.test import Client as BrowserClient

import asiointi.urls
from asiointi.tests.production import run_in_production

PROJECT = Path(__file__).resolve().parents[4]


def test_turning_it_on_without_debug_stops_the_portal_from_starting() -> None:
    result = run_in_production("check", DEVIDP_ENABLED="true")
    assert result.returncode != 0
    assert "the built-in test identity provider must never run in production" in result.stderr


def test_it_is_off_in_production_unless_asked_for() -> None:
    script = "from django.conf import settings; print(settings.DEVIDP_ENABLED)"
    result = run_in_production("shell", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_when_off_its_addresses_do_not_exist(settings: LazySettings, db: None) -> None:
    settings.DEVIDP_ENABLED = False
    # The project's URLconf read afresh, as a process started with the setting off reads it.
    spec = importlib.util.spec_from_file_location("urls_without_devidp", asiointi.urls.__file__)
    assert spec is not None and spec.loader is not None
    urls = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(urls)
    settings.ROOT_URLCONF = urls
    browser = BrowserClient(HTTP_HOST="localhost")
    for path in ("/devidp/.well-known/openid-configuration", "/devidp/authorize", "/devidp/token"):
        assert browser.get(path).status_code == 404, path
    assert browser.post("/devidp/token").status_code == 404
