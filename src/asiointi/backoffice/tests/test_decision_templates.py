"""The agency's decision templates, kept by its service managers and administrators."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from asiointi.backoffice.models import AgencyMembership, DecisionTemplate
from asiointi.backoffice.tests.support import OTHER_AGENCY, OWNING_AGENCY, staff_client, url
from asiointi.catalogue.models import Agency, Service
from asiointi.tests.test_pdf import poppler

pytestmark = pytest.mark.usefixtures("demo_forms")
Role = AgencyMembership.Role
BODY = "Hyvä {customer_name}, asianne {reference} ({service}) on ratkaistu {decision_date}."


def fields(**changes: Any) -> dict[str, Any]:
    return {
        "name": "Myönteinen päätös",
        "service": "",
        "body_fi": BODY,
        "body_sv": "Bästa {customer_name}, ärendet {reference} är avgjort.",
        "body_en": "",
        "appeal_fi": "Oikaisuvaatimus 14 päivän kuluessa.",
        "appeal_sv": "",
        "appeal_en": "",
        **changes,
    }


@pytest.fixture
def manager() -> Client:
    return staff_client("maija", role=Role.SERVICE_MANAGER)


def template_of(agency_slug: str, **changes: Any) -> DecisionTemplate:
    data = {k: v for k, v in fields(**changes).items() if k != "service"}
    return DecisionTemplate.objects.create(agency=Agency.objects.get(slug=agency_slug), **data)


def test_a_manager_adds_a_template_and_sees_it_listed_with_its_missing_language(
    manager: Client,
) -> None:
    response = manager.post(url("backoffice:decision_template_add", OWNING_AGENCY), fields())
    assert response.status_code == 303
    template = DecisionTemplate.objects.get()
    assert (template.body_fi, template.active) == (BODY, True)
    assert template.created_by is not None and template.updated_by == template.created_by
    page = manager.get(url("backoffice:decision_templates", OWNING_AGENCY)).content.decode()
    assert "Myönteinen päätös" in page and "Puuttuu: englanti" in page
    assert "Päätöspohjat" in page  # in the menu


def test_an_unknown_placeholder_is_refused_in_the_managers_language(manager: Client) -> None:
    typed = fields(body_fi="Hej {kundens_namn}, beslut {reference}.")
    response = manager.post(
        url("backoffice:decision_template_add", OWNING_AGENCY, language="sv"), typed
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Okänd platshållare {kundens_namn}" in page
    assert "Hej {kundens_namn}, beslut {reference}." in page  # nothing typed is lost
    assert not DecisionTemplate.objects.exists()


def test_a_service_of_another_agency_cannot_be_chosen(manager: Client) -> None:
    elsewhere = Service.objects.exclude(agency__slug=OWNING_AGENCY).first()
    assert elsewhere is not None
    response = manager.post(
        url("backoffice:decision_template_add", OWNING_AGENCY), fields(service=elsewhere.pk)
    )
    assert response.status_code == 400
    assert not DecisionTemplate.objects.exists()


def test_editing_and_taking_out_of_use_and_back(manager: Client) -> None:
    template = template_of(OWNING_AGENCY)
    edit = url("backoffice:decision_template_edit", OWNING_AGENCY, template.pk)
    assert "Myönteinen päätös" in manager.get(edit).content.decode()
    response = manager.post(edit, fields(name="Kielteinen päätös"))
    assert response.status_code == 303
    template.refresh_from_db()
    assert template.name == "Kielteinen päätös"
    active = url("backoffice:decision_template_active", OWNING_AGENCY, template.pk)
    assert manager.post(active, {"active": "0"}).status_code == 303
    template.refresh_from_db()
    assert not template.active
    manager.post(active, {"active": "1"})
    template.refresh_from_db()
    assert template.active


def test_clerks_and_other_agencies_get_404(manager: Client) -> None:
    ours = template_of(OWNING_AGENCY)
    theirs = template_of(OTHER_AGENCY)
    clerk = staff_client("kaisa")
    assert clerk.get(url("backoffice:decision_templates", OWNING_AGENCY)).status_code == 404
    assert (
        clerk.get(url("backoffice:decision_template_edit", OWNING_AGENCY, ours.pk)).status_code
        == 404
    )
    # Another agency's template under one's own agency's address is not found either.
    for name in ("backoffice:decision_template_edit", "backoffice:decision_template_active"):
        assert manager.post(url(name, OWNING_AGENCY, theirs.pk), fields()).status_code == 404
    theirs.refresh_from_db()
    assert theirs.active and theirs.name == "Myönteinen päätös"


def test_the_preview_is_a_pdf_filled_with_example_values(manager: Client, tmp_path: Path) -> None:
    response = manager.post(
        url("backoffice:decision_template_preview", OWNING_AGENCY), {**fields(), "language": "sv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = poppler("pdftotext", response.content, tmp_path)
    assert "Bästa Maija Meikäläinen, ärendet HEL-2027-000123 är avgjort." in text
    assert "Beslut" in text and "Exempeltjänst" in text
    # No appeal instructions in Swedish: the Finnish ones stand in.
    assert "Oikaisuvaatimus 14 päivän kuluessa." in text
    assert not DecisionTemplate.objects.exists()


def test_a_preview_with_an_unknown_placeholder_shows_the_form_again(manager: Client) -> None:
    response = manager.post(
        url("backoffice:decision_template_preview", OWNING_AGENCY),
        {**fields(appeal_fi="{maaraaika}"), "language": "fi"},
    )
    assert response.status_code == 400
    assert "Tuntematon paikkamerkki {maaraaika}" in response.content.decode()
