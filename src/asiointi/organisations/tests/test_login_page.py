"""The login page offers logging in on behalf of a company or association."""

import pytest
from django.conf import LazySettings
from django.test import Client

from asiointi.organisations.tests.support import path

WORDING = {
    "fi": "Kirjaudu yrityksen tai yhdistyksen puolesta",
    "sv": "Logga in för ett företag eller en förening",
    "en": "Log in on behalf of a company or association",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_login_page_offers_the_organisation_path_in_each_language(
    client: Client, language: str
) -> None:
    page = client.get(path("identity:login", language)).content.decode()
    assert WORDING[language] in page
    # After identifying, on to the e-Authorizations selection page, then to the folder.
    start = path("organisations:start", language)
    folder = path("folder:index", language).replace("/", "%2F")
    assert f'value="{start}?next={folder}"' in page


@pytest.mark.django_db
def test_without_e_authorizations_the_organisation_path_is_not_offered(
    client: Client, settings: LazySettings
) -> None:
    settings.VALTUUDET_URL = ""
    page = client.get(path("identity:login")).content.decode()
    assert WORDING["fi"] not in page
    assert client.get(path("organisations:start")).status_code in (302, 404)
