"""Only a token from the configured issuer, for this audience, unexpired, with the operation's
scope and a high enough level of assurance opens the GDPR API; every refusal is audited."""

import time
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from joserfc.jwk import RSAKey

from asiointi.customers.tests.holdings import SUBJECT, Holdings, token
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)


def get(path: str, bearer: str) -> Any:
    return Client().get(path, headers={"Authorization": f"Bearer {bearer}"})


def test_without_an_issuer_the_api_is_not_there(db: None, settings: LazySettings) -> None:
    settings.GDPR_API_ISSUER = ""
    assert Client().get(f"/gdpr-api/v1/profiles/{SUBJECT}").status_code == 404


def test_a_good_token_reads_the_person(gdpr_api: str, holdings: Holdings) -> None:
    response = get(gdpr_api + SUBJECT, token())
    assert response.status_code == 200
    assert response.json()["key"] == "ASIOINTI"


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"scope": "asiointi.gdprdelete"}, 403),  # the delete scope does not read
        ({"scope": None}, 403),
        ({"loa": "low"}, 403),
        ({"loa": None}, 403),
        ({"aud": "another-service"}, 401),
        ({"iss": "https://issuer.example"}, 401),
        ({"exp": int(time.time()) - 120}, 401),
        ({"exp": None}, 401),
    ],
)
def test_a_token_that_may_not_read_is_refused(
    gdpr_api: str, holdings: Holdings, changes: dict[str, Any], status: int
) -> None:
    response = get(gdpr_api + SUBJECT, token(**changes))
    assert response.status_code == status
    assert SUBJECT not in response.content.decode() and "Tessa" not in response.content.decode()
    refused = AuditEvent.objects.get(action=AuditEvent.Action.GDPR_REFUSED)
    assert refused.details["method"] == "GET"


def test_a_token_signed_by_another_key_is_refused(gdpr_api: str, holdings: Holdings) -> None:
    stranger = RSAKey.generate_key(2048, auto_kid=True)
    assert get(gdpr_api + SUBJECT, token(key=stranger)).status_code == 401


def test_no_token_or_another_scheme_is_refused(gdpr_api: str, holdings: Holdings) -> None:
    assert Client().get(gdpr_api + SUBJECT).status_code == 401
    response = Client().get(gdpr_api + SUBJECT, headers={"Authorization": "Basic eDp5"})
    assert response.status_code == 401
    assert get(gdpr_api + SUBJECT, "not-a-token").status_code == 401


def test_the_query_scope_does_not_delete(gdpr_api: str, holdings: Holdings) -> None:
    response = Client().delete(
        gdpr_api + SUBJECT,
        headers={"Authorization": f"Bearer {token(scope='asiointi.gdprquery')}"},
    )
    assert response.status_code == 403
    holdings.person.refresh_from_db()
    assert holdings.person.first_name == "Tessa"


def test_a_helsinki_profile_scope_claim_is_understood(gdpr_api: str, holdings: Holdings) -> None:
    bearer = token({"https://api.hel.fi/auth": ["asiointi.gdprquery"]}, scope=None)
    assert get(gdpr_api + SUBJECT, bearer).status_code == 200
