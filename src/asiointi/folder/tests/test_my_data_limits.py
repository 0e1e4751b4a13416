"""Download my data: one copy at a time per customer and a few a day, however often the button
is pressed, each refusal a clear page; fifteen presses at once on a live server make one copy."""

import re
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import requests
from django.conf import LazySettings, settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from asiointi.folder.models import DataExport
from asiointi.submissions.tests.conftest import make_resident
from asiointi.tests.personas import Personas

REPEAT_MESSAGE = "Tietojasi valmistellaan jo, tai ne valmisteltiin hetki sitten."
DAILY_MESSAGE = "Tietosi voi valmistella 3 kertaa vuorokaudessa."


def press(client: Client, on_commit: Callable[..., Any]) -> Any:
    with on_commit(execute=True):
        return client.post(reverse("folder:my_data_request"))


def made_earlier(minutes: int) -> None:
    """The copies so far were asked for this many minutes ago."""
    DataExport.objects.update(created_at=timezone.now() - timedelta(minutes=minutes))


@pytest.mark.django_db
def test_pressing_again_at_once_makes_no_second_copy_and_says_why(
    personas: Personas, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    assert press(personas.resident, django_capture_on_commit_callbacks).status_code == 302
    again = press(personas.resident, django_capture_on_commit_callbacks)
    assert again.status_code == 429
    assert REPEAT_MESSAGE in again.content.decode()
    assert "Valmis" in again.content.decode()  # the copy made is listed below
    assert DataExport.objects.count() == 1


@pytest.mark.django_db
def test_a_copy_still_being_prepared_blocks_a_new_one(personas: Personas) -> None:
    personas.resident.post(reverse("folder:my_data_request"))  # its task waits for the commit
    made_earlier(5)
    response = personas.resident.post(reverse("folder:my_data_request"))
    assert response.status_code == 429 and REPEAT_MESSAGE in response.content.decode()
    made_earlier(61)  # a copy pending for over an hour has failed somewhere
    assert personas.resident.post(reverse("folder:my_data_request")).status_code == 302


@pytest.mark.django_db
def test_three_copies_a_day_and_failed_ones_do_not_count(
    personas: Personas,
    django_capture_on_commit_callbacks: Callable[..., Any],
    settings: LazySettings,
) -> None:
    assert settings.DATA_EXPORTS_PER_DAY == 3
    for _ in range(3):
        assert press(personas.resident, django_capture_on_commit_callbacks).status_code == 302
        made_earlier(10)
    refused = press(personas.resident, django_capture_on_commit_callbacks)
    assert refused.status_code == 429 and DAILY_MESSAGE in refused.content.decode()
    DataExport.objects.filter(pk=DataExport.objects.first().pk).update(  # type: ignore[union-attr]
        status=DataExport.Status.FAILED
    )
    assert press(personas.resident, django_capture_on_commit_callbacks).status_code == 302
    made_earlier(24 * 60 + 1)
    assert press(personas.resident, django_capture_on_commit_callbacks).status_code == 302
    assert DataExport.objects.exclude(status=DataExport.Status.FAILED).count() == 4


@pytest.mark.django_db
def test_another_customers_copies_do_not_count(
    personas: Personas, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    assert press(personas.resident, django_capture_on_commit_callbacks).status_code == 302
    assert press(personas.unrelated, django_capture_on_commit_callbacks).status_code == 302


def test_fifteen_presses_at_once_make_one_copy_and_never_a_500(
    live_server: LiveServer, transactional_db: None
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row-lock races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    client = Client()
    client.force_login(make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi"))
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    page = requests.get(live_server.url + reverse("folder:my_data"), cookies=cookies, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, page.text[:2000]
    cookies |= {settings.CSRF_COOKIE_NAME: page.cookies[settings.CSRF_COOKIE_NAME]}
    url = live_server.url + reverse("folder:my_data_request")
    barrier = threading.Barrier(15)
    answers: list[Any] = [None] * 15

    def post(index: int) -> None:
        barrier.wait()
        try:
            answers[index] = requests.post(
                url,
                data={"csrfmiddlewaretoken": token.group(1)},
                cookies=cookies,
                headers={"Referer": url},
                allow_redirects=False,
                timeout=60,
            )
        except Exception as error:  # a refused connection is a failure too
            answers[index] = error

    threads = [threading.Thread(target=post, args=(i,)) for i in range(15)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    statuses = sorted(getattr(answer, "status_code", answer) for answer in answers)
    assert statuses == [302] + [429] * 14, statuses
    for answer in answers:
        if answer.status_code == 429:
            assert REPEAT_MESSAGE in answer.text
    assert DataExport.objects.count() == 1
