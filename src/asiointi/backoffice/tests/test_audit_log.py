"""The auditor's audit log page: a person found by identity code (sent by POST, the lookup itself
audited, the code in no address), filters by member of staff, action and time, pages; no one
else gets in."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.test import Client
from django.utils import timezone

from asiointi.backoffice.tests.fixtures import log_in_verified
from asiointi.backoffice.tests.support import auditor_member, staff_client, staff_member, url
from asiointi.catalogue.demo import load_demo as load_catalogue
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.retention import audit_retention

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_catalogue")]
CODE = "010280-952L"
Action = AuditEvent.Action


@pytest.fixture
def demo_catalogue(db: None) -> None:
    load_catalogue()


@pytest.fixture
def auditor() -> tuple[User, Client]:
    user, device = auditor_member("aila")
    return user, log_in_verified(Client(), user, device)


@pytest.fixture
def clerk_events(tessa: User) -> tuple[User, AuditEvent, AuditEvent]:
    clerk, _device = staff_member("kaisa")
    login = AuditEvent.objects.create(action=Action.LOGIN, user=tessa, target="oidc")
    read = AuditEvent.objects.create(
        action=Action.PERSONAL_DATA_READ, user=clerk, target="submission:1"
    )
    return clerk, login, read


def _rows(client: Client, query: str = "") -> str:
    response = client.get(url("backoffice:audit_log") + query)
    assert response.status_code == 200, response.content.decode()[:2000]
    html = response.content.decode()
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""


def test_a_person_is_found_by_identity_code_and_the_lookup_is_audited(
    auditor: tuple[User, Client], tessa: User, clerk_events: tuple[User, AuditEvent, AuditEvent]
) -> None:
    user, client = auditor
    response = client.post(url("backoffice:audit_person"), {"identity_code": CODE.lower()})
    assert response.status_code == 302
    where = unquote(response["Location"])
    assert CODE not in where.upper() and "952L" not in where.upper()
    page = client.get(where).content.decode()
    assert "Henkilön Tessa Testilä tapahtumat" in page and "010280-****" in page
    rows = page.split("<tbody>", 1)[1]
    assert "oidc" in rows and "submission:1" not in rows
    lookup = AuditEvent.objects.get(action=Action.PERSON_LOOKUP)
    assert lookup.user == user and lookup.details["found"] is True
    assert lookup.target == f"user:{tessa.pk}" and "952L" not in str(lookup.details)


def test_a_mistyped_code_is_shown_again_with_its_error(auditor: tuple[User, Client]) -> None:
    _user, client = auditor
    response = client.post(url("backoffice:audit_person"), {"identity_code": "010280-9520"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tarkista henkilötunnus" in page and 'value="010280-9520"' in page
    assert not AuditEvent.objects.filter(action=Action.PERSON_LOOKUP).exists()


def test_a_code_of_nobody_says_so_and_is_audited(auditor: tuple[User, Client]) -> None:
    _user, client = auditor
    response = client.post(url("backoffice:audit_person"), {"identity_code": "010469-999W"})
    assert response.status_code == 200
    assert "Henkilötunnuksella 010469-**** ei ole asioitu" in response.content.decode()
    assert AuditEvent.objects.get(action=Action.PERSON_LOOKUP).details["found"] is False


def test_a_forged_person_in_the_address_finds_nobody(
    auditor: tuple[User, Client], tessa: User
) -> None:
    _user, client = auditor
    response = client.get(url("backoffice:audit_log") + f"?person={tessa.pk}")
    assert response.status_code == 400
    assert "Henkilöhaku on vanhentunut" in response.content.decode()


def test_filters_by_member_of_staff_action_and_time(
    auditor: tuple[User, Client], clerk_events: tuple[User, AuditEvent, AuditEvent]
) -> None:
    _user, client = auditor
    clerk, login, _read = clerk_events
    with audit_retention():
        AuditEvent.objects.filter(pk=login.pk).update(created_at=timezone.now() - timedelta(days=3))
    by_clerk = _rows(client, f"?staff={clerk.pk}")
    assert "submission:1" in by_clerk and "oidc" not in by_clerk
    logins = _rows(client, "?action=login")
    assert "oidc" in logins and "submission:1" not in logins
    today = timezone.localdate().isoformat()
    recent = _rows(client, f"?since={today}&until={today}")
    assert "submission:1" in recent and "oidc" not in recent
    earlier = (timezone.localdate() - timedelta(days=2)).isoformat()
    old = _rows(client, f"?until={earlier}")
    assert "oidc" in old and "submission:1" not in old


def test_an_end_before_the_start_is_refused(auditor: tuple[User, Client]) -> None:
    _user, client = auditor
    response = client.get(url("backoffice:audit_log") + "?since=2026-12-05&until=2026-12-01")
    assert response.status_code == 400
    assert "Päättymispäivä ei voi olla ennen alkamispäivää" in response.content.decode()


def test_the_log_comes_in_pages(auditor: tuple[User, Client]) -> None:
    _user, client = auditor
    AuditEvent.objects.bulk_create(
        AuditEvent(action=Action.LOGOUT, target=f"event-{n}") for n in range(30)
    )
    first = _rows(client, "?action=logout")
    second = _rows(client, "?action=logout&page=2")
    assert first.count("<tr>") == 25 and second.count("<tr>") == 5
    assert "event-29" in first and "event-0<" in second


def test_only_auditors_get_in(client: Client, tessa: User) -> None:
    clerk = staff_client("kaisa")
    assert clerk.get(url("backoffice:audit_log")).status_code == 404
    assert clerk.post(url("backoffice:audit_person"), {"identity_code": CODE}).status_code == 404
    resident = Client()
    resident.force_login(tessa)
    for visitor in (resident, client):
        response = visitor.get(url("backoffice:audit_log"))
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    assert not AuditEvent.objects.filter(action=Action.PERSON_LOOKUP).exists()


def test_a_pure_auditor_finds_the_audit_log_on_the_staff_home(
    auditor: tuple[User, Client],
) -> None:
    _user, client = auditor
    page = client.get(url("backoffice:home")).content.decode()
    assert "Hae lokitiedoista" in page and "Et kuulu minkään viraston" not in page
