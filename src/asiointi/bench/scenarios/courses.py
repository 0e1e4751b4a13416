"""The enrollment rush: 5,000 residents, already logged in, enroll into 100 courses that all open
at the same instant, each with one POST of their own (real session cookie and CSRF token); then the
database is checked for what must never happen."""

import html
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.middleware.csrf import (  # type: ignore[attr-defined]
    _get_new_csrf_string,
    _mask_cipher_secret,
)
from django.urls import reverse
from django.utils import timezone, translation

from asiointi.bench.errors import BenchError
from asiointi.bench.open_load import OneRequest, OpenLoadResult, open_load
from asiointi.bench.scenario import Bench, Comparison, Goal, Result, Scenario, Target
from asiointi.catalogue.models import Service
from asiointi.courses.models import LIVE, Course, CourseSession, Enrollment
from asiointi.customers.models import Customer
from asiointi.folder.models import FolderItem
from asiointi.identity.models import User
from asiointi.identity.services import SESSION_LAST_SEEN, SESSION_STARTED_AT

RESIDENTS = 5000
COURSES = 100
# A smaller rush (`--residents`) keeps this many residents per course, so each course fills.
PER_COURSE = RESIDENTS // COURSES
CAPACITY = 15
WAITING = 10
# Everyone arrives within five seconds of the opening; at most this many requests are open at
# once, as a proxy in front of the portal would queue the rest.
ARRIVALS_PER_SECOND = 1000
IN_FLIGHT = 256
# Finnish courses that open at a set hour fill within 5-10 s: everyone has their answer by then.
WHOLE_RUSH_SECONDS = 10
ANSWER = re.compile(rb'class="enrollment-answer__text">([^<]*)<')
SERVICE_SLUG = "keramiikka"
PREFIX = "rush"


@dataclass(frozen=True)
class RushGoal(Goal):
    def describe(self) -> str:
        return (
            f"every resident sees their answer page within {WHOLE_RUSH_SECONDS} s of their "
            "arrival, without errors, and nothing in the database that must never happen"
        )


@dataclass(frozen=True)
class Resident:
    user_id: int
    cookie: str
    token: str
    course: str


def _courses(count: int) -> list[Course]:
    service = Service.objects.select_related("agency").get(slug=SERVICE_SLUG)
    now = timezone.now()
    courses = []
    for number in range(1, count + 1):
        code = f"{PREFIX}-{number:03d}"
        course, created = Course.objects.get_or_create(
            code=code,
            defaults={
                "service": service,
                "agency": service.agency,
                "name_fi": f"Ruuhkakurssi {number}",
                "name_sv": f"Rusningskurs {number}",
                "name_en": f"Rush course {number}",
                "term": "bench",
                "place_fi": "Työväenopisto",
                "capacity": CAPACITY,
                "waiting_capacity": WAITING,
                "opens_at": now + timedelta(days=1),
                "closes_at": now + timedelta(days=30),
                "cancellation_deadline": now + timedelta(days=20),
            },
        )
        if created:
            start = now + timedelta(days=40)
            CourseSession.objects.create(
                course=course, starts_at=start, ends_at=start + timedelta(hours=2)
            )
        courses.append(course)
    return courses


@transaction.atomic
def _reset(courses: list[Course]) -> None:
    """Each run starts from empty courses, so runs do not depend on each other."""
    ids = [course.pk for course in courses]
    keys = [
        str(pk) for pk in Enrollment.objects.filter(course_id__in=ids).values_list("pk", flat=True)
    ]
    FolderItem.objects.filter(kind="enrollment", key__in=keys).delete()
    Enrollment.objects.filter(course_id__in=ids).delete()
    Course.objects.filter(pk__in=ids).update(
        enrolled_seats=0,
        waiting_seats=0,
        waiting_counter=0,
        drawn_at=None,
        capacity=CAPACITY,
        waiting_capacity=WAITING,
        opens_at=timezone.now() + timedelta(days=1),
        published=True,
    )


