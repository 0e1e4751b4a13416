"""The demo city's rental home application (vuokra-asuntohakemus), through the real pages: the
residence permit decides eligibility, everyone moving in is listed, and the resident attaches the
documents the application asks for."""

from collections.abc import Mapping

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import Submission
from asiointi.submissions.tests.support import answer, start, url

pytestmark = pytest.mark.usefixtures("demo_forms")
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
APPLICANT = {
    "address-street": "Mannerheimintie 1 A 2",
    "address-postal_code": "00100",
    "address-post_office": "Helsinki",
    "email": "tessa@example.fi",
    "phone": "040 123 4567",
}
# A child moving in with the applicant.
MEMBERS = {
    "members-count": "1",
    "members-0-member_name-given": "Aino",
    "members-0-member_name-family": "Testilä",
    "members-0-member_birth_date-day": "3",
    "members-0-member_birth_date-month": "2",
    "members-0-member_birth_date-year": "2019",
    "members-0-member_relation": "child",
}
HOUSING = {"housing_type": "sublet", "housing_size": "24", "housing_need": "Asunto on liian pieni."}
WISHES = {
    "rooms": ["2", "3"],
    "accessible": "no",
    "move_from-day": "1",
    "move_from-month": "1",
    "move_from-year": "2099",
}


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def go(client: Client, draft: object, page: str, data: Mapping[str, object]) -> str:
    response = answer(client, draft, page, dict(data))  # type: ignore[arg-type]
    assert response.status_code == 302, response.content.decode()[:3000]
    return str(response.headers["Location"])


def test_siirry_palveluun_opens_the_rental_home_application(tessa_client: Client) -> None:
    response = tessa_client.get(url("catalogue:service_start", "vuokra-asuntohakemus"))
    assert response.headers["Location"] == url("eforms:start", "vuokra-asuntohakemus")


def test_without_a_long_enough_residence_permit_the_person_is_told_so(
    tessa_client: Client,
) -> None:
    draft = start(tessa_client, "vuokra-asuntohakemus")
    go(tessa_client, draft, "applicant", APPLICANT)
    go(tessa_client, draft, "nationality", {"citizenship": "other"})
    where = go(tessa_client, draft, "permit", {"permit_year": "no"})
    assert where == url("submissions:draft_exit", draft.pk)
    page = tessa_client.get(where).content.decode()
    assert "vähintään vuoden voimassa oleva oleskelulupa" in page


def test_an_application_with_a_household_and_documents_is_sent(
    tessa_client: Client, django_capture_on_commit_callbacks: object
) -> None:
    draft = start(tessa_client, "vuokra-asuntohakemus")
    go(tessa_client, draft, "applicant", APPLICANT)
    go(tessa_client, draft, "nationality", {"citizenship": "other"})
    go(tessa_client, draft, "permit", {"permit_year": "yes"})
    go(tessa_client, draft, "permit_copy", {"permit_document": pdf("oleskelulupa.pdf")})
    go(tessa_client, draft, "household", {"others_moving": "yes"})
    go(tessa_client, draft, "members", MEMBERS)
    go(tessa_client, draft, "housing", HOUSING)
    go(tessa_client, draft, "income", {"income_month": "2450,50", "wealth": "0"})
    go(tessa_client, draft, "wishes", WISHES)
    go(
        tessa_client,
        draft,
        "documents",
        {"supporting_documents": [pdf("irtisanomisilmoitus.pdf"), pdf("lausunto.pdf")]},
    )
    assert go(tessa_client, draft, "confirm", {"declaration": "yes"}) == url(
        "submissions:draft_check", draft.pk
    )
    check = tessa_client.get(url("submissions:draft_check", draft.pk)).content.decode()
    assert "irtisanomisilmoitus.pdf" in check and "oleskelulupa.pdf" in check
    sent = tessa_client.post(url("submissions:draft_check", draft.pk))
    assert sent.status_code == 302
    answers = content_decrypt(Submission.objects.get().content_encrypted)
    assert answers["members"][0]["member_relation"] == "child"
    assert [f["name"] for f in answers["supporting_documents"]] == [
        "irtisanomisilmoitus.pdf",
        "lausunto.pdf",
    ]
    assert len(answers["permit_document"]) == 1
