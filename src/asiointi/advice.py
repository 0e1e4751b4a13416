"""The e-services advice line: its opening hours, Finland's public holidays, and whether it is open
now in Helsinki time.

ADVICE_OPEN holds the weekly hours, e.g. "mon-fri 08:00-18:00; sat 10:00-14:00"; on a public
holiday of Finland (the `holidays` package: Midsummer Eve and Christmas Eve included) it is
closed. Catalogue pages are cached whole, so a page saying "open now" must not outlive the moment
it stops being true: `seconds_until_change` bounds how long such a page is kept.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

HELSINKI = ZoneInfo("Europe/Helsinki")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HOLIDAY_LANGUAGE = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}
_RANGE = re.compile(
    r"^(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})$"
)

Week = dict[int, tuple[time, time]]


@cache
def weekly_hours(spec: str) -> Week:
    """ "mon-fri 08:00-18:00; sat 10:00-14:00" → {0: (8:00, 18:00), …, 5: (10:00, 14:00)}."""
    week: Week = {}
    for part in filter(None, (p.strip().lower() for p in spec.split(";"))):
        found = _RANGE.match(part)
        if not found or found["first"] not in DAYS or (found["last"] or "mon") not in DAYS:
            raise ImproperlyConfigured(f"ADVICE_OPEN: cannot read {part!r}")
        first = DAYS.index(found["first"])
        last = DAYS.index(found["last"]) if found["last"] else first
        start, end = (
            time.fromisoformat(found["start"].zfill(5)),
            time.fromisoformat(found["end"].zfill(5)),
        )
        if not start < end:
            raise ImproperlyConfigured(f"ADVICE_OPEN: {part!r} closes before it opens")
        for day in range(first, last + 1):
            week[day] = (start, end)
    return week


@cache
def _holidays(year: int, language: str) -> dict[date, str]:
    found = holidays.Finland(years=year, language=HOLIDAY_LANGUAGE.get(language, "fi"))
    return dict(found.items())


def holiday_on(day: date, language: str = "fi") -> str:
    """The public holiday's name on that day in the language, or ""."""
    return _holidays(day.year, language).get(day, "")


def _hours_on(day: date) -> tuple[datetime, datetime] | None:
    hours = weekly_hours(settings.ADVICE_OPEN).get(day.weekday())
    if hours is None or holiday_on(day):
        return None
    start, end = hours
    return datetime.combine(day, start, HELSINKI), datetime.combine(day, end, HELSINKI)


@dataclass(frozen=True)
class AdviceStatus:
    open: bool
    # Open: when it closes today. Closed: when it next opens (None if not within two weeks).
    until: datetime | None
    next_open: datetime | None
    holiday: str  # today's public holiday, by name, if that is why it is closed

    @property
    def changes_at(self) -> datetime | None:
        return self.until if self.open else self.next_open


def advice_status(now: datetime | None = None, language: str = "fi") -> AdviceStatus:
    now = (now or timezone.now()).astimezone(HELSINKI)
    today = now.date()
    hours = _hours_on(today)
    if hours and hours[0] <= now < hours[1]:
        return AdviceStatus(open=True, until=hours[1], next_open=None, holiday="")
    next_open = None
    for ahead in range(15):
        day_hours = _hours_on(today + timedelta(days=ahead))
        if day_hours and day_hours[0] > now:
            next_open = day_hours[0]
            break
    return AdviceStatus(
        open=False, until=None, next_open=next_open, holiday=holiday_on(today, language)
    )


def seconds_until_change(now: datetime | None = None) -> int:
    """How long "open now" or "closed now" stays true from now (at least one second)."""
    now = now or timezone.now()
    changes = advice_status(now).changes_at
    if changes is None:
        return 24 * 3600
    return max(1, int((changes - now).total_seconds()))
