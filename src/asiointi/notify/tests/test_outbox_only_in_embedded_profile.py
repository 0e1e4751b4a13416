"""The development outbox exists only in the embedded profile."""

import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import clear_url_caches

from asiointi.notify import views
from asiointi.notify.tests.support import PRODUCTION, run_manage


def reload_urlconf() -> None:
    importlib.reload(importlib.import_module("asiointi.notify.urls"))
    importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture
def outbox_off(settings: Any) -> Iterator[None]:
    enabled = settings.DEV_OUTBOX_ENABLED
    settings.DEV_OUTBOX_ENABLED = False
    reload_urlconf()
    yield
    settings.DEV_OUTBOX_ENABLED = enabled
    reload_urlconf()


@pytest.mark.django_db
@pytest.mark.usefixtures("outbox_off")
def test_outbox_urls_are_not_mounted_when_it_is_off(client: Client) -> None:
    assert client.get("/fi/dev/outbox/").status_code == 404
    assert client.get("/fi/dev/outbox/1/").status_code == 404


def test_outbox_views_refuse_even_if_mounted(settings: Any, rf: RequestFactory) -> None:
    settings.DEV_OUTBOX_ENABLED = False
    with pytest.raises(Http404):
        views.outbox_list(rf.get("/fi/dev/outbox/"))


def test_production_refuses_to_start_with_the_outbox_on() -> None:
    result = run_manage("check", **PRODUCTION, DEV_OUTBOX_ENABLED="true")
    assert result.returncode != 0
    assert "DEV_OUTBOX_ENABLED" in result.stderr


def test_production_starts_with_the_outbox_off() -> None:
    result = run_manage("check", **PRODUCTION)
    assert result.returncode == 0, result.stderr
