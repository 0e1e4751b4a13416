"""Demo courses of the spring term, read from demo/*.toml: the Adult Education Centre, the swimming
school, Annantalo's art courses, gym groups for older people, adapted sports groups and playground
clubs.

Times are set relative to the first load, so a fresh `make run` always has courses already open,
some opening in a quarter of an hour (with their countdown and pre-queue), some opening in days and
one with every place taken and free waiting places, so the waiting list can be seen working.
Existing rows are kept unless refresh.

A course names its `venue` (a `[[venue]]` whose name.fi/sv/en holds the street address in that
language: the address field has one language only), the `weekdays` it meets on (0 = Monday) at
`time` for `minutes` (default 90), for `weeks` weeks from six weeks after loading; enrollment opens
`opens_in_hours` after loading (negative: already open) and closes the day before the first
session; cancelling is free until `cancel_days` (default 7) before it. Without its own description
or audience, a course has its service's summary and "Adults". Price "0" is free of charge.
"""

import tomllib
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, CourseSession
from asiointi.customers.acting import Acting
from asiointi.customers.services import customer_for_person

DEMO_DIR = Path(__file__).resolve().parent / "demo"
LANGUAGES = ("fi", "sv", "en")
TERM = {"fi": "kevät 2027", "sv": "våren 2027", "en": "spring 2027"}
ADULTS = {"fi": "Aikuiset", "sv": "Vuxna", "en": "Adults"}
# Fields copied as they are when a course has them.
PLAIN_FIELDS = (
    "teacher",
    "min_age",
    "max_age",
    "limit_per_term",
    "organisations_may_enroll",
    "max_group_size",
    "questions",
)
DEMO_PEOPLE = ["Aino", "Eino", "Helmi", "Väinö", "Kerttu", "Toivo"]


def read_demo() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = {"venue": [], "course": []}
    for path in sorted(DEMO_DIR.glob("*.toml")):
        with path.open("rb") as f:
            for key, entries in tomllib.load(f).items():
                data[key].extend(entries)
    return data


def _next_weekday(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _session_starts(entry: dict[str, Any], now: datetime) -> list[datetime]:
    hour, minute = (int(part) for part in entry["time"].split(":"))
    term_start = now.date() + timedelta(days=42)
    firsts = [
        timezone.make_aware(datetime.combine(_next_weekday(term_start, day), time(hour, minute)))
        for day in entry["weekdays"]
    ]
    return sorted(
        first + timedelta(weeks=week) for first in firsts for week in range(entry["weeks"])
    )


def _course_fields(
    entry: dict[str, Any], venue: dict[str, Any], first: datetime, now: datetime
) -> dict[str, Any]:
    service = Service.objects.select_related("agency").get(slug=entry["service"])
    opens_at = (now + timedelta(hours=entry["opens_in_hours"])).replace(second=0, microsecond=0)
    fields: dict[str, Any] = {
        "service": service,
        "agency": service.agency,
        "term": TERM["fi"],
        "capacity": entry["capacity"],
        "waiting_capacity": entry["waiting"],
        "price": Decimal(entry["price"]),
        "opens_at": opens_at,
        "closes_at": first - timedelta(days=1),
        "cancellation_deadline": first - timedelta(days=entry.get("cancel_days", 7)),
        **{name: entry[name] for name in PLAIN_FIELDS if name in entry},
    }
    audience = entry.get("audience", ADULTS)
    for language in LANGUAGES:
        fields[f"name_{language}"] = entry["name"][language]
        fields[f"place_{language}"] = venue["name"][language]
        fields[f"audience_{language}"] = audience[language]
        summary = service.__dict__.get(f"summary_{language}", "")
        fields[f"description_{language}"] = entry.get("description", {}).get(language, summary)
    return fields


def _fill(course: Course) -> None:
    """Demo participants take every place and two of the waiting places."""
    from asiointi.courses.services import enrollment_create, participant_self

    user_model = get_user_model()
    for number in range(course.capacity + 2):
        first_name = DEMO_PEOPLE[number % len(DEMO_PEOPLE)]
        person, _ = user_model.objects.get_or_create(
            username=f"kurssidemo-{number + 1:02d}",
            defaults={"first_name": first_name, "last_name": "Demo"},
        )
        acting = Acting(person=person, customer=customer_for_person(person))
        enrollment_create(course=course, acting=acting, participant=participant_self())


@transaction.atomic
def load_demo(*, refresh: bool = False) -> dict[str, int]:
    now = timezone.now()
    data = read_demo()
    venues = {venue["slug"]: venue for venue in data["venue"]}
    created_count = 0
    for entry in data["course"]:
        course = Course.objects.filter(code=entry["code"]).first()
        if course is not None and not refresh:
            continue
        starts = _session_starts(entry, now)
        fields = _course_fields(entry, venues[entry["venue"]], starts[0], now)
        if course is None:
            course = Course.objects.create(code=entry["code"], **fields)
            created_count += 1
        else:
            for name, value in fields.items():
                if name not in ("capacity", "waiting_capacity"):
                    setattr(course, name, value)
            course.save()
            course.sessions.all().delete()
        minutes = timedelta(minutes=entry.get("minutes", 90))
        CourseSession.objects.bulk_create(
            CourseSession(course=course, starts_at=start, ends_at=start + minutes)
            for start in starts
        )
        if entry.get("fill") and not course.enrollments.exists():
            _fill(course)
    return {"courses": Course.objects.count(), "new courses": created_count}
