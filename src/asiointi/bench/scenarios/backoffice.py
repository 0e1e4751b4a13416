"""An agency's staff working through 100,000 sent forms: the inbox and a case page."""

import datetime
import statistics
import time
from dataclasses import replace
from importlib import import_module

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from asiointi.backoffice.paging import COUNT_MAX
from asiointi.bench.errors import BenchError
from asiointi.bench.scenario import Bench, Comparison, Goal, Scenario, Target
from asiointi.bench.server import get_status

CASES = 100_000
CUSTOMERS = 1_000
BATCH = 5_000
AGENCY = "kaupunkiymparisto"
SERVICE = "asukaspysakointitunnus"
# References of the bench's cases (a real one is 10 characters of another alphabet).
PREFIX = "BENCH"
STAFF_BARE = "Bare view, staff logged in"
FIRST_NAMES = ("Aino", "Eino", "Helmi", "Onni", "Kerttu", "Väinö")
# Answers as the parking permit form keeps them; every case has the same ones.
ANSWERS = {
    "address": {
        "street": "Mannerheimintie 1 A 2",
        "postal_code": "00100",
        "post_office": "Helsinki",
    },
    "email": "penkki@example.fi",
    "lives_in_zone": "yes",
    "registration": "ABC-123",
    "holding": "owner",
    "emissions": 95,
    "months": 12,
    "start_date": "2099-01-01",
    "declaration": "yes",
}


def _identity_code(number: int) -> str:
    """Made-up codes (individual numbers 100-199, below the test range production refuses)."""
    body = f"0101{70 + number // 100 % 30:02d}{100 + number % 100:03d}"
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(body[:6] + body[6:]) % 31]
    return f"{body[:6]}-{body[6:]}{check}"


def _customers() -> list[tuple[int, int]]:
    """The bench's residents, their identity codes encrypted again with this run's keys."""
    from asiointi.customers.models import Customer
    from asiointi.identity.models import User
    from asiointi.privacy.identity_codes import identity_code_digest, identity_code_encrypt

    people = []
    for number in range(CUSTOMERS):
        code = _identity_code(number)
        people.append(
            User(
                username=f"bench-case-{number}",
                first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                last_name=f"Penkkinen{number}",
                identity_code_digest=identity_code_digest(code),
                identity_code_encrypted=identity_code_encrypt(code),
            )
        )
    User.objects.bulk_create(
        people,
        update_conflicts=True,
        unique_fields=["username"],
        update_fields=["identity_code_digest", "identity_code_encrypted"],
        batch_size=BATCH,
    )
    persons = User.objects.filter(username__startswith="bench-case-")
    Customer.objects.bulk_create(
        [Customer(person=person) for person in persons.filter(customer__isnull=True)],
        batch_size=BATCH,
    )
    found = Customer.objects.filter(person__in=persons).order_by("pk")
    return [(pk, person) for pk, person in found.values_list("pk", "person_id") if person]


def ensure_cases() -> str:
    """CASES sent forms of one service of AGENCY, made once and kept; their content encrypted
    again with this run's keys. Returns the reference of a case in the middle."""
    from asiointi.catalogue.models import Service
    from asiointi.eforms.selectors import form_version_current
    from asiointi.submissions.crypto import content_encrypt
    from asiointi.submissions.models import Submission

    service = Service.objects.filter(slug=SERVICE, agency__slug=AGENCY).first()
    version = form_version_current(service=service) if service else None
    if service is None or version is None:
        raise BenchError(f"The demo service {SERVICE} of {AGENCY} with its form is missing.")
    customers = _customers()
    content = content_encrypt(ANSWERS)
    ours = Submission.objects.filter(reference__startswith=PREFIX)
    have = ours.count()
    statuses = [s for s, _label in Submission.Status.choices]
    now = timezone.now()
    for start in range(have, CASES, BATCH):
        print(f"  making cases {start:,}–{min(start + BATCH, CASES):,}", flush=True)
        Submission.objects.bulk_create(
            [
                Submission(
                    reference=f"{PREFIX}{number:07d}",
                    draft_key=f"00000000-0000-4000-8000-{number:012d}",
                    customer_id=customers[number % CUSTOMERS][0],
                    person_id=customers[number % CUSTOMERS][1],
                    service=service,
                    agency_id=service.agency_id,
                    version=version,
                    language="fi",
                    content_encrypted=content,
                    status=statuses[number % len(statuses)],
                    sent_at=now - datetime.timedelta(minutes=number),
                    delete_after=now.date() + datetime.timedelta(days=365),
                )
                for number in range(start, min(start + BATCH, CASES))
            ],
            batch_size=BATCH,
        )
    ours.update(content_encrypted=content)
    _vacuum()
    return f"{PREFIX}{CASES // 2:07d}"


