"""The whole journey's fixtures: the catalogue's Chromium and `check_page`, the demo catalogue and
forms, the built-in identity provider over the live server's HTTP, the outbox the codes go to,
the test clamd that scans attachments, and a course open for enrollment."""

import pytest
from django.conf import LazySettings
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    open_page,
    site,
)
from asiointi.catalogue.tests.browser.support import Site
from asiointi.courses.models import Course
from asiointi.courses.tests.conftest import MakeCourse, make_course, service  # noqa: F401
from asiointi.devidp.models import SigningKey
from asiointi.devidp.tests.conftest import _provider_jwk, provider_key  # noqa: F401
from asiointi.notify.tests.fixtures import dev_outbox  # noqa: F401
from asiointi.submissions.tests.browser.conftest import portal as forms  # noqa: F401


@pytest.fixture
def portal(
    forms: Site,  # noqa: F811
    live_server: LiveServer,
    settings: LazySettings,
    provider_key: SigningKey,  # noqa: F811
    dev_outbox: None,  # noqa: F811
    clamd: str,
) -> Site:
    """The live portal with the demo catalogue and forms, identifying through its built-in
    provider, codes in the outbox, attachments scanned (clamd with the local EICAR signature)."""
    settings.OIDC_ISSUER = f"{live_server.url}/devidp"
    return forms


@pytest.fixture
def course(make_course: MakeCourse) -> Course:  # noqa: F811
    """A course open for enrollment, with places left."""
    return make_course(capacity=5, waiting_capacity=2)
