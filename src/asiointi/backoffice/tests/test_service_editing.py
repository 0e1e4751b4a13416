"""A service manager edits the agency's service pages in fi, sv and en: the public page shows the
change at once, a missing Finnish name is refused with everything typed kept, missing Swedish or
English texts are warned of, a stale save is refused, and every save is audit-logged by field."""

import pytest
from django.test import Client

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.content_support import service_post
from asiointi.backoffice.tests.support import OTHER_AGENCY, staff_client, url
from asiointi.catalogue.models import Service
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
Role = AgencyMembership.Role


@pytest.fixture
def service(demo_catalogue: dict[str, int]) -> Service:
    return Service.objects.select_related("agency").filter(published=True).order_by("slug")[0]


@pytest.fixture
def manager(service: Service) -> Client:
    return staff_client("manager", agency_slug=service.agency.slug, role=Role.SERVICE_MANAGER)


def edit_url(service: Service) -> str:
    return url("backoffice:service_edit", service.agency.slug, service.slug)


def test_the_services_page_lists_the_agencys_services_with_links(
    manager: Client, service: Service
) -> None:
    page = manager.get(url("backoffice:services", service.agency.slug)).content.decode()
    assert edit_url(service) in page
    assert service.get_absolute_url() in page
    assert "Palvelut" in page


def test_a_saved_swedish_description_shows_at_once_on_the_cached_public_page(
    manager: Client, service: Service
) -> None:
    public = url("catalogue:service_detail", service.slug, language="sv")
    assert "Ny beskrivning" not in Client().get(public).content.decode()  # now cached
    response = manager.post(
        edit_url(service), service_post(service, description_sv="Ny beskrivning")
    )
    assert response.status_code == 303
    assert "Ny beskrivning" in Client().get(public).content.decode()
    event = AuditEvent.objects.get(action=AuditEvent.Action.CONTENT_CHANGED)
    assert event.target == f"service:{service.pk}"
    assert event.details["fields"] == ["description_sv"]
    assert "Ny beskrivning" not in str(event.details)


def test_without_a_finnish_name_nothing_is_saved_and_the_typed_text_stays(
    manager: Client, service: Service
) -> None:
    data = service_post(service, name_fi="", summary_sv="Sammandrag som skrevs")
    response = manager.post(edit_url(service), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tarkista seuraavat" in page and "Sammandrag som skrevs" in page
    service.refresh_from_db()
    assert service.name_fi and service.summary_sv != "Sammandrag som skrevs"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CONTENT_CHANGED).exists()


def test_missing_swedish_and_english_texts_are_warned_of_but_saved(
    manager: Client, service: Service
) -> None:
    response = manager.post(
        edit_url(service), service_post(service, summary_sv="", description_en="")
    )
    assert response.status_code == 303
    page = manager.get(edit_url(service)).content.decode()
    assert "Muutokset tallennettiin." in page
    assert "Ei vielä kirjoitettu ruotsiksi: Yhteenveto." in page
    assert "Ei vielä kirjoitettu englanniksi: Kuvaus." in page


def test_a_save_of_a_page_changed_meanwhile_is_refused_and_keeps_what_was_typed(
    manager: Client, service: Service
) -> None:
    seen = service_post(service)
    other = staff_client("other", agency_slug=service.agency.slug, role=Role.AGENCY_ADMIN)
    first = other.post(edit_url(service), {**seen, "summary_fi": "Ensimmäisen teksti"})
    assert first.status_code == 303
    second = manager.post(edit_url(service), {**seen, "summary_fi": "Toisen teksti"})
    page = second.content.decode()
    assert second.status_code == 409
    assert "Toisen teksti" in page and "Ensimmäisen teksti" in page
    service.refresh_from_db()
    assert service.summary_fi == "Ensimmäisen teksti"
    # Saving again after seeing the current text is deliberate, and goes through.
    seen_now = page.split('name="seen" value="')[1].split('"')[0]
    again = manager.post(
        edit_url(service), {**seen, "summary_fi": "Toisen teksti", "seen": seen_now}
    )
    assert again.status_code == 303


def test_clerks_and_other_agencies_managers_get_404(service: Service) -> None:
    clerk = staff_client("clerk", agency_slug=service.agency.slug, role=Role.CLERK)
    stranger = staff_client("stranger", agency_slug=OTHER_AGENCY, role=Role.SERVICE_MANAGER)
    assert service.agency.slug != OTHER_AGENCY
    for client in (clerk, stranger):
        assert client.get(edit_url(service)).status_code == 404
        assert client.get(url("backoffice:services", service.agency.slug)).status_code == 404
    assert Client().get(edit_url(service)).status_code == 302
