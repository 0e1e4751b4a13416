"""Residents filling in and sending the parking permit form, 20 at a time, step by step.

wrk cannot log in or follow a form, so this scenario drives the server with one Python client
thread per resident (requests.Session, keep-alive). Residents are logged in the way the portal
itself logs people in: a session made by Django's auth for a person with an identity code.
"""

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import requests
from django.urls import reverse
from django.utils import translation

from asiointi.bench.load import Measurement, combine
from asiointi.bench.scenario import BARE, Bench, Comparison, Goal, Scenario, Target, judge

RESIDENTS = 20
MIN_ROUND_SECONDS = 20
FORM = "asukaspysakointitunnus"
PAGES: list[tuple[str, dict[str, str]]] = [
    (
        "applicant",
        {
            "address-street": "Mannerheimintie 1",
            "address-postal_code": "00100",
            "address-post_office": "Helsinki",
            "email": "bench@example.fi",
        },
    ),
    ("residence", {"lives_in_zone": "yes"}),
    ("vehicle", {"registration": "ABC-123", "holding": "owner", "emissions": "95"}),
    (
        "period",
        {"months": "12", "start_date-day": "1", "start_date-month": "1", "start_date-year": "2099"},
    ),
    ("confirm", {"declaration": "yes"}),
]
STEPS = [
    "Start",
    *(f"Page: {key}" for key, _data in PAGES),
    "Check answers",
    "Send",
    "Confirmation",
]
WHOLE = "Whole form, start to confirmation"
CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"  # of a personal identity code
NO_DRAFT = "00000000-0000-0000-0000-000000000000"  # replaced by each draft's id


@dataclass
class Tally:
    """Latencies (microseconds) and failures per step, shared by the resident threads."""

    latencies: dict[str, Counter[int]] = field(default_factory=dict)
    failures: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, step: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(step, Counter())[int(seconds * 1_000_000)] += 1
            if not ok:
                self.failures[step] += 1


