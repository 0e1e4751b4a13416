"""Notification preferences: how and in which language the customer is told."""

import pytest
from django.urls import reverse
from django.utils import timezone

from asiointi.folder.models import NotificationPreference
from asiointi.tests.personas import Personas

pytestmark = pytest.mark.django_db


def test_a_resident_with_confirmed_contacts_chooses_both_channels_and_swedish(
    personas: Personas,
) -> None:
    person = personas.resident_person
    person.email, person.email_verified_at = "tessa@example.fi", timezone.now()
    person.mobile_number, person.mobile_verified_at = "+358401234567", timezone.now()
    person.save()
    url = reverse("folder:preferences")
    response = personas.resident.post(url, {"channel": "both", "language": "sv"}, follow=True)
    assert "Ilmoitusasetuksesi on tallennettu." in response.content.decode()
    preference = NotificationPreference.objects.get(customer=personas.resident_customer)
    assert (preference.channel, preference.language) == ("both", "sv")
    assert 'value="both" checked' in personas.resident.get(url).content.decode()


def test_text_messages_need_a_confirmed_mobile_number_and_the_choice_is_kept(
    personas: Personas,
) -> None:
    page = personas.resident.post(
        reverse("folder:preferences"), {"channel": "sms", "language": "en"}
    ).content.decode()
    assert "Vahvistettua matkapuhelinnumeroa ei ole." in page
    assert 'value="en" checked' in page
    assert not NotificationPreference.objects.exists()


def test_nothing_chosen_asks_for_both_answers(personas: Personas) -> None:
    page = personas.resident.post(reverse("folder:preferences"), {}).content.decode()
    assert "Valitse, miten haluat tiedon." in page
    assert "Valitse ilmoitusten kieli." in page


def test_the_page_links_to_changing_contact_details(personas: Personas) -> None:
    page = personas.resident.get(reverse("folder:preferences")).content.decode()
    assert reverse("registration:contact_details") in page


def test_an_organisations_preferences_are_its_own_and_name_the_person_who_chose(
    personas: Personas,
) -> None:
    company = personas.company
    company.email, company.email_verified_at = "toimisto@testiyhtio.fi", timezone.now()
    company.save()
    page = personas.company_actor.get(reverse("folder:preferences")).content.decode()
    assert "toimisto@testiyhtio.fi" in page
    assert reverse("organisations:register") in page
    personas.company_actor.post(
        reverse("folder:preferences"), {"channel": "email", "language": "fi"}
    )
    preference = NotificationPreference.objects.get()
    assert preference.customer == personas.company_customer
    assert preference.changed_by == personas.company_person


def test_an_organisation_without_a_confirmed_mobile_number_cannot_choose_text_messages(
    personas: Personas,
) -> None:
    person = personas.company_person
    person.mobile_number, person.mobile_verified_at = "+358401234567", timezone.now()
    person.save()  # the person's own number is not the organisation's
    page = personas.company_actor.post(
        reverse("folder:preferences"), {"channel": "sms", "language": "fi"}
    ).content.decode()
    assert "Vahvistettua matkapuhelinnumeroa ei ole." in page
