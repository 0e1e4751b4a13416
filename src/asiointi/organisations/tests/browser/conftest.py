import pytest
from django.conf import LazySettings
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.support import Site
from asiointi.identity.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check,
    check_page,
    open_page,
    portal,
    site,
)


@pytest.fixture
def organisations_portal(
    portal: Site,  # noqa: F811
    live_server: LiveServer,
    settings: LazySettings,
) -> Site:
    """The live portal, choosing organisations at its built-in e-Authorizations service."""
    settings.VALTUUDET_URL = f"{live_server.url}/devidp/valtuudet"
    return portal