def _residents(courses: list[Course], count: int) -> list[Resident]:
    names = [f"{PREFIX}-resident-{number:05d}" for number in range(count)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    # Residents are people identified strongly: the digest stands for an identity code.
    User.objects.bulk_create(
        User(
            username=name,
            first_name="Ruuhka",
            last_name=name[-5:],
            password=make_password(None),
            identity_code_digest=name,
        )
        for name in names
        if name not in existing
    )
    User.objects.filter(username__in=names, identity_code_digest__isnull=True).update(
        identity_code_digest=F("username")
    )
    users = list(User.objects.filter(username__in=names).order_by("username"))
    with_customer = set(
        Customer.objects.filter(person__in=users).values_list("person_id", flat=True)
    )
    Customer.objects.bulk_create(Customer(person=u) for u in users if u.pk not in with_customer)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    now = time.time()
    residents = []
    for number, user in enumerate(users):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[SESSION_STARTED_AT] = session[SESSION_LAST_SEEN] = now
        session.create()
        secret = _get_new_csrf_string()
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={secret}"
        )
        course = courses[number % len(courses)].code
        residents.append(Resident(user.pk, cookie, _mask_cipher_secret(secret), course))
    return residents


def _enroll_request(resident: Resident, base_url: str) -> OneRequest:
    with translation.override("fi"):
        path = reverse("courses:course_enroll", kwargs={"code": resident.course})
        page = reverse("courses:course_detail", kwargs={"code": resident.course})
    body = urlencode({"csrfmiddlewaretoken": resident.token, "participant": "self"}).encode()
    headers = {
        "Cookie": resident.cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        # What a browser sends from the course's page; over HTTPS Django's CSRF check needs them.
        "Origin": base_url,
        "Referer": f"{base_url}{page}",
    }
    return OneRequest("POST", path, headers, body, follow=True)


def _answer_text(page: bytes) -> str:
    """The answer the page gives (enrolled, waiting number N, full), as a person reads it."""
    found = ANSWER.search(page)
    return html.unescape(found.group(1).decode()).strip() if found else ""


def _bare_request(resident: Resident, path: str) -> OneRequest:
    return OneRequest("GET", path, {"Cookie": resident.cookie})


def _course_page_request(resident: Resident) -> OneRequest:
    with translation.override("fi"):
        path = reverse("courses:course_detail", kwargs={"code": resident.course})
    return OneRequest("GET", path, {"Cookie": resident.cookie})


def _check_database(
    courses: list[Course], residents: list[Resident], rush: OpenLoadResult
) -> list[str]:
    """What must never happen, each found case as a line; empty when all is well."""
    problems = []
    ids = [course.pk for course in courses]
    rows = list(Enrollment.objects.filter(course_id__in=ids).select_related("customer"))
    by_course: dict[int, list[Enrollment]] = {pk: [] for pk in ids}
    for row in rows:
        by_course[row.course_id].append(row)
    for course in Course.objects.filter(pk__in=ids):
        mine = by_course[course.pk]
        enrolled = sum(r.seats for r in mine if r.status == Enrollment.Status.ENROLLED)
        waiting = sorted(r.waiting_number or 0 for r in mine if r.waiting_number)
        if enrolled > course.capacity or enrolled != course.enrolled_seats:
            problems.append(f"{course.code}: {enrolled} enrolled, counter {course.enrolled_seats}")
        on_list = sum(r.seats for r in mine if r.status == Enrollment.Status.WAITING)
        if on_list > course.waiting_capacity or on_list != course.waiting_seats:
            problems.append(f"{course.code}: {on_list} waiting, counter {course.waiting_seats}")
        if waiting != list(range(1, len(waiting) + 1)):
            problems.append(f"{course.code}: waiting numbers out of order: {waiting}")
    live = Counter((r.course_id, r.customer.person_id) for r in rows if r.status in LIVE)
    problems += [f"duplicate enrollment {key}" for key, n in live.items() if n > 1]
    answers_per_person = Counter(r.customer.person_id for r in rows)
    for resident in residents:
        if answers_per_person[resident.user_id] != 1:
            problems.append(
                f"resident {resident.user_id}: {answers_per_person[resident.user_id]} answers"
            )
    definite = {Enrollment.Status.ENROLLED, Enrollment.Status.WAITING, Enrollment.Status.FULL}
    problems += [f"enrollment {r.pk} left {r.status}" for r in rows if r.status not in definite]
    pages = {
        answer.location.rstrip("/").rsplit("/", 1)[-1]
        for answer in rush.answers
        if answer.status == 303
    }
    if len(pages) != len(residents):
        problems.append(f"{len(pages)} distinct enrollment pages in {len(residents)} answers")
    told = Counter(_answer_kind(answer.page_text) for answer in rush.answers)
    in_database = Counter(str(r.status) for r in rows)
    if told != in_database:
        problems.append(f"the answer pages told {dict(told)}, the database has {dict(in_database)}")
    return problems