def residents_logged_in(count: int) -> list[str]:
    """Session keys of `count` registered residents (made once, kept between runs). Their codes
    are ordinary ones (individual numbers 100-119): production refuses test persons' codes."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone
    from django.utils.module_loading import import_string

    from asiointi.identity.models import User
    from asiointi.identity.services import SESSION_LAST_SEEN, SESSION_STARTED_AT
    from asiointi.privacy.identity_codes import identity_code_digest, identity_code_encrypt

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    keys = []
    for number in range(count):
        body = f"010280-{100 + number}"
        code = body + CHECK_CHARACTERS[int(f"010280{100 + number}") % 31]
        person, _created = User.objects.update_or_create(
            username=f"bench-resident-{number}",
            defaults={
                "identity_code_digest": identity_code_digest(code),
                "identity_code_encrypted": identity_code_encrypt(code),
                "first_name": "Penkki",
                "last_name": f"Asukas {number}",
                "street_address": "Mannerheimintie 1",
                "postal_code": "00100",
                "post_office": "Helsinki",
                "email": f"bench-{number}@example.fi",
                "email_verified_at": timezone.now(),
                "registered_at": timezone.now(),
            },
        )
        session = store()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session[SESSION_STARTED_AT] = session[SESSION_LAST_SEEN] = time.time() + 3600
        session.create()
        keys.append(session.session_key)
    return keys


def addresses() -> dict[str, str]:
    with translation.override("fi"):
        return {
            "start": reverse("eforms:start", args=[FORM]),
            "page": reverse("submissions:draft_page", args=[NO_DRAFT, "PAGE"]),
            "check": reverse("submissions:draft_check", args=[NO_DRAFT]),
        }


def send_one(
    client: requests.Session, base: str, paths: dict[str, str], tally: Tally, csrf: str
) -> bool:
    """One resident fills in the whole form and sends it; False when a step failed."""
    headers = {"X-CSRFToken": csrf, "Referer": base}

    def step(
        name: str, call: Callable[[], requests.Response], status: int = 200
    ) -> requests.Response | None:
        began = time.perf_counter()
        try:
            response: requests.Response | None = call()
            ok = response is not None and response.status_code == status
        except requests.RequestException:
            response, ok = None, False
        tally.add(name, time.perf_counter() - began, ok)
        return response if ok else None

    started = step("Start", lambda: client.post(base + paths["start"], headers=headers))
    if started is None:
        return False
    draft = started.url.rstrip("/").split("/")[-2]  # …/luonnos/<uuid>/applicant/
    for key, data in PAGES:
        address = base + paths["page"].replace(NO_DRAFT, draft).replace("PAGE", key)
        posted = step(
            f"Page: {key}",
            lambda a=address, d=data: client.post(
                a, data={**d, "action": "continue"}, headers=headers
            ),  # type: ignore[misc]
        )
        if posted is None:
            return False
    check = base + paths["check"].replace(NO_DRAFT, draft)
    if step("Check answers", lambda: client.get(check)) is None:
        return False
    # The redirect is part of "Send"; the confirmation page it leads to is a step of its own.
    sent = step("Send", lambda: client.post(check, headers=headers, allow_redirects=False), 302)
    if sent is None:
        return False
    confirmation = base + sent.headers["Location"]
    return step("Confirmation", lambda: client.get(confirmation)) is not None


def drive(base: str, seconds: float, sessions: list[str], tally: Tally, bare: bool) -> int:
    """Keep every resident busy for `seconds`; the number of completed forms (or bare requests)."""
    from django.conf import settings

    paths = addresses()
    done = Counter[int]()
    deadline = time.monotonic() + seconds

    def resident(index: int) -> None:
        with requests.Session() as client:
            client.cookies.set(settings.SESSION_COOKIE_NAME, sessions[index])
            client.get(base + paths["start"])  # the CSRF cookie, as a browser gets it
            # Production marks it Secure, which requests keeps off plain HTTP: send it anyway.
            token = client.cookies.get("csrftoken") or ""
            client.cookies.clear()
            client.cookies.set(settings.SESSION_COOKIE_NAME, sessions[index])
            client.cookies.set("csrftoken", token)
            while time.monotonic() < deadline:
                began = time.perf_counter()
                if bare:
                    response = client.get(base + BARE.paths[0])
                    tally.add("bare", time.perf_counter() - began, response.status_code == 200)
                    done[index] += 1
                elif send_one(client, base, paths, tally, token):
                    tally.add(WHOLE, time.perf_counter() - began, True)
                    done[index] += 1

    threads = [threading.Thread(target=resident, args=(i,)) for i in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done.values())


def measurement(tally: Tally, step: str, seconds: float) -> Measurement:
    latencies = tally.latencies.get(step, Counter())
    requests_done = sum(latencies.values())
    return Measurement(
        requests=requests_done,
        seconds=seconds,
        errors=0,
        failed_responses=tally.failures[step],
        latencies=latencies,
        round_rates=(requests_done / seconds if seconds else 0.0,),
    )


def run(bench: Bench) -> Comparison:
    sessions = residents_logged_in(RESIDENTS)
    rounds: dict[str, list[Measurement]] = {}
    # A whole form takes seconds at this concurrency: rounds long enough for many to finish.
    seconds = max(bench.load.round_seconds, MIN_ROUND_SECONDS)
    count = max(1, min(bench.load.rounds, 3))
    drive(bench.base_url, bench.load.warmup_seconds, sessions, Tally(), bare=False)
    for number in range(1, count + 1):
        print(f"  round {number}/{count}", flush=True)
        for bare in (True, False):
            tally = Tally()
            drive(bench.base_url, seconds, sessions, tally, bare)
            for step in ["bare"] if bare else [*STEPS, WHOLE]:
                rounds.setdefault(step, []).append(measurement(tally, step, seconds))
    baseline = combine(rounds["bare"])
    # Each step of one resident's form answers within 100 ms for 19 in 20 requests.
    step_goal = Goal(min_throughput_ratio=0.0, max_p95_ms=100.0)
    targets = [
        Target(step, (step,), goal=None if step == WHOLE else step_goal) for step in [*STEPS, WHOLE]
    ]
    bare_target = Target("Bare Django view (20 client threads)", BARE.paths, goal=None)
    return Comparison(
        baseline=judge(bare_target, baseline, baseline),
        results=[judge(target, combine(rounds[target.label]), baseline) for target in targets],
    )


def _about() -> str:
    return (
        f"{RESIDENTS} logged-in residents at once, each in its own client thread, fill in the "
        f"resident parking permit (`{FORM}`, five pages) again and again: *Start* creates the "
        "draft, each *Page* step posts a page and loads the next (the draft is encrypted and "
        "saved, the folder index updated), *Check answers* validates the whole form against "
        "its JSON Schema, *Send* makes the submission (reference, receipt, in-process delivery) "
        "and *Confirmation* loads the page after it. Requests/s of a step is how many of it "
        "completed per second; the *Whole form* row's requests/s is **submissions per second** "
        "and its latencies are those of one whole form. The bare view is measured with the same "
        f"Python client at {RESIDENTS} threads in the same rounds; on a small machine the client "
        "threads share the CPU with the server, so all figures are a floor."
    )


SCENARIO = Scenario(name="forms", title="Sending a form", about=_about(), run=run)
