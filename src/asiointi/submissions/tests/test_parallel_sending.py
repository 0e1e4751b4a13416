"""Pressing "Lähetä" two or five times at once: every press shows the one receipt, nothing 500s."""

import pytest
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from asiointi.identity.models import User
from asiointi.submissions.models import Draft, Submission
from asiointi.submissions.tests.support import fill_parking, url
from asiointi.tests.parallel import (
    browser_session,
    csrf_token,
    press_together,
    skip_on_in_memory_sqlite,
)


@pytest.mark.parametrize("presses", [2, 5])
def test_send_pressed_many_times_at_once_shows_every_press_the_one_receipt(
    transactional_db: None, live_server: LiveServer, demo_forms: None, tessa: User, presses: int
) -> None:
    skip_on_in_memory_sqlite()
    client = Client()
    client.force_login(tessa)
    draft = fill_parking(client)
    browser = browser_session(live_server.url, tessa)
    check = live_server.url + url("submissions:draft_check", draft.pk)
    token = csrf_token(browser, check)

    def press() -> tuple[int, str, str]:
        response = browser.post(
            check, data={"csrfmiddlewaretoken": token}, headers={"Referer": check}, timeout=60
        )
        return response.status_code, response.url, response.text

    results = press_together(presses, press)

    submission = Submission.objects.get()
    receipt = live_server.url + url("submissions:confirmation", submission.pk)
    assert [status for status, _, _ in results] == [200] * presses, [r[2][:500] for r in results]
    assert {address.split("#")[0] for _, address, _ in results} == {receipt}
    assert all(submission.reference in text for _, _, text in results)
    assert not Draft.objects.exists()