def _answer_kind(text: str) -> str:
    """The status a Finnish answer of courses/enrollment_detail.html tells the resident."""
    if text == "Olet ilmoittautunut kurssille.":
        return Enrollment.Status.ENROLLED
    if re.fullmatch(r"Olet varasijalla numero \d+\.", text):
        return Enrollment.Status.WAITING
    if text == "Kurssi ja sen varasijat ovat täynnä.":
        return Enrollment.Status.FULL
    return f"something else: {text[:40]!r}"


def _result(
    target: Target, result: OpenLoadResult, baseline_rate: float, problems: list[str]
) -> Result:
    """The answer pages, judged: each within WHOLE_RUSH_SECONDS of its arrival."""
    measurement = result.page_measurement()
    post = result.measurement(303)
    misses = []
    failed = measurement.errors + measurement.failed_responses + post.errors + post.failed_responses
    if failed:
        misses.append(f"{failed} errors")
    if result.page_max_ms > WHOLE_RUSH_SECONDS * 1000:
        misses.append(
            f"the last answer page {result.page_max_ms / 1000:.1f} s after its arrival "
            f"> {WHOLE_RUSH_SECONDS} s"
        )
    if problems:
        misses.append(f"{len(problems)} inconsistencies in the database")
    ratio = measurement.requests_per_second / baseline_rate if baseline_rate else 0.0
    return Result(target, measurement, ratio, tuple(misses))


