""" "Send feedback" pressed twice: two real requests at the same moment make one feedback, and both
answers lead to its acknowledgement. PostgreSQL only: the tests' SQLite database is in memory,
shared between threads with table locks, which no deployed SQLite has (and SQLite takes its write
lock at BEGIN, so its requests never interleave)."""

import re
import threading

import pytest
import requests
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.models import Service
from asiointi.feedback.models import Feedback
from asiointi.feedback.tests.conftest import feedback_url


@pytest.mark.django_db(transaction=True)
def test_a_double_press_makes_one_feedback_and_both_see_the_acknowledgement(
    live_server: LiveServer, parking: Service
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    browser = requests.Session()
    url = live_server.url + feedback_url(parking)
    page = browser.get(url, timeout=30).text
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|form_key)" value="([^"]+)"', page))
    data = {**fields, "kind": "question", "message": "Milloin katu avataan?"}
    barrier = threading.Barrier(2)
    answers: list[requests.Response | Exception] = [Exception("no answer")] * 2

    def press(index: int) -> None:
        barrier.wait()
        try:
            answers[index] = browser.post(url, data, headers={"Referer": url}, timeout=60)
        except Exception as error:
            answers[index] = error

    threads = [threading.Thread(target=press, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    feedback = Feedback.objects.get()
    for answer in answers:
        assert isinstance(answer, requests.Response), answer
        assert answer.status_code == 200, answer.status_code
        assert feedback.reference in answer.text
        assert answer.url.endswith(f"/{feedback.form_key}/")
    assert feedback.agency == parking.agency
