"""Whatever is posted to a form page (hypothesis makes it up), the answer is a page, never a 500."""

from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asiointi.submissions.models import Draft
from asiointi.submissions.tests.support import PARKING_ANSWERS, start, url

FIELDS = sorted(
    {name for page in PARKING_ANSWERS.values() for name in page} | {"action", "children-count"}
)
VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["", "yes", "no", "add", "remove-0", "ask-remove-1", "keep", "12", "-1", "1e9999", "NaN"]
    ),
)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_forms")
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    page=st.sampled_from(
        ["applicant", "residence", "vehicle", "period", "confirm", "no-such-page"]
    ),
    data=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8),
)
def test_any_post_to_a_page_gives_a_page_or_a_redirect(
    tessa_client: Client, page: str, data: dict[str, Any]
) -> None:
    draft = Draft.objects.first() or start(tessa_client, "asukaspysakointitunnus")
    clean = {key: value.replace("\x00", "") for key, value in data.items()}
    response = tessa_client.post(url("submissions:draft_page", draft.pk, page), clean)
    assert response.status_code in (200, 302, 404)
