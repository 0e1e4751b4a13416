"""Demo courses: a spring term of the Adult Education Centre and a swimming school.

Times are set relative to the first load, so a fresh `make run` always has courses already open,
one opening in a quarter of an hour (with its countdown and pre-queue), some opening in days and
one with every place taken and free waiting places, so the waiting list can be seen working.
Existing rows are kept unless refresh.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from asiointi.catalogue.models import Service
from asiointi.courses.models import Course, CourseSession
from asiointi.customers.acting import Acting
from asiointi.customers.services import customer_for_person

TERM = {"fi": "kevät 2027", "sv": "våren 2027", "en": "spring 2027"}
AEC_PLACE = {
    "fi": "Työväenopisto, Sturenkatu 4",
    "sv": "Arbetarinstitutet, Sturegatan 4",
    "en": "Adult Education Centre, Sturenkatu 4",
}
POOL_PLACE = {
    "fi": "Itäkeskuksen uimahalli",
    "sv": "Östra centrums simhall",
    "en": "Itäkeskus swimming hall",
}
ADULTS = {"fi": "Aikuiset", "sv": "Vuxna", "en": "Adults"}
# code, service, name, weekday (0 = Monday), hour, sessions, capacity, waiting, price, opens in
# hours (negative: already open), extra fields.
COURSES: list[
    tuple[str, str, dict[str, str], int, int, int, int, int, str, float, dict[str, Any]]
] = [
    (
        "ty-espanja-1",
        "espanjan-alkeet",
        {
            "fi": "Espanjan alkeet 1",
            "sv": "Spanska för nybörjare 1",
            "en": "Spanish for beginners 1",
        },
        1,
        18,
        12,
        20,
        10,
        "68",
        -48,
        {"teacher": "María López"},
    ),
    (
        "ty-akvarelli",
        "akvarellimaalaus",
        {
            "fi": "Akvarellimaalaus, päiväryhmä",
            "sv": "Akvarellmålning, dagsgrupp",
            "en": "Watercolour painting, day group",
        },
        2,
        10,
        10,
        14,
        6,
        "82",
        -48,
        {"teacher": "Leena Virta"},
    ),
    (
        "ty-digi-seniorit",
        "digitaidot-senioreille",
        {
            "fi": "Älypuhelin tutuksi",
            "sv": "Bekanta dig med smarttelefonen",
            "en": "Getting to know your smartphone",
        },
        3,
        10,
        8,
        12,
        6,
        "35",
        0.25,
        {
            "teacher": "Pekka Salo",
            "min_age": 60,
            "questions": [
                {
                    "key": "device",
                    "text": {
                        "fi": "Mikä laite sinulla on?",
                        "sv": "Vilken apparat har du?",
                        "en": "Which device do you have?",
                    },
                    "required": True,
                }
            ],
        },
    ),
    (
        "ty-keramiikka",
        "keramiikka",
        {
            "fi": "Keramiikka: dreijaus ja käsinrakentelu",
            "sv": "Keramik: drejning och handbyggnad",
            "en": "Ceramics: wheel throwing and hand building",
        },
        0,
        17,
        14,
        4,
        6,
        "105",
        -72,
        {"teacher": "Anna Savi", "limit_per_term": 2},
    ),
    (
        "ty-suomi-1",
        "suomen-kielen-alkeet",
        {"fi": "Suomi 1", "sv": "Finska 1", "en": "Finnish 1"},
        0,
        18,
        24,
        20,
        10,
        "60",
        72,
        {"teacher": "Sari Kivi"},
    ),
    (
        "ty-korjausompelu",
        "vaatteiden-korjausompelu",
        {
            "fi": "Vaatteiden korjausompelu",
            "sv": "Lappa och laga kläder",
            "en": "Mending and altering clothes",
        },
        5,
        10,
        6,
        12,
        6,
        "74",
        72,
        {"teacher": "Hanna Lanka"},
    ),
    (
        "ty-python",
        "ohjelmoinnin-alkeet-python",
        {
            "fi": "Ohjelmoinnin alkeet Pythonilla",
            "sv": "Programmering för nybörjare med Python",
            "en": "Introduction to programming with Python",
        },
        3,
        18,
        10,
        16,
        8,
        "70",
        -24,
        {"teacher": "Olli Koodari"},
    ),
    (
        "uk-lapset-ma",
        "lasten-uimakoulu",
        {
            "fi": "Lasten uimakoulu, maanantai",
            "sv": "Simskola för barn, måndag",
            "en": "Swimming school for children, Monday",
        },
        0,
        17,
        10,
        12,
        6,
        "55",
        -24,
        {
            "teacher": "Mikko Vesi",
            "min_age": 5,
            "max_age": 9,
            "audience": {"fi": "5–9-vuotiaat", "sv": "5–9-åringar", "en": "Children aged 5–9"},
        },
    ),
    (
        "uk-lapset-ke",
        "lasten-uimakoulu",
        {
            "fi": "Lasten uimakoulu, keskiviikko",
            "sv": "Simskola för barn, onsdag",
            "en": "Swimming school for children, Wednesday",
        },
        2,
        17,
        10,
        12,
        6,
        "55",
        0.25,
        {
            "teacher": "Mikko Vesi",
            "min_age": 5,
            "max_age": 9,
            "audience": {"fi": "5–9-vuotiaat", "sv": "5–9-åringar", "en": "Children aged 5–9"},
        },
    ),
    (
        "uk-aikuiset",
        "aikuisten-uimakoulu",
        {
            "fi": "Aikuisten uimakoulu",
            "sv": "Simskola för vuxna",
            "en": "Swimming school for adults",
        },
        1,
        19,
        10,
        12,
        6,
        "60",
        72,
        {"teacher": "Tiina Laine"},
    ),
    (
        "uk-vesijumppa",
        "vesijumppa",
        {
            "fi": "Vesijumppa, aamuryhmä",
            "sv": "Vattengymnastik, morgongrupp",
            "en": "Aqua aerobics, morning group",
        },
        4,
        9,
        12,
        25,
        10,
        "45",
        -24,
        {"teacher": "Tiina Laine", "organisations_may_enroll": True, "max_group_size": 8},
    ),
]
DEMO_PEOPLE = ["Aino", "Eino", "Helmi", "Väinö", "Kerttu", "Toivo"]


def _next_weekday(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _course_fields(entry: tuple[Any, ...], now: datetime) -> dict[str, Any]:
    _code, slug, name, weekday, hour, sessions, capacity, waiting, price, opens_in, extra = entry
    service = Service.objects.select_related("agency").get(slug=slug)
    pool = service.agency.slug == "liikuntapalvelut"
    place = POOL_PLACE if pool else AEC_PLACE
    audience = extra.get("audience", ADULTS)
    opens_at = (now + timedelta(hours=opens_in)).replace(second=0, microsecond=0)
    first = timezone.make_aware(
        datetime.combine(_next_weekday(now.date() + timedelta(days=42), weekday), time(hour))
    )
    fields: dict[str, Any] = {
        "service": service,
        "agency": service.agency,
        "term": TERM["fi"],
        "capacity": capacity,
        "waiting_capacity": waiting,
        "price": Decimal(price),
        "opens_at": opens_at,
        "closes_at": first - timedelta(days=1),
        "cancellation_deadline": first - timedelta(days=7),
        "teacher": extra.get("teacher", ""),
        **{k: v for k, v in extra.items() if k not in ("teacher", "audience")},
    }
    for language in ("fi", "sv", "en"):
        fields[f"name_{language}"] = name[language]
        fields[f"place_{language}"] = place[language]
        fields[f"audience_{language}"] = audience[language]
        fields[f"description_{language}"] = service.__dict__.get(f"summary_{language}", "")
    fields["_first"] = first
    fields["_sessions"] = sessions
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
    created_count = 0
    for entry in COURSES:
        fields = _course_fields(entry, now)
        first, sessions = fields.pop("_first"), fields.pop("_sessions")
        course = Course.objects.filter(code=entry[0]).first()
        if course is not None and not refresh:
            continue
        if course is None:
            course = Course.objects.create(code=entry[0], **fields)
            created_count += 1
        else:
            for name, value in fields.items():
                if name not in ("capacity", "waiting_capacity"):
                    setattr(course, name, value)
            course.save()
            course.sessions.all().delete()
        CourseSession.objects.bulk_create(
            CourseSession(
                course=course,
                starts_at=first + timedelta(weeks=week),
                ends_at=first + timedelta(weeks=week, minutes=90),
            )
            for week in range(sessions)
        )
        if entry[0] == "ty-keramiikka" and not course.enrollments.exists():
            _fill(course)
    return {"courses": Course.objects.count(), "new courses": created_count}
