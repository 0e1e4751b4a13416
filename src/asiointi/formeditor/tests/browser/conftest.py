from asiointi.submissions.tests.browser.conftest import (  # noqa: F401
    _pages_without_javascript,
    accessibility,
    check_page,
    log_in,
    open_page,
    portal,
    site,
    tessa,
)