def rush(bench: Bench, count: int) -> Comparison:
    """The rush of `count` residents, PER_COURSE to a course."""
    courses = _courses(max(1, count // PER_COURSE))
    print(f"  preparing {len(courses)} course(s), {count:,} logged-in residents", flush=True)
    _reset(courses)
    residents = _residents(courses, count)
    print("  warm-up: course pages", flush=True)
    pages = [_course_page_request(r) for r in residents[:200]]
    warm = open_load(bench.base_url, pages, 200, 16, ca_file=bench.ca_file)
    statuses_seen = Counter(answer.status for answer in warm.answers)
    if set(statuses_seen) != {200}:
        raise BenchError(f"The course pages answered {dict(statuses_seen)}, not only 200.")
    print(f"  {bench.bare.label}, same arrivals and cookies", flush=True)
    bare_requests = [_bare_request(r, bench.bare.paths[0]) for r in residents]
    bare = open_load(
        bench.base_url, bare_requests, ARRIVALS_PER_SECOND, IN_FLIGHT, ca_file=bench.ca_file
    )
    time.sleep(1)
    opening = timezone.now() + timedelta(seconds=1)
    Course.objects.filter(pk__in=[c.pk for c in courses]).update(opens_at=opening)
    time.sleep(max(0.0, (opening - timezone.now()).total_seconds()) + 0.05)
    print("  the rush", flush=True)
    requests = [_enroll_request(r, bench.base_url) for r in residents]
    answers = open_load(
        bench.base_url, requests, ARRIVALS_PER_SECOND, IN_FLIGHT, _answer_text, bench.ca_file
    )
    problems = _check_database(courses, residents, answers)
    baseline_measurement = bare.measurement(200)
    baseline = Result(bench.bare, baseline_measurement, 1.0, ())
    target = Target(
        "Enrollment rush: answer page", ("/fi/kurssit/ilmoittautuminen/NNN/",), goal=RushGoal()
    )
    enrolled = _result(target, answers, baseline_measurement.requests_per_second, problems)
    post_alone = Result(
        Target("Enrollment rush: POST alone", ("/fi/kurssit/rush-NNN/ilmoittaudu/",), goal=None),
        answers.measurement(303),
        answers.measurement(303).requests_per_second / baseline_measurement.requests_per_second,
        (),
    )
    notes = _notes(courses, answers, bare, bench.bare.label, problems)
    return Comparison(baseline=baseline, results=[enrolled, post_alone], notes=notes)


def _notes(
    courses: list[Course],
    answers: OpenLoadResult,
    bare: OpenLoadResult,
    bare_label: str,
    problems: list[str],
) -> tuple[str, ...]:
    statuses = Counter(
        Enrollment.objects.filter(course__in=courses).values_list("status", flat=True)
    )
    return (
        f"The rush: {len(answers.answers):,} residents answered in {answers.seconds:.1f} s "
        f"({len(answers.answers) / answers.seconds:,.0f} enrollments/s, each a POST and its answer "
        f"page); the last saw their answer page {answers.page_max_ms:,.0f} ms after their arrival, "
        f"the slowest POST alone took {answers.max_ms:,.0f} ms "
        f"({bare_label}'s slowest {bare.max_ms:,.0f} ms). Answers: "
        f"{statuses['enrolled']:,} enrolled, {statuses['waiting']:,} on a waiting list, "
        f"{statuses['full']:,} told the course is full. The load generator used "
        f"{answers.cpu_seconds:.1f} s of CPU during the rush, on the same cores as the server.",
        "Database check after the rush (no course over its places or waiting places, counters "
        "equal to the rows, no participant twice in a course, every resident exactly one definite "
        "answer and one enrollment page, waiting numbers 1, 2, 3 … without gaps, the answer pages "
        "telling what the database holds): "
        + ("**all held**." if not problems else "**" + "; ".join(problems[:10]) + "**."),
    )


def scenario(residents: int = RESIDENTS) -> Scenario:
    """The rush of `residents` residents; SCENARIO is the full one."""
    courses = max(1, residents // PER_COURSE)
    return Scenario(
        name="courses",
        title="Enrollment rush",
        about=(
            f"{residents:,} residents, already logged in (sessions made beforehand, sent as real "
            f"session cookies with real CSRF tokens), enroll into {courses} courses of "
            f"{CAPACITY} places and {WAITING} waiting places that all open at the same instant: "
            f"one POST each, {PER_COURSE} per course, arriving at {ARRIVALS_PER_SECOND:,} per "
            f"second (open model: each at its own time, answered or not; at most {IN_FLIGHT} "
            "open at once) from a small asyncio client in the bench process, which then follows "
            "the redirect to the enrollment's page and reads the answer there, as a browser "
            "does. The baseline page gets the same arrivals with the same cookies just before. "
            "Latency counts from each request's planned arrival to the end of the answer page "
            "(*answer page*, the time the resident waits) or to the POST's redirect (*POST "
            "alone*), so queueing counts. Requests/s here is residents answered per second of "
            "the whole run; the wrk settings in the line above are those of the other scenarios "
            "and do not apply here."
        ),
        run=lambda bench: rush(bench, residents),
    )


SCENARIO = scenario()
