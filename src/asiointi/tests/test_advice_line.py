"""The advice line: open or closed now in Helsinki time, closed on Finland's public holidays, shown
in the footer, on help pages and on every error page, and never cached past a change."""

import time
from collections.abc import Callable
from datetime import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from asiointi import views
from asiointi.advice import HELSINKI, advice_status, seconds_until_change, weekly_hours


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=HELSINKI)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    def set_to(text: str) -> None:
        monkeypatch.setattr(timezone, "now", lambda: at(text))

    return set_to


def test_open_on_a_weekday_within_the_hours() -> None:
    status = advice_status(at("2026-12-07T09:00"))
    assert status.open and status.until == at("2026-12-07T18:00")


def test_closed_at_the_weekend_opens_on_monday() -> None:
    status = advice_status(at("2026-12-05T13:00"))
    assert not status.open and status.next_open == at("2026-12-07T08:00")


@pytest.mark.parametrize(
    ("moment", "name"),
    [("2026-12-24T10:00", "Jouluaatto"), ("2026-06-19T12:00", "Juhannusaatto")],
)
def test_closed_on_a_public_holiday_saying_which(moment: str, name: str) -> None:
    status = advice_status(at(moment), "fi")
    assert not status.open and status.holiday == name


def test_christmas_closes_until_after_the_holidays() -> None:
    assert advice_status(at("2026-12-24T10:00")).next_open == at("2026-12-28T08:00")


def test_the_status_holds_until_the_next_change() -> None:
    assert seconds_until_change(at("2026-12-07T17:59:30")) == 30
    assert seconds_until_change(at("2026-12-07T07:00")) == 3600


def test_hours_are_read_from_one_setting() -> None:
    week = weekly_hours("mon-fri 08:00-18:00; sat 10:00-14:00")
    assert sorted(week) == [0, 1, 2, 3, 4, 5] and week[5][0].hour == 10
    with pytest.raises(ImproperlyConfigured):
        weekly_hours("weekdays 8-18")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "open_text"),
    [("fi", "Avoinna nyt"), ("sv", "Öppet nu"), ("en", "Open now")],
)
def test_footer_and_help_pages_say_whether_advice_is_open(
    client: Client, clock: Callable[[str], None], language: str, open_text: str
) -> None:
    clock("2026-12-07T09:00")
    front = client.get(f"/{language}/").content.decode()
    footer = front.split("<footer", 1)[1]
    assert open_text in footer
    with translation.override(language):
        help_url = reverse("catalogue:help_page", args=["kirjautuminen"])
    help_page = client.get(help_url).content.decode()
    aside = help_page.split('class="help-advice"', 1)[1].split("</aside>", 1)[0]
    assert open_text in aside


@pytest.mark.django_db
def test_a_cached_page_is_not_kept_past_closing_time(
    client: Client, clock: Callable[[str], None]
) -> None:
    clock("2026-12-07T17:59:59")
    assert "Avoinna nyt" in client.get("/fi/").content.decode()
    clock("2026-12-07T18:00:01")
    # The cache expires entries by the real clock: the page was stored for one second.
    time.sleep(1.2)
    page = client.get("/fi/").content.decode()
    assert "Suljettu nyt" in page and "Avoinna nyt" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("status", [400, 403, 404, 500, "csrf"])
def test_every_error_page_shows_the_advice_line(
    status: object, clock: Callable[[str], None], settings: object
) -> None:
    clock("2026-12-24T10:00")
    request = RequestFactory().get("/fi/jotain/")
    request.user = AnonymousUser()
    request.session = {}  # type: ignore[assignment]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    pages = {
        400: lambda: views.bad_request(request, Exception()),
        403: lambda: views.permission_denied(request, Exception()),
        404: lambda: views.page_not_found(request, Exception()),
        500: lambda: views.server_error(request),
        "csrf": lambda: views.csrf_failure(request),
    }
    html = pages[status]().content.decode()  # type: ignore[index]
    assert "(09) 310 88800" in html
    assert "Suljettu nyt" in html and "Jouluaatto" in html
