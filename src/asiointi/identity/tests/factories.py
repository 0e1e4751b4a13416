from django.test import Client, RequestFactory

from asiointi.identity.models import User
from asiointi.identity.providers.base import LOA_SUBSTANTIAL, Identification
from asiointi.identity.services import person_login


def identification(**fields: str) -> Identification:
    values = {
        "identity_code": "010280-952L",
        "first_names": "Tessa",
        "last_name": "Testilä",
        "loa": LOA_SUBSTANTIAL,
        "method": "bank",
        "provider": "oidc",
        "provider_session_id": "idp-session-1",
        "provider_subject": "subject-1",
    }
    values.update(fields)
    return Identification(**values)  # type: ignore[arg-type]


def logged_in_client(client: Client, **fields: str) -> User:
    """Log a resident in through the real login service, with the client's own session."""
    request = RequestFactory().get("/")
    from importlib import import_module

    from django.conf import settings

    engine = import_module(settings.SESSION_ENGINE)
    request.session = engine.SessionStore()
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    person = person_login(request=request, identification=identification(**fields))
    client.cookies[settings.SESSION_COOKIE_NAME] = request.session.session_key or ""
    return person
