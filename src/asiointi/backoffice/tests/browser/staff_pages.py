"""What the back office's browser tests share: logging in at the staff login, and a course open
for enrollment."""

from datetime import datetime, time
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from asiointi.backoffice.tests.fixtures import totp_code
from asiointi.backoffice.tests.support import PASSWORD, staff_member, url
from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import CheckPage, Site, follow
from asiointi.courses.models import Course, CourseSession


def staff_log_in(
    page: Page,
    site: Site,
    username: str,
    code: str,
    *,
    password: str = PASSWORD,
    check_page: CheckPage | None = None,
) -> None:
    """Log in at the staff login with the password and an authenticator code."""
    page.goto(site.base_url + url("backoffice:login"))
    if check_page is not None:
        check_page(page, "staff login")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(password)
    page.get_by_label("Koodi todennussovelluksesta tai varakoodi").fill(code)
    follow(page, page.get_by_role("button", name="Kirjaudu", exact=True))


def staff_logs_in(page: Page, site: Site, username: str, role: str, agency: str) -> None:
    """A new member of the agency's staff logs in; their inbox opens."""
    _user, device = staff_member(username, agency, role=role)
    staff_log_in(page, site, username, totp_code(device))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Asiat:")


def course_open(service: Service, **fields: Any) -> Course:
    """A course of the service taking enrollments now, with one session in 40 days."""
    now = timezone.now()
    course = Course.objects.create(
        service=service,
        agency=service.agency,
        term="kevät 2027",
        place_fi="Työväenopisto",
        opens_at=now - timezone.timedelta(hours=1),
        closes_at=now + timezone.timedelta(days=30),
        cancellation_deadline=now + timezone.timedelta(days=20),
        **fields,
    )
    # At 17.00 local time: the session typed back in the course's editor must not pass midnight.
    day = timezone.localdate(now) + timezone.timedelta(days=40)
    start = timezone.make_aware(datetime.combine(day, time(17, 0)))
    CourseSession.objects.create(
        course=course, starts_at=start, ends_at=start + timezone.timedelta(minutes=90)
    )
    return course
