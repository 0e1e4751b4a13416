"""A clerk decides a case from the agency's decision template: filled in for the case in the
customer's language, with the clerk's reasoning, as a PDF in the customer's folder."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from asiointi.backoffice import services
from asiointi.backoffice.models import DecisionTemplate
from asiointi.backoffice.tests.support import OTHER_AGENCY, case_url
from asiointi.backoffice.tests.support import url as address
from asiointi.catalogue.models import Agency
from asiointi.folder.models import FolderItem, Message, NotificationPreference
from asiointi.identity.models import User
from asiointi.submissions.models import Submission
from asiointi.tests.test_pdf import poppler

pytestmark = pytest.mark.usefixtures("demo_forms")

TEXTS = {
    "body_fi": "{customer_name} saa pysäköintitunnuksen. Asia {reference}, {service}, "
    "lähetetty {sent_date}, päätetty {decision_date}. {clerk_name}, {clerk_title}.",
    "body_sv": "{customer_name} får parkeringstillstånd. Ärende {reference}, {service}.",
    "appeal_fi": "Oikaisuvaatimus on tehtävä 14 päivän kuluessa {decision_date} jälkeen.",
    "appeal_sv": "Begäran om omprövning ska göras inom 14 dagar.",
}


def make_template(case: Submission, **changes: Any) -> DecisionTemplate:
    fields: dict[str, Any] = {
        "agency": case.service.agency,
        "service": case.service,
        "name": "Myönteinen",
        **TEXTS,
        **changes,
    }
    return DecisionTemplate.objects.create(**fields)


def decide(clerk: Client, case: Submission, template: DecisionTemplate, body: str = "") -> Any:
    data = {"kind": "decision", "template": template.pk, "body": body, "form_key": "k1"}
    return clerk.post(case_url("backoffice:case_message", case), data)


def folder_pdf(resident: Client) -> bytes:
    decision = FolderItem.objects.get(kind="decision")
    response = resident.get(address("folder:message_document", int(decision.key)))
    assert response.status_code == 200
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_a_decision_from_a_template_is_filled_for_the_case_and_opens_in_the_folder(
    case: Submission, clerk: Client, tessa_client: Client, tmp_path: Path
) -> None:
    template = make_template(case)
    assert template.name in clerk.get(case_url("backoffice:case", case)).content.decode()
    response = decide(clerk, case, template, body="Ajoneuvo on hakijan hallinnassa.")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "decided"
    text = " ".join(poppler("pdftotext", folder_pdf(tessa_client), tmp_path).split())
    today = date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    sent = date_format(timezone.localdate(case.sent_at), "SHORT_DATE_FORMAT")
    with override("fi"):
        service = str(case.service.name)
    assert (
        f"Tessa Testilä saa pysäköintitunnuksen. Asia {case.reference}, {service}, "
        f"lähetetty {sent}, päätetty {today}. Kaisa Virkailija, Käsittelijä." in text
    )
    assert "Perustelut Ajoneuvo on hakijan hallinnassa." in text
    assert f"Oikaisuvaatimus on tehtävä 14 päivän kuluessa {today} jälkeen." in text
    with override("fi"):
        assert str(case.service.agency.name) in text  # the letterhead
    message = Message.objects.get(is_decision=True)
    assert message.body.startswith("Tessa Testilä saa pysäköintitunnuksen.")
    assert message.body.endswith("Ajoneuvo on hakijan hallinnassa.")


def test_the_decision_is_in_the_language_the_customer_chose(
    case: Submission, clerk: Client, tessa_client: Client, tmp_path: Path
) -> None:
    assert case.customer is not None
    NotificationPreference.objects.create(customer=case.customer, channel="email", language="sv")
    decide(clerk, case, make_template(case))
    text = " ".join(poppler("pdftotext", folder_pdf(tessa_client), tmp_path).split())
    assert f"Tessa Testilä får parkeringstillstånd. Ärende {case.reference}" in text
    assert "Begäran om omprövning ska göras inom 14 dagar." in text
    assert "Handläggare" in text  # the clerk's title in Swedish


def test_a_template_of_another_agency_or_out_of_use_is_refused(
    case: Submission, clerk: Client
) -> None:
    theirs = make_template(case, agency=Agency.objects.get(slug=OTHER_AGENCY), service=None)
    unused = make_template(case, active=False)
    for template in (theirs, unused):
        response = decide(clerk, case, template)
        assert response.status_code == 400
    assert not Message.objects.exists()
    case.refresh_from_db()
    assert case.status != "decided"
    with pytest.raises(services.CaseRefused):
        services.case_message_send(
            submission=case,
            body="",
            by=User.objects.get(username="kaisa"),
            decision=True,
            template=theirs,
        )
    assert not Message.objects.exists()


def test_a_template_for_another_service_is_not_offered(case: Submission, clerk: Client) -> None:
    other = case.service.agency.services.exclude(pk=case.service.pk).first()
    assert other is not None
    template = make_template(case, service=other, name="Toisen palvelun pohja")
    assert template.name not in clerk.get(case_url("backoffice:case", case)).content.decode()
    assert decide(clerk, case, template).status_code == 400


def test_the_preview_is_the_pdf_to_be_sent_and_sends_nothing(
    case: Submission, clerk: Client, tmp_path: Path
) -> None:
    template = make_template(case)
    data = {"kind": "decision", "template": template.pk, "body": "Perustelu.", "form_key": "p"}
    response = clerk.post(case_url("backoffice:case_decision_preview", case), data)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = poppler("pdftotext", response.content, tmp_path)
    assert "Tessa Testilä saa pysäköintitunnuksen." in text and "Perustelu." in text
    assert not Message.objects.exists()
    case.refresh_from_db()
    assert case.status != "decided"
    message = {"kind": "message", "body": "Hei.", "form_key": "p"}
    response = clerk.post(case_url("backoffice:case_decision_preview", case), message)
    assert response.status_code == 400


def test_a_template_and_an_uploaded_pdf_together_are_refused(
    case: Submission, clerk: Client
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("paatos.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    data = {"kind": "decision", "template": make_template(case).pk, "document": pdf, "body": ""}
    response = clerk.post(case_url("backoffice:case_message", case), data)
    assert response.status_code == 400
    assert "ei molempia" in response.content.decode()


def test_the_same_form_sent_twice_sends_once(case: Submission, clerk: Client) -> None:
    template = make_template(case)
    assert decide(clerk, case, template).status_code == 302
    again = decide(clerk, case, template)
    assert again.status_code == 302
    assert Message.objects.filter(is_decision=True).count() == 1
    page = clerk.get(again["Location"]).content.decode()
    assert "Tämä lomake oli jo lähetetty" in page
