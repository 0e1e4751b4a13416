"""The production topology (make prod-up's) survives losing a web node, Redis, its database
connections and a worker in the middle of sending: a resident logged in through nginx sends a
form with an attachment and enrolls across both nodes, the worker is killed while the mail server
holds the receipt, and the receipt is sent once by the worker that takes its place; then the
resident keeps going through the other node when one dies.

It starts everything of its own: a redis-server on a free port (so restarting it disturbs no
other test), a PostgreSQL database of its own on the local server, the test OpenID Provider
(oidc-provider; the built-in test provider cannot run in production), two gunicorn nodes, a
Celery worker and beat, nginx with TLS, and an SMTP server in this process (`smtp_sink.py`).
Skipped, saying why, when PostgreSQL, redis-server, nginx, openssl, clamd or Node's
oidc-provider are not there (`.ci/run`'s PostgreSQL + Redis run has them all: `make test`
installs nginx).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from asiointi.devidp.tests.support import form
from asiointi.operations.tests.smtp_sink import SmtpSink, wait_until
from asiointi.operations.tests.topology_walks import (
    RESIDENT_EMAIL,
    enrolled,
    post,
    rental_application_filled,
)
from asiointi.operations.topology import OIDC_PEER, SOURCE, Topology, kill_hard

pytestmark = pytest.mark.topology
# The PostgreSQL server of the run's own DATABASE_URL (CI's second run); the topology makes a
# database of its own there. Without PostgreSQL in DATABASE_URL the suite is skipped.
_URL = os.environ.get("DATABASE_URL", "")
SERVER = _URL.rsplit("/", 1)[0] if _URL.startswith("postgres") else ""
PSQL = shutil.which("psql") or "/usr/bin/psql"
VISIBILITY_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def missing() -> str | None:
    if not SERVER:
        return "DATABASE_URL does not name a PostgreSQL server"
    for program in ("redis-server", "nginx", "openssl", "node", "pg_isready"):
        if not (shutil.which(program) or Path(f"/usr/sbin/{program}").exists()):
            return f"{program} is not installed"
    if not (shutil.which("clamd") or Path("/usr/sbin/clamd").exists()):
        return "clamd is not installed"
    if not (OIDC_PEER / "node_modules" / "oidc-provider").is_dir():
        return f"oidc-provider is not installed (npm ci --prefix {OIDC_PEER})"
    ready = subprocess.run(  # noqa: S603
        [shutil.which("pg_isready") or "pg_isready", "-q", "-d", f"{SERVER}/postgres"],
        check=False,
    )
    if ready.returncode:
        return f"no PostgreSQL answering at {SERVER}"
    return None


def psql(database: str, sql: str) -> str:
    return subprocess.run(  # noqa: S603
        [PSQL, f"{SERVER}/{database}", "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


@dataclass
class OwnRedis:
    port: int
    folder: Path

    def start(self) -> None:
        subprocess.run(  # noqa: S603
            [shutil.which("redis-server") or "redis-server", "--daemonize", "yes",
             "--bind", "127.0.0.1", "--port", str(self.port), "--appendonly", "yes",
             "--save", "", "--dir", str(self.folder),
             "--pidfile", str(self.folder / "redis.pid"),
             "--logfile", str(self.folder / "redis.log")],
            check=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not self.answers():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        """SHUTDOWN: Redis writes its append-only file and exits, as a restart would."""
        pid = int((self.folder / "redis.pid").read_text())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while self.answers() or Path(f"/proc/{pid}").exists():
            assert time.monotonic() < deadline, "redis-server did not stop"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def mail_server() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def topology(tmp_path_factory: pytest.TempPathFactory, mail_server: SmtpSink) -> Iterator[Topology]:
    reason = missing()
    if reason:
        pytest.skip(f"the production topology needs it: {reason}")
    root = tmp_path_factory.mktemp("topology")
    redis = OwnRedis(free_port(), root / "redis")
    redis.folder.mkdir()
    redis.start()
    database = f"asiointi_topology_{uuid.uuid4().hex[:8]}"
    psql("postgres", f'CREATE DATABASE "{database}"')
    web_ports = (free_port(), free_port())
    site = Topology(
        root=root / "prod",
        database_url=f"{SERVER}/{database}",
        redis_url=f"redis://127.0.0.1:{redis.port}/0",
        https_port=free_port(),
        web_ports=web_ports,
        oidc_port=free_port(),
        web_workers=1,
        extra_env={
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
            # A real SMTP conversation, with a server the test can slow down.
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(mail_server.port),
            "EMAIL_USE_TLS": "false",
            "EMAIL_TIMEOUT": "120",
        },
    )
    site.own_redis = redis  # type: ignore[attr-defined]
    site.database = database  # type: ignore[attr-defined]
    try:
        site.up()
        yield site
    finally:
        site.down()
        redis.stop()
        psql("postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def resident_logs_in(site: Topology) -> requests.Session:
    """The resident's browser, through nginx: "Kirjaudu sisään", the provider's forms, back."""
    browser = requests.Session()
    # REQUESTS_CA_BUNDLE in the environment would win over the session's own verify.
    browser.trust_env = False
    browser.verify = str(site.root / "tls" / "cert.pem")
    portal = site.portal_url
    page = browser.get(f"{portal}/fi/kirjaudu/", params={"next": "/fi/asiointikansio/"})
    start = form(page.text, "/fi/kirjaudu/aloita/")
    # A browser sends the Referer that Django's CSRF check requires over HTTPS.
    page = browser.post(
        f"{portal}/fi/kirjaudu/aloita/",
        data=start.fields,
        headers={"Referer": f"{portal}/fi/kirjaudu/"},
    )
    for _ in range(2):  # oidc-provider's development login, then consent
        if "/interaction/" not in page.url:
            break
        prompt = form(page.text, urlsplit(page.url).path)
        data = dict(prompt.fields)
        if data["prompt"] == "login":
            data.update(login="testila-tessa", password="any")
        page = browser.post(prompt.action, data=data)
    assert page.status_code == 200 and "/kirjaudu/onnistui/" in page.url, (
        page.url,
        [r.url for r in page.history],
        page.text[:300],
    )
    return browser


def logged_in(answer: requests.Response) -> bool:
    return answer.status_code == 200 and "Kirjaudu ulos" in answer.text


def front_page_through(site: Topology, browser: requests.Session, node: int) -> requests.Response:
    """The front page asked of one node directly, with the browser's session cookie, as nginx would
    forward it."""
    cookies = "; ".join(f"{c.name}={c.value}" for c in browser.cookies)
    return requests.get(
        f"{site.web_url(node)}/fi/",
        headers={"Cookie": cookies, "X-Forwarded-Proto": "https", "Host": "127.0.0.1"},
        allow_redirects=False,
        timeout=30,
    )


def registered(site: Topology, email: str) -> None:
    """The resident confirmed an e-mail address at first login (registration has its own tests)."""
    psql(
        site.database,  # type: ignore[attr-defined]
        f"UPDATE identity_user SET email = '{email}', email_verified_at = now(), "  # noqa: S608
        "registered_at = now() WHERE last_login IS NOT NULL AND NOT is_staff",
    )


def seats(site: Topology, code: str) -> int:
    sql = f"SELECT enrolled_seats FROM courses_course WHERE code = '{code}'"  # noqa: S608
    return int(psql(site.database, sql))  # type: ignore[attr-defined]


def test_a_form_and_an_enrollment_across_both_nodes_survive_a_worker_killed_mid_receipt(
    topology: Topology, mail_server: SmtpSink
) -> None:
    """Runs first, while both nodes are up: the resident's requests alternate between them."""
    site, sink = topology, mail_server
    browser = resident_logs_in(site)
    registered(site, RESIDENT_EMAIL)
    check = rental_application_filled(site, browser)

    # The mail server holds its answer to the receipt; the worker dies while it waits.
    sink.hold()
    sent = post(site, browser, check)
    assert sent.status_code == 302, sent.text[:2000]
    wait_until(lambda: sink.held_to(RESIDENT_EMAIL), "the receipt on its way")
    kill_hard(site.pids / "worker.pid")
    time.sleep(1)
    sink.release()
    wait_until(lambda: not sink.held, "the held messages to be let go")
    assert sink.to(RESIDENT_EMAIL) == []  # the killed worker delivered nothing
    # The task was not acknowledged: Redis hands it out again after the visibility timeout, to
    # the worker that takes the dead one's place.
    time.sleep(VISIBILITY_SECONDS + 1)
    site.start_worker()
    wait_until(lambda: sink.to(RESIDENT_EMAIL), "the receipt sent again", seconds=90)

    reference = psql(site.database, "SELECT reference FROM submissions_submission")  # type: ignore[attr-defined]
    assert len(reference) == 8  # one submission
    code = "ty-espanja-1"
    before = seats(site, code)
    enrollment = enrolled(site, browser, code)
    again = post(site, browser, enrollment.action, enrollment.fields)  # the other node
    assert again.status_code == 303
    assert seats(site, code) == before + 1
    wait_until(lambda: len(sink.to(RESIDENT_EMAIL)) == 2, "the enrollment confirmation")
    time.sleep(3)  # a second copy of either would have arrived by now

    receipt, confirmation = sink.to(RESIDENT_EMAIL)
    assert reference in receipt.data
    assert "ty-espanja-1" in confirmation.data or "Espanja" in confirmation.data
    records = psql(
        site.database,  # type: ignore[attr-defined]
        "SELECT kind || ' ' || status || ' ' || attempts FROM notify_notification ORDER BY id",
    )
    # The receipt's first attempt died with the worker; the second sent it, once.
    assert records.splitlines() == ["submission_receipt sent 2", "course_enrollment sent 1"]
    mine = psql(
        site.database,  # type: ignore[attr-defined]
        "SELECT count(*) FROM courses_enrollment e JOIN customers_customer cu "  # noqa: S608
        "ON cu.id = e.customer_id JOIN identity_user u ON u.id = cu.person_id "
        f"WHERE u.email = '{RESIDENT_EMAIL}'",
    )
    assert mine == "1"
    for node in ("web1", "web2"):  # both nodes served the resident's form
        assert check.split("/")[-3] in (site.logs / f"{node}.log").read_text(), node


