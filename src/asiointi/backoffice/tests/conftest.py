"""The back office's tests share a sent case (Tessa's parking permit) and a clerk of its agency;
a module may define its own."""

from typing import Any

import pytest
from django.test import Client

from asiointi.backoffice.tests.support import send_parking, staff_client
from asiointi.courses.tests.conftest import (  # noqa: F401  (fixtures)
    course,
    make_course,
    make_person,
    service,
)
from asiointi.submissions.models import Submission
from asiointi.submissions.tests.conftest import (  # noqa: F401  (fixtures)
    demo_forms,
    stranger_client,
    tessa,
    tessa_client,
)


@pytest.fixture
def case(tessa_client: Client, django_capture_on_commit_callbacks: Any) -> Submission:  # noqa: F811
    return send_parking(tessa_client, django_capture_on_commit_callbacks)


@pytest.fixture
def clerk() -> Client:
    return staff_client("kaisa")