def _vacuum() -> None:
    """Bulk-written rows as autovacuum leaves them in a running database: counted from the
    indexes alone (the visibility map) and with fresh planner statistics."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE submissions_submission")


def staff_session() -> str:
    """A clerk of AGENCY logged in with password and second factor, as the staff login leaves
    the session."""
    from django.contrib.auth import login
    from django.test import RequestFactory
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from asiointi.backoffice.login import staff_session_start
    from asiointi.backoffice.models import AgencyMembership
    from asiointi.backoffice.services import agency_membership_add
    from asiointi.catalogue.models import Agency
    from asiointi.identity.models import User

    user, _new = User.objects.get_or_create(
        username="bench-clerk", defaults={"first_name": "Penkki", "last_name": "Virkailija"}
    )
    agency_membership_add(
        user=user, agency=Agency.objects.get(slug=AGENCY), role=AgencyMembership.Role.CLERK
    )
    device, _new = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    staff_session_start(request.session)
    request.session.save()
    return request.session.session_key or ""


def targets() -> list[Target]:
    reference = ensure_cases()
    cookie = (("Cookie", f"{settings.SESSION_COOKIE_NAME}={staff_session()}"),)
    with translation.override("fi"):
        inbox = reverse("backoffice:inbox", args=[AGENCY])
        case = reverse("backoffice:case", args=[AGENCY, reference])
    last_page = COUNT_MAX // settings.BACKOFFICE_PAGE_SIZE
    goal = Goal(versus=STAFF_BARE, min_throughput_ratio=0.1, max_p99_ms=250.0, max_p95_ms=100.0)
    return [
        Target(STAFF_BARE, ("/bench/bare",), goal=None, headers=cookie),
        Target(f"Inbox, newest of {CASES:,}", (inbox,), goal=goal, headers=cookie),
        Target("Inbox, in progress", (f"{inbox}?status=in_progress",), goal=goal, headers=cookie),
        Target(
            f"Inbox, the last page ({last_page:,})",
            (f"{inbox}?page={last_page}",),
            goal=goal,
            headers=cookie,
        ),
        Target(
            "Inbox, search by reference", (f"{inbox}?q={reference}",), goal=goal, headers=cookie
        ),
        Target("Case page", (case,), goal=goal, headers=cookie),
    ]


ALONE_REQUESTS = 15


def _alone_ms(bench: Bench, target: Target) -> float:
    """The median time of one request with nothing else sent: the page's own cost, apart from
    the waiting that eight connections on a few workers add."""
    times = []
    for _ in range(ALONE_REQUESTS):
        started = time.perf_counter()
        get_status(bench.base_url, target.paths[0], dict(target.headers))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(bench: Bench) -> Comparison:
    measured = targets()
    comparison = bench.compare(measured)
    alone = ", ".join(
        f"{target.label} {_alone_ms(bench, target):.0f} ms" for target in measured[1:]
    )
    note = (
        f"One request at a time (the median of {ALONE_REQUESTS}, after the load): {alone}. "
        f"The inbox counts up to {COUNT_MAX:,} cases and lists that many; filters and search "
        "are the way to an older case."
    )
    return replace(comparison, notes=(*comparison.notes, note))


SCENARIO = Scenario(
    name="backoffice",
    title="Back office: an agency's inbox and a case among 100,000",
    about=(
        f"A clerk logged in with password and second factor (a staff session cookie) works in an "
        f"agency that has {CASES:,} sent forms of one service from {CUSTOMERS:,} residents, in "
        "every status. The inbox's first page (a count and the newest 25 with the customer, "
        "service and handler), the inbox filtered by status, its last page, a search by "
        "reference, and one case page (the answers decrypted and shown with their form version, "
        "the history, files, notes and thread; an audit-log row written on each read). The goal "
        "of issue 14 is p95 under 100 ms for the inbox and a case page; *Bare view, staff logged "
        "in* is the constant page with the same cookie."
    ),
    run=run,
)