def test_the_bench_rush_through_nginx_and_both_nodes_leaves_every_answer_right(
    topology: Topology, tmp_path: Path
) -> None:
    """make bench-topology, tiny: 50 residents enroll in one course at the same instant through
    nginx; the bench's own check of the database and the answer pages must hold (its timings are
    not judged here). Runs while both nodes are up."""
    site = topology
    report = tmp_path / "performance.md"
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "HOME", "TMPDIR")}
    bench = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "asiointi.bench", "--target", site.portal_url,
         "--topology-root", str(site.root), "--residents", "50", "--report", str(report)],
        env={**keep, "PYTHONPATH": str(SOURCE)},
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert bench.returncode == 0, bench.stdout[-2000:] + bench.stderr[-3000:]
    written = report.read_text()
    assert "The rush: 50 residents answered" in written, written[-3000:]
    assert "Answers: 15 enrolled, 10 on a waiting list, 25 told the course is full" in written
    # Every resident exactly one answer page telling what the database holds, no seat twice.
    assert "the answer pages telling what the database holds): **all held**." in written
    for node in ("web1", "web2"):  # nginx shared the rush between the nodes
        assert "/fi/kurssit/rush-001/ilmoittaudu/" in (site.logs / f"{node}.log").read_text()


def test_a_resident_keeps_going_through_node_loss_redis_restart_and_ended_connections(
    topology: Topology,
) -> None:
    site = topology
    browser = resident_logs_in(site)
    front = f"{site.portal_url}/fi/"
    assert logged_in(browser.get(front, allow_redirects=False))
    # The session is shared: either node knows the resident.
    for node in (1, 2):
        assert logged_in(front_page_through(site, browser, node))

    # Web node 1 is killed outright, master and workers: nginx sends the resident to node 2.
    pid = int((site.pids / "web1.pid").read_text().split()[0])
    os.killpg(pid, signal.SIGKILL)
    for _ in range(3):
        assert logged_in(browser.get(front, allow_redirects=False))

    # Redis restarts (with its append-only file): the session, the cache and the queue survive.
    site.own_redis.stop()  # type: ignore[attr-defined]
    site.own_redis.start()  # type: ignore[attr-defined]
    assert logged_in(browser.get(front, allow_redirects=False))

    # PostgreSQL ends every connection to the topology's own database.
    database = site.database  # type: ignore[attr-defined]
    terminate = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s'"
    psql("postgres", terminate % database)
    assert logged_in(browser.get(front, allow_redirects=False))
    ready = requests.get(f"{site.web_url(2)}/readyz", timeout=10)
    assert ready.json() == {
        "status": "ready",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }

    # The worker is killed and started again; it still takes tasks from the restarted Redis.
    kill_hard(site.pids / "worker.pid")
    site.start_worker()
