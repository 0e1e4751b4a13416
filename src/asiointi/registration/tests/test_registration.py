import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from asiointi.identity.models import User
from asiointi.identity.tests.factories import logged_in_client
from asiointi.notify.selectors import outbox_latest
from asiointi.privacy.models import AuditEvent
from asiointi.registration.models import ContactVerification

pytestmark = pytest.mark.django_db
REGISTER = "/fi/yhteystiedot/"
CONFIRM = "/fi/yhteystiedot/vahvista/"

Capture = Callable[..., Any]


def last_code() -> str:
    match = re.search(r"\b(\d{6})\b", str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    return match.group(1)


def register_email(client: Client, capture: Capture, address: str = "tessa@example.fi") -> str:
    with capture(execute=True):
        response = client.post(REGISTER, {"email": address, "mobile": ""})
    assert response.status_code == 302, response.content.decode()
    return last_code()


def test_first_login_asks_to_register_before_continuing(client: Client) -> None:
    logged_in_client(client)
    html = client.get("/fi/kirjaudu/onnistui/").content.decode()
    assert f'href="{REGISTER}"' in html
    assert "Rekisteröidy asiointiin" in client.get(REGISTER).content.decode()


def test_mail_from_the_identity_provider_prefills_the_form(client: Client) -> None:
    logged_in_client(client, email="tessa@example.fi")
    assert 'value="tessa@example.fi"' in client.get(REGISTER).content.decode()


def test_a_confirmed_email_registers_the_person_and_returns_to_the_service(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    person = logged_in_client(client)
    session = client.session
    session["identity_next"] = "/fi/palvelut/asukaspysakointitunnus/"
    session.save()
    code = register_email(client, django_capture_on_commit_callbacks)
    response = client.post(CONFIRM, {"channel": "email", "email-code": code})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == "/fi/palvelut/asukaspysakointitunnus/"
    person.refresh_from_db()
    assert person.is_registered and person.email == "tessa@example.fi"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REGISTERED, user=person).exists()


def test_the_code_is_stored_only_as_a_hash(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    logged_in_client(client)
    code = register_email(client, django_capture_on_commit_callbacks)
    verification = ContactVerification.objects.get()
    assert code not in verification.code_hash and len(verification.code_hash) == 64


def test_a_mobile_number_is_confirmed_by_text_message(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    person = logged_in_client(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, {"email": "", "mobile": "040 123 4567"})
    message = outbox_latest(recipient="+358401234567")
    assert message is not None
    code = re.search(r"\b(\d{6})\b", message.body).group(1)  # type: ignore[union-attr]
    client.post(CONFIRM, {"channel": "sms", "sms-channel": "sms", "sms-code": code})
    person.refresh_from_db()
    assert person.mobile_number == "+358401234567" and person.is_registered


def test_wrong_codes_are_counted_and_stop_after_five(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    person = logged_in_client(client)
    code = register_email(client, django_capture_on_commit_callbacks)
    wrong = "000000" if code != "000000" else "111111"
    html = client.post(CONFIRM, {"channel": "email", "email-code": wrong}).content.decode()
    assert "Koodi ei ole oikein. Voit yrittää vielä 4 kertaa." in html
    assert "<title>Virhe:" in html
    for _ in range(4):
        client.post(CONFIRM, {"channel": "email", "email-code": wrong})
    html = client.post(CONFIRM, {"channel": "email", "email-code": code}).content.decode()
    assert "liian monta kertaa" in html
    person.refresh_from_db()
    assert not person.is_registered


def test_a_new_code_cannot_be_asked_at_once(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    logged_in_client(client)
    register_email(client, django_capture_on_commit_callbacks)
    html = client.post(CONFIRM, {"channel": "email", "resend": "1"}).content.decode()
    assert "alle minuutti sitten" in html
    assert len(mail.outbox) == 1


def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client: Client) -> None:
    logged_in_client(client)
    html = client.post(REGISTER, {"email": "tessa@", "mobile": "09 310 1234"}).content.decode()
    assert "Virhe:" in html
    assert 'value="tessa@"' in html and 'value="09 310 1234"' in html
    html = client.post(REGISTER, {"email": "", "mobile": ""}).content.decode()
    assert "Anna sähköpostiosoite tai matkapuhelinnumero tai molemmat." in html


def test_an_address_used_by_someone_else_is_accepted_without_a_hint(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    User.objects.create(username="other", email="tessa@example.fi")
    logged_in_client(client)
    register_email(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_contact_details_can_be_changed_later_with_a_code(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    person = logged_in_client(client)
    register_email(client, django_capture_on_commit_callbacks)
    client.post(CONFIRM, {"channel": "email", "email-code": last_code()})
    html = client.get(REGISTER).content.decode()
    assert "010280-****" in html and "010280-952L" not in html
    from django.core.cache import cache

    cache.delete(f"verify:cooldown:{person.pk}:email")  # the cooldown has a test of its own
    code = register_email(client, django_capture_on_commit_callbacks, "uusi@example.fi")
    person.refresh_from_db()
    assert person.email == "tessa@example.fi"  # not before the code is confirmed
    client.post(CONFIRM, {"channel": "email", "email-code": code})
    person.refresh_from_db()
    assert person.email == "uusi@example.fi"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CONTACT_CHANGED).exists()


def test_registration_needs_login(client: Client) -> None:
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/kirjaudu/")


def test_control_characters_in_contact_details_are_refused_and_the_rest_kept(
    client: Client,
) -> None:
    logged_in_client(client)
    html = client.post(
        REGISTER, {"email": "tessa\u202e@example.fi", "mobile": "040 123\x00 4567"}
    ).content.decode()
    assert "Poista tekstistä näkymätön ohjausmerkki (U+202E)" in html
    assert "(U+0000)" in html
    assert "Null characters are not allowed" not in html  # one message, not Django's own too
    assert not ContactVerification.objects.exists()


def test_neither_contact_field_is_marked_optional_as_one_of_them_is_needed(
    client: Client,
) -> None:
    logged_in_client(client)
    html = client.get(REGISTER).content.decode()
    assert "Sähköpostiosoite" in html
    assert "(vapaaehtoinen)" not in html
