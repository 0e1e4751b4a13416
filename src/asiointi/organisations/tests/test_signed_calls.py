"""Every call to e-Authorizations is signed; the test service refuses a tampered or stale one."""

from datetime import UTC, datetime, timedelta

import pytest
import requests
from django.conf import LazySettings

from asiointi.organisations import valtuudet
from asiointi.organisations.tests.support import TESSA_HETU, log_in, path, selection_page
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True)

REGISTER = "/devidp/valtuudet/service/ypa/user/register/asiointi/010280-952L?requestId=1"


def register_with(portal: str, header: str) -> requests.Response:
    return requests.get(f"{portal}{REGISTER}", headers={valtuudet.HEADER: header}, timeout=10)


def test_the_checksum_is_base64_hmac_sha256_of_path_and_timestamp() -> None:
    # printf %s /path2026-01-01T00:00:00.000Z | openssl dgst -sha256 -hmac key -binary | base64
    assert (
        valtuudet.checksum(api_key="key", path="/path", timestamp="2026-01-01T00:00:00.000Z")
        == "wXATrmrJ0i9cW9FRyxkSsS4CNUq0Nq7ibV/TjYxTaJ8="
    )


def test_a_correctly_signed_call_is_answered(portal: str) -> None:
    answer = register_with(portal, valtuudet.authorization_header(REGISTER))
    assert answer.status_code == 200
    assert set(answer.json()) == {"sessionId", "userId"}


def test_a_tampered_checksum_is_refused(portal: str) -> None:
    client_id, timestamp, checksum = valtuudet.authorization_header(REGISTER).split(" ")
    tampered = checksum[:-2] + ("A=" if checksum[-2] != "A" else "B=")
    answer = register_with(portal, f"{client_id} {timestamp} {tampered}")
    assert answer.status_code == 401
    assert "checksum" in answer.json()["error"]


def test_a_checksum_for_another_path_is_refused(portal: str) -> None:
    header = valtuudet.authorization_header(REGISTER.replace("010280-952L", "010469-999W"))
    assert register_with(portal, header).status_code == 401


def test_a_timestamp_outside_five_minutes_is_refused(portal: str) -> None:
    for minutes in (-6, 6):
        moment = datetime.now(UTC) + timedelta(minutes=minutes)
        stamp = moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        answer = register_with(portal, valtuudet.authorization_header(REGISTER, timestamp=stamp))
        assert answer.status_code == 401
        assert "window" in answer.json()["error"]


def test_a_missing_header_is_refused(portal: str) -> None:
    assert requests.get(f"{portal}{REGISTER}", timeout=10).status_code == 401


def test_a_portal_with_the_wrong_api_key_cannot_choose_and_says_so(
    portal: str, settings: LazySettings
) -> None:
    browser = log_in(portal)
    settings.VALTUUDET_API_KEY = "not the key the service knows"
    landing = selection_page(browser, portal)
    assert path("organisations:failed") in landing.url
    # The refused register call's path held the identity code; the audit row names the call.
    failure = AuditEvent.objects.get(action=AuditEvent.Action.ACTING_REFUSED)
    assert failure.details["detail"] == "register: HTTP 401"


def test_the_identity_code_travels_only_in_the_server_to_server_call(portal: str) -> None:
    browser = log_in(portal)
    landing = selection_page(browser, portal)
    for response in [*landing.history, landing]:
        assert TESSA_HETU not in response.url
        assert TESSA_HETU not in response.text
