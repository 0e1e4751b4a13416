"""Fixtures for checks that go across the portal's pages: the catalogue's Chromium and pages,
the forms' demo and logged-in resident, and the courses' course maker."""

from asiointi.catalogue.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    open_page,
    site,
)
from asiointi.courses.tests.conftest import make_course, service  # noqa: F401
from asiointi.submissions.tests.browser.conftest import portal, resident_page  # noqa: F401
from asiointi.submissions.tests.conftest import tessa  # noqa: F401
