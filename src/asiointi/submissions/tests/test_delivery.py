"""Delivery to the agency's system is retried; after the last try staff see the failure and the
resident an honest status. The agency's system here is a real HTTP server on localhost."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client

from asiointi.folder.models import FolderItem
from asiointi.submissions.models import Submission
from asiointi.submissions.tests.support import fill_parking, url

pytestmark = pytest.mark.usefixtures("demo_forms")


class Agency(BaseHTTPRequestHandler):
    answers: list[int] = []
    received: list[dict[str, Any]] = []
    error_text = b""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status = self.answers.pop(0) if self.answers else 200
        if status == 200:
            self.received.append(json.loads(body))
        self.send_response(status)
        self.end_headers()
        if status != 200:
            self.wfile.write(self.error_text)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def agency(settings: LazySettings) -> Iterator[type[Agency]]:
    server = HTTPServer(("127.0.0.1", 0), Agency)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SUBMISSION_DELIVERY_URL = f"http://127.0.0.1:{server.server_port}/cases"
    settings.SUBMISSION_DELIVERY_ATTEMPTS = 3
    Agency.answers, Agency.received, Agency.error_text = [], [], b""
    yield Agency
    server.shutdown()


def send(client: Client, capture: Any) -> Submission:
    draft = fill_parking(client)
    with capture(execute=True):
        client.post(url("submissions:draft_check", draft.pk))
    return Submission.objects.get()


def test_a_failed_attempt_is_retried_and_the_answers_arrive_once(
    tessa_client: Client, agency: type[Agency], django_capture_on_commit_callbacks: Any
) -> None:
    agency.answers = [503, 500]
    submission = send(tessa_client, django_capture_on_commit_callbacks)
    assert submission.status == "delivered" and submission.delivery_attempts == 3
    assert len(agency.received) == 1
    assert agency.received[0]["reference"] == submission.reference
    assert agency.received[0]["answers"]["registration"] == "ABC-123"


def test_after_the_last_attempt_staff_and_resident_see_the_delay(
    tessa_client: Client,
    agency: type[Agency],
    django_capture_on_commit_callbacks: Any,
    verified_admin_client: Client,
) -> None:
    agency.answers = [500, 500, 500]
    submission = send(tessa_client, django_capture_on_commit_callbacks)
    assert submission.status == "delivery_delayed"
    assert submission.delivery_failed_at is not None and "HTTP 500" in submission.delivery_error
    page = tessa_client.get(url("submissions:detail", submission.pk)).content.decode()
    assert "Toimitus on viivästynyt" in page
    assert FolderItem.objects.get(kind="submission").status == "delivery_delayed"
    listing = verified_admin_client.get(
        "/fi/admin/submissions/submission/?delivery=failed"
    ).content.decode()
    assert submission.reference in listing

    # Staff deliver it again once the agency's system is back.
    with django_capture_on_commit_callbacks(execute=True):
        verified_admin_client.post(
            "/fi/admin/submissions/submission/",
            {"action": "deliver_again", "_selected_action": [str(submission.pk)]},
        )
    submission.refresh_from_db()
    assert submission.status == "delivered"
    assert [c.status for c in submission.history.all()] == [
        "received",
        "delivery_delayed",
        "delivered",
    ]


def test_an_identity_code_quoted_in_the_agencys_error_is_masked(
    tessa_client: Client, agency: type[Agency], django_capture_on_commit_callbacks: Any
) -> None:
    agency.answers = [422, 422, 422]
    agency.error_text = b'{"error": "applicant 010675-9981 is not in our register"}'
    submission = send(tessa_client, django_capture_on_commit_callbacks)
    assert submission.delivery_error == (
        'HTTP 422: {"error": "applicant 010675-**** is not in our register"}'
    )
