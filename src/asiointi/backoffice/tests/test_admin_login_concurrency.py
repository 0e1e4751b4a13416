"""Admin logins sent at the same moment, each thread on its own PostgreSQL connection.

SQLite takes the write lock at BEGIN (transaction_mode IMMEDIATE), so its requests never
interleave; the races worth testing are PostgreSQL's.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.db import connection, connections
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from asiointi.backoffice.tests.fixtures import superuser_with_totp, totp_code
from asiointi.backoffice.tests.test_admin_access import assert_sees_no_admin, log_in


@pytest.fixture(autouse=True)
def _postgresql_only(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("races need PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def race(*actions: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int, action: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[index] = action()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_twelve_parallel_wrong_passwords_all_count_and_lock_out() -> None:
    user, device = superuser_with_totp()

    def guess(n: int) -> Callable[[], int]:
        return lambda: log_in(Client(), user.username, "", password=f"guess {n}").status_code

    answers = race(*(guess(n) for n in range(12)))
    assert all(isinstance(a, int) for a in answers), answers
    assert AccessAttempt.objects.get().failures_since_start == 12
    client = Client()
    assert log_in(client, user.username, totp_code(device)).status_code == 429
    assert_sees_no_admin(client)


def test_one_recovery_code_sent_twice_at_once_lets_in_once() -> None:
    user, _device = superuser_with_totp()
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    token = recovery.token_set.create(token="abcd2345").token
    clients = [Client(), Client()]
    answers = race(*(lambda c=c: log_in(c, user.username, token).status_code for c in clients))
    assert sorted(answers) == [200, 302]


def test_one_app_code_sent_twice_at_once_lets_in_once() -> None:
    user, device = superuser_with_totp()
    code = totp_code(device)
    clients = [Client(), Client()]
    answers = race(*(lambda c=c: log_in(c, user.username, code).status_code for c in clients))
    assert sorted(answers) == [200, 302]
