"""A logged-in resident opening their e-services folder, which holds 1,000 items."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from asiointi.bench.scenario import Bench, Comparison, Goal, Scenario, Target

ITEMS = 1000
LOGGED_IN_BARE = "Bare view, logged in"
BENCH_SUBJECT = "make-bench-resident"
# A made-up person (individual number below the test range 900-999, since production refuses test
# codes). The bench's database is its own profile's; this resident is the only one it adds.
BIRTH_AND_NUMBER = "010190-123"
IDENTITY_CODE = BIRTH_AND_NUMBER + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int("010190123") % 31]


def resident_session() -> str:
    """The session key of a fresh login of the bench's resident, whose folder has ITEMS items."""
    from asiointi.customers.services import customer_for_person
    from asiointi.folder.tests.items import fill_folder
    from asiointi.identity.providers.base import LOA_SUBSTANTIAL, Identification
    from asiointi.identity.services import person_login

    _forget_earlier_bench_residents()
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    request.user = AnonymousUser()
    person = person_login(
        request=request,
        identification=Identification(
            identity_code=IDENTITY_CODE,
            first_names="Penkki",
            last_name="Testaaja",
            loa=LOA_SUBSTANTIAL,
            method="bank",
            provider="oidc",
            provider_session_id=BENCH_SUBJECT,
            provider_subject=BENCH_SUBJECT,
        ),
    )
    customer = customer_for_person(person)
    if customer.folder_items.count() != ITEMS:
        customer.folder_items.all().delete()
        fill_folder(customer, ITEMS)
    return request.session.session_key or ""


def _forget_earlier_bench_residents() -> None:
    """Each run's identity-code keys are new stand-ins, so the same code makes a new person:
    remove the earlier runs' residents and their folders rather than pile them up."""
    from asiointi.customers.models import Customer
    from asiointi.identity.models import LoginSession, User

    earlier = User.objects.filter(login_sessions__provider_subject=BENCH_SUBJECT).distinct()
    Customer.objects.filter(person__in=earlier).delete()
    LoginSession.objects.filter(user__in=earlier).delete()
    User.objects.filter(pk__in=[user.pk for user in earlier]).delete()


def targets() -> list[Target]:
    cookie = (("Cookie", f"{settings.SESSION_COOKIE_NAME}={resident_session()}"),)
    with translation.override("fi"):
        folder = reverse("folder:index")
    goal = Goal(versus=LOGGED_IN_BARE, min_throughput_ratio=0.3, max_p99_ms=50.0)
    return [
        # The baseline for a logged-in visitor: the session and the middleware, nothing else.
        # Held to 0.6 x the anonymous bare view: being logged in may not cost much more.
        Target(
            LOGGED_IN_BARE,
            ("/bench/bare",),
            goal=Goal(min_throughput_ratio=0.6, max_p99_ms=50.0),
            headers=cookie,
        ),
        Target(f"Folder front page, {ITEMS} items", (folder,), goal=goal, headers=cookie),
        Target("Folder, search by reference", (f"{folder}?q=SUB00500",), goal=goal, headers=cookie),
    ]


def run(bench: Bench) -> Comparison:
    return bench.compare(targets())


SCENARIO = Scenario(
    name="folder",
    title="E-services folder of a logged-in resident",
    about=(
        "A resident logged in (a session cookie: the session is read on every request, its "
        "last-seen time written at most once a minute) opens the Finnish front page of their "
        f"folder, which holds {ITEMS:,} items: the summary of what needs action, the filter "
        "form and the newest 25 items; then a search by reference number. A resident reading "
        "their own folder writes no audit row (docs/architecture.md, Audit log). *Bare view, "
        "logged in* is the constant page with the same cookie: what the session and the "
        "middleware cost a logged-in visitor, held to 0.6 × the anonymous bare view. The folder "
        "pages are held to 0.3 × its requests/s (the × bare column still compares with the "
        "anonymous bare view) and a p99 under 50 ms: unlike the catalogue's cached pages, each "
        "renders the whole page for one person. That the page makes the same queries with 10 or "
        "10,000 items is tested apart (folder/tests/test_front_page.py)."
    ),
    run=run,
)
