from asiointi.catalogue.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    open_page,
    site,
)
