"""Every back-office address against every persona: the owning agency's staff in each role get
the page, a member of another agency and a platform superuser get 404, residents and anonymous
visitors are sent to the staff login."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from asiointi.attachments.services import attachment_accept
from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.services import case_message_send
from asiointi.backoffice.tests.fixtures import log_in_verified, superuser_with_totp
from asiointi.backoffice.tests.support import (
    OTHER_AGENCY,
    OWNING_AGENCY,
    case_url,
    send_parking,
    staff_client,
    url,
)
from asiointi.customers.acting import Acting
from asiointi.folder.forms import REPLY_LIMITS
from asiointi.folder.messaging import reply_send
from asiointi.folder.selectors import thread_about
from asiointi.identity.models import User
from asiointi.submissions.models import Submission

pytestmark = pytest.mark.usefixtures("demo_forms")
Role = AgencyMembership.Role
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OWNING = ("clerk", "service manager", "agency administrator")


@pytest.fixture
def staff_personas(tessa_client: Client) -> dict[str, Client]:
    superuser, device = superuser_with_totp()
    return {
        "clerk": staff_client("clerk", role=Role.CLERK),
        "service manager": staff_client("manager", role=Role.SERVICE_MANAGER),
        "agency administrator": staff_client("admin", role=Role.AGENCY_ADMIN),
        "member of another agency": staff_client("other", agency_slug=OTHER_AGENCY),
        "platform superuser": log_in_verified(Client(), superuser, device),
        "resident": tessa_client,
        "anonymous": Client(),
    }


@pytest.fixture
def case(tessa_client: Client, tessa: User, django_capture_on_commit_callbacks: Any) -> Submission:
    """A sent case with a decision (PDF) and a reply with a file in its thread."""
    case = send_parking(tessa_client, django_capture_on_commit_callbacks)
    clerk = User.objects.create_user(username="writer")
    case_message_send(submission=case, body="Päätös.", by=clerk, document=PDF)
    thread = thread_about(agency_id=case.service.agency_id, kind="submission", key=str(case.pk))
    assert thread is not None and case.customer is not None
    attachment = attachment_accept(
        upload=SimpleUploadedFile("liite.pdf", PDF),
        limits=REPLY_LIMITS,
        customer=case.customer,
        person=tessa,
    )
    acting = Acting(person=tessa, customer=case.customer)
    reply_send(thread=thread, acting=acting, body="Kiitos.", attachments=[attachment])
    case.attachment_pk = attachment.pk  # type: ignore[attr-defined]
    case.document_pk = thread.messages.exclude(document="").get().pk  # type: ignore[attr-defined]
    return case


def _agency_pages(case: Submission) -> list[str]:
    agency = case.service.agency.slug
    return [
        url("backoffice:inbox", agency),
        url("backoffice:export", agency),
        case_url("backoffice:case", case),
        case_url("backoffice:case_attachment", case, case.attachment_pk),  # type: ignore[attr-defined]
        case_url("backoffice:case_document", case, case.document_pk),  # type: ignore[attr-defined]
    ]


# POST address, data, what the owning agency's staff get.
ACTIONS: list[tuple[str, dict[str, str], int]] = [
    ("backoffice:case_status", {"status": "in_progress"}, 302),
    ("backoffice:case_assign", {"assignee": ""}, 302),
    ("backoffice:case_note", {"body": "Muistiinpano."}, 302),
    ("backoffice:case_message", {"kind": "message", "body": "Hei."}, 302),
    ("backoffice:case_reveal", {"reason": "Tarkistus"}, 200),
    ("backoffice:case_retry", {}, 302),
]


def _sent_to_login(response: Any, persona: str) -> None:
    assert response.status_code == 302, persona
    assert response["Location"].startswith(url("backoffice:login")), persona


def test_every_agency_page_is_for_the_owning_agencys_staff_only(
    staff_personas: dict[str, Client], case: Submission
) -> None:
    for address in _agency_pages(case):
        for persona, client in staff_personas.items():
            response = client.get(address)
            if persona in OWNING:
                assert response.status_code == 200, (address, persona)
                assert "no-store" in response.get("Cache-Control", ""), (address, persona)
            elif persona in ("resident", "anonymous"):
                _sent_to_login(response, persona)
            else:
                assert response.status_code == 404, (address, persona)


@pytest.mark.parametrize(("name", "data", "owning_status"), ACTIONS)
def test_every_case_action_is_for_the_owning_agencys_staff_only(
    staff_personas: dict[str, Client],
    case: Submission,
    name: str,
    data: dict[str, str],
    owning_status: int,
) -> None:
    address = case_url(name, case)
    before = Submission.objects.get(pk=case.pk).status
    for persona in ("member of another agency", "platform superuser", "resident", "anonymous"):
        response = staff_personas[persona].post(address, data)
        if persona in ("resident", "anonymous"):
            _sent_to_login(response, persona)
        else:
            assert response.status_code == 404, persona
    assert Submission.objects.get(pk=case.pk).status == before
    for persona in OWNING:
        assert staff_personas[persona].post(address, data).status_code == owning_status, persona
        assert staff_personas[persona].get(address).status_code == 405, persona


def test_the_staff_front_page_and_login(staff_personas: dict[str, Client]) -> None:
    home, login = url("backoffice:home"), url("backoffice:login")
    for persona, client in staff_personas.items():
        response = client.get(home)
        if persona in (*OWNING, "member of another agency"):
            assert response.status_code == 302, persona
            assert response["Location"].endswith("/asiat/"), persona
        elif persona == "platform superuser":
            assert response.status_code == 200
        else:
            _sent_to_login(response, persona)
        assert client.get(login).status_code == 200, persona


def test_logging_out_ends_the_staff_session(staff_personas: dict[str, Client]) -> None:
    clerk = staff_personas["clerk"]
    response = clerk.post(url("backoffice:logout"))
    assert response.status_code == 302
    _sent_to_login(clerk.get(url("backoffice:home")), "clerk after logout")


def test_access_grants_are_for_service_managers_and_agency_administrators(
    staff_personas: dict[str, Client],
) -> None:
    address = url("backoffice:grants", OWNING_AGENCY)
    for persona, client in staff_personas.items():
        response = client.get(address)
        if persona in ("service manager", "agency administrator"):
            assert response.status_code == 200, persona
            assert "no-store" in response.get("Cache-Control", ""), persona
        elif persona in ("resident", "anonymous"):
            _sent_to_login(response, persona)
        else:  # a clerk of the same agency too
            assert response.status_code == 404, persona
        find = client.post(url("backoffice:grant_find", OWNING_AGENCY), {"identifier": "0737546-2"})
        expected = 200 if persona in ("service manager", "agency administrator") else None
        if expected:
            assert find.status_code == expected, persona
        elif persona in ("resident", "anonymous"):
            _sent_to_login(find, persona)
        else:
            assert find.status_code == 404, persona


def test_rosters_are_for_every_role_of_the_owning_agency(
    staff_personas: dict[str, Client], make_course: Any
) -> None:
    from asiointi.catalogue.models import Agency

    course = make_course(code="rooster", agency=Agency.objects.get(slug=OWNING_AGENCY))
    pages = [
        url("backoffice:courses", OWNING_AGENCY),
        url("backoffice:roster", OWNING_AGENCY, course.code),
        url("backoffice:roster_csv", OWNING_AGENCY, course.code),
    ]
    for address in pages:
        for persona, client in staff_personas.items():
            response = client.get(address)
            if persona in OWNING:
                assert response.status_code == 200, (address, persona)
            elif persona in ("resident", "anonymous"):
                _sent_to_login(response, persona)
            else:
                assert response.status_code == 404, (address, persona)
