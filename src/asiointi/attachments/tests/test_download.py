"""Only the owning customer downloads an attachment; everyone else gets 404 or the login page."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.selectors import attachments_of_customer
from asiointi.attachments.services import attachment_accept
from asiointi.attachments.tests.conftest import PDF
from asiointi.customers.acting import SESSION_ACTING_ORGANISATION, Acting
from asiointi.customers.services import customer_for_organisation
from asiointi.organisations.models import Organisation
from asiointi.organisations.selectors import Rights, rights_remember
from asiointi.privacy.models import AuditEvent
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db


def upload(acting: Acting, name: str = "päätös ja liite.pdf") -> Attachment:
    return attachment_accept(
        upload=SimpleUploadedFile(name, PDF),
        limits=AttachmentLimits(),
        customer=acting.customer,
        person=acting.person,
    )


def test_the_owner_downloads_the_file_as_a_download_that_is_not_kept(
    personas: Personas, clamd: str
) -> None:
    resident = personas.resident_acting()
    client = personas.resident
    attachment = upload(resident)

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''p%C3%A4%C3%A4t%C3%B6s%20ja%20liite.pdf" in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    # Her own file: not the access the audit log exists for (docs/architecture.md, Audit log).
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.PERSONAL_DATA_READ).exists()


def test_another_customer_gets_404(personas: Personas, clamd: str) -> None:
    stranger = personas.unrelated_acting()
    client = personas.resident
    theirs = upload(stranger)
    assert client.get(theirs.get_absolute_url()).status_code == 404


def test_an_unknown_id_gets_404(personas: Personas) -> None:
    client = personas.resident
    url = reverse("attachments:download", kwargs={"pk": uuid.uuid4()})
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_log_in_and_gets_no_file(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    attachment = upload(resident)
    response = personas.anonymous.get(attachment.get_absolute_url())
    assert response.status_code == 302
    assert "/login" in response["Location"] or "kirjaudu" in response["Location"]


def test_a_file_of_the_organisation_is_not_the_persons_own_and_its_reading_is_audited(
    personas: Personas, clamd: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    resident = personas.resident_acting()
    client = personas.resident
    organisation = Organisation.objects.create(
        business_id="0112038-9", name="Testi Oy", registered_at=timezone.now()
    )
    company = Acting(
        person=resident.person,
        customer=customer_for_organisation(organisation),
        organisation=organisation,
    )
    company_file = upload(company)
    # As herself, Tessa does not see the company's files.
    assert client.get(company_file.get_absolute_url()).status_code == 404

    # Tessa holds a mandate for the company (checked again at every request).
    rights_remember(person=resident.person, organisation=organisation, rights=Rights(roles=("TJ",)))
    session = client.session
    session[SESSION_ACTING_ORGANISATION] = organisation.pk
    session.save()
    assert client.get(company_file.get_absolute_url()).status_code == 200
    # The company's file read by one of the people acting for it is audited.
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        user=resident.person,
        target=f"attachment:{company_file.pk}",
    ).exists()


def test_the_customers_files_are_listed_as_download_links(personas: Personas, clamd: str) -> None:
    resident = personas.resident_acting()
    stranger = personas.unrelated_acting()
    first, second = upload(resident, "a.pdf"), upload(resident, "b.pdf")
    upload(stranger, "theirs.pdf")
    files = attachments_of_customer(acting=resident)
    assert files == [second, first]

    html = render_to_string("attachments/_attachment_links.html", {"attachments": files})
    assert f'<a href="{first.get_absolute_url()}" download>a.pdf</a> (PDF, ' in html
    assert "theirs.pdf" not in html
