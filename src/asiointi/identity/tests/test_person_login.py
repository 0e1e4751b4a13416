import pytest
from django.test import Client, RequestFactory

from asiointi.identity.models import LoginSession, User
from asiointi.identity.tests.factories import identification, logged_in_client
from asiointi.privacy.identity_codes import identity_code_digest
from asiointi.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_same_identity_code_is_the_same_person_by_any_method(client: Client) -> None:
    first = logged_in_client(client, method="bank")
    second = logged_in_client(Client(), method="card", last_name="Testilä-Uusi")
    assert first.pk == second.pk
    assert User.objects.get(pk=first.pk).last_name == "Testilä-Uusi"


def test_the_identity_code_is_stored_only_encrypted_and_hashed(client: Client) -> None:
    person = logged_in_client(client)
    assert person.identity_code_digest == identity_code_digest("010280-952L")
    assert "010280" not in person.identity_code_encrypted
    assert "952L" not in person.username
    assert person.identity_code_masked == "010280-****"


def test_century_signs_make_different_people(client: Client) -> None:
    born_1994 = logged_in_client(client, identity_code="010594Y9032")
    born_1894 = logged_in_client(Client(), identity_code="010594+9032")
    assert born_1994.pk != born_1894.pk


def test_login_is_audited_and_tied_to_the_provider_session(client: Client) -> None:
    person = logged_in_client(client)
    event = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN)
    assert event.user == person
    assert event.details == {"loa": "substantial", "method": "bank"}
    assert LoginSession.objects.get(user=person).provider_session_id == "idp-session-1"


def test_login_gives_a_new_session_id(client: Client) -> None:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser

    from asiointi.identity.services import person_login

    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    request.session["planted"] = "by an attacker"
    request.session.save()
    planted_key = request.session.session_key
    request.user = AnonymousUser()
    person_login(request=request, identification=identification())
    assert request.session.session_key != planted_key
