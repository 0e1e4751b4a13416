"""An auditor logs in with a TOTP code, finds a resident by identity code and filters the audit
log; every page state passes axe. (The page has no script: the unit tests use it without.)"""

import pytest
from playwright.sync_api import expect

from asiointi.backoffice.tests.browser.staff_pages import staff_log_in
from asiointi.backoffice.tests.fixtures import totp_code
from asiointi.backoffice.tests.support import auditor_member
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_auditor_finds_a_residents_events_by_identity_code(
    site: Site, open_page: OpenPage, check_page: CheckPage, tessa: User
) -> None:
    AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, user=tessa, target="oidc")
    AuditEvent.objects.create(action=AuditEvent.Action.LOGOUT, user=tessa, target="oidc")
    _user, device = auditor_member("aila")
    page = open_page()
    staff_log_in(page, site, "aila", totp_code(device))
    check_page(page, "auditor's staff home")

    follow(page, page.get_by_role("link", name="Hae lokitiedoista"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lokitiedot")
    check_page(page, "audit log, everyone")

    page.get_by_label("Henkilötunnus").fill("010280-9520")
    follow(page, page.get_by_role("button", name="Hae henkilö"))
    expect(page.locator(".error-summary")).to_contain_text("Tarkista henkilötunnus")
    expect(page.get_by_label("Henkilötunnus")).to_have_value("010280-9520")
    check_page(page, "audit log, a mistyped identity code")

    page.get_by_label("Henkilötunnus").fill("010280-952L")
    follow(page, page.get_by_role("button", name="Hae henkilö"))
    assert "952L" not in page.url.upper()
    expect(page.locator("main")).to_contain_text("Henkilön Tessa Testilä tapahtumat")
    expect(page.locator("tbody tr")).to_have_count(2)
    check_page(page, "audit log, one person")

    page.get_by_label("Tapahtuma", exact=True).select_option("logout")
    follow(page, page.get_by_role("button", name="Näytä tapahtumat"))
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text("Kirjautui ulos")
    check_page(page, "audit log, one person's logouts")
    lookup = AuditEvent.objects.filter(action=AuditEvent.Action.PERSON_LOOKUP).get()
    assert lookup.details["found"] is True
