"""An agency administrator adds a member of staff; the invitation arrives in the outbox; the
invitee opens its link, sets a password and an authenticator app, sees the recovery codes once
and logs in with the app's code. Every page state passes axe."""

import base64
import re

import pytest
from django.conf import LazySettings
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from asiointi.backoffice.models import AgencyMembership
from asiointi.backoffice.tests.browser.staff_pages import staff_log_in, staff_logs_in
from asiointi.backoffice.tests.support import OWNING_AGENCY
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.identity.models import User
from asiointi.notify.models import OutboxMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
Role = AgencyMembership.Role
PASSWORD = "kolme vihreää kameliaa"


def code_for(secret: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app holding the typed key shows now (or a step later)."""
    key = base64.b32decode(secret.replace(" ", ""))
    return f"{totp(key, t0=-30 * steps_ahead):06d}"


def admin_adds_a_member(admin: Page, check_page: CheckPage) -> None:
    nav = admin.get_by_role("navigation", name="Henkilöstö")
    follow(admin, nav.get_by_role("link", name="Henkilöstö", exact=True))
    check_page(admin, "the staff page")
    follow(admin, admin.get_by_role("button", name="Lisää ja lähetä kutsu"))
    expect(admin.locator(".hds-error-summary")).to_contain_text("Anna sähköpostiosoite")
    check_page(admin, "the staff page, nothing filled in")
    admin.get_by_label("Etunimi").fill("Veera")
    admin.get_by_label("Sukunimi").fill("Virtanen")
    admin.get_by_label("Sähköpostiosoite").fill("veera.virtanen@example.fi")
    admin.get_by_label("Rooli", exact=True).select_option(label="Palvelupäällikkö")
    follow(admin, admin.get_by_role("button", name="Lisää ja lähetä kutsu"))
    expect(admin.get_by_role("main")).to_contain_text("Veera Virtanen lisättiin henkilöstöön")
    expect(admin.get_by_role("table")).to_contain_text("veera.virtanen@example.fi")
    check_page(admin, "the staff page, a member added")


def invitee_sets_up(invitee: Page, link: str, check_page: CheckPage) -> tuple[str, str]:
    invitee.goto(link)
    check_page(invitee, "the set-up page")
    expect(invitee.locator("svg.staff-qr")).to_be_visible()
    secret = invitee.locator("#totp-secret").inner_text()
    invitee.get_by_label("Uusi salasana", exact=True).fill(PASSWORD)
    invitee.get_by_label("Uusi salasana uudelleen").fill("something else entirely")
    invitee.get_by_label("Koodi todennussovelluksesta").fill(code_for(secret))
    follow(invitee, invitee.get_by_role("button", name="Ota käyttöön"))
    expect(invitee.locator(".hds-error-summary")).to_be_visible()
    check_page(invitee, "the set-up page, passwords differ")
    invitee.get_by_label("Uusi salasana", exact=True).fill(PASSWORD)
    invitee.get_by_label("Uusi salasana uudelleen").fill(PASSWORD)
    invitee.get_by_label("Koodi todennussovelluksesta").fill(code_for(secret))
    follow(invitee, invitee.get_by_role("button", name="Ota käyttöön"))
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Virkailijatilisi on valmis")
    codes = invitee.locator("#recovery-codes li")
    expect(codes).to_have_count(10)
    check_page(invitee, "recovery codes")
    return secret, codes.first.inner_text()


def test_an_invited_member_sets_up_their_account_and_logs_in(
    portal: Site, open_page: OpenPage, check_page: CheckPage, settings: LazySettings
) -> None:
    settings.EMAIL_BACKEND = "asiointi.notify.outbox.OutboxEmailBackend"
    settings.PORTAL_URL = portal.base_url
    admin = open_page()
    staff_logs_in(admin, portal, "ansa", Role.AGENCY_ADMIN, OWNING_AGENCY)
    admin_adds_a_member(admin, check_page)

    mail = OutboxMessage.objects.get(recipient="veera.virtanen@example.fi")
    found = re.search(r"http\S+/kutsu/\S+/", mail.body)
    assert found, mail.body
    invitee = open_page()
    secret, _recovery = invitee_sets_up(invitee, found.group(0), check_page)
    assert User.objects.get(username="veera.virtanen@example.fi").has_usable_password()

    invitee.goto(found.group(0))
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Linkki ei enää toimi")
    check_page(invitee, "the link used")

    # The code the set-up took is used up: the app's next one logs in.
    staff_log_in(
        invitee, portal, "veera.virtanen@example.fi", code_for(secret, 1), password=PASSWORD
    )
    expect(invitee.get_by_role("heading", level=1)).to_contain_text("Asiat:")
    nav = invitee.get_by_role("navigation", name="Henkilöstö")
    expect(nav.get_by_role("link", name="Palvelujen käyttöoikeudet")).to_have_count(1)
    expect(nav.get_by_role("link", name="Henkilöstö", exact=True)).to_have_count(0)
