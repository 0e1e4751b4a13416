"""Feedback in Chromium, without JavaScript as well: from the service page's link to the
acknowledgement, anonymously and logged in; it reaches the service's agency and no other (the
stored row and the dev outbox's e-mail). Every page state is checked with axe and the policy."""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from asiointi.catalogue.models import Agency, Service
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.feedback.models import Feedback
from asiointi.notify.models import OutboxMessage
from asiointi.submissions.tests.browser.conftest import log_in
from asiointi.submissions.tests.conftest import make_resident

pytestmark = pytest.mark.browser
SERVICE = "asukaspysakointitunnus"


@pytest.fixture(autouse=True)
def _dev_outbox(settings: Any) -> None:
    settings.DEV_OUTBOX_ENABLED = True
    settings.EMAIL_BACKEND = "asiointi.notify.outbox.OutboxEmailBackend"


def t(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def give_feedback(page: Page, site: Site, language: str, check: CheckPage, message: str) -> str:
    """From the service page to the acknowledgement; returns the reference shown."""
    page.goto(site.url(language, "service_detail", slug=SERVICE))
    main = page.get_by_role("main")
    follow(page, main.get_by_role("link", name=t(language, "Give feedback on this service")))
    check(page, "feedback form")
    follow(page, main.get_by_role("button", name=t(language, "Send feedback")))
    expect(page.get_by_role("alert")).to_contain_text(
        t(language, "Choose what kind of feedback it is.")
    )
    check(page, "feedback form with errors")
    main.get_by_label(t(language, "Your feedback")).fill(message)
    main.locator("label").filter(has_text=t(language, "Problem")).first.click()
    main.get_by_label(t(language, "E-mail address")).fill("aino@example.fi")
    follow(page, main.get_by_role("button", name=t(language, "Send feedback")))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(language, "Thank you for your feedback")
    )
    check(page, "acknowledgement")
    return page.locator(".feedback-reference").inner_text()


def agency_mail(agency: Agency) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(recipient=agency.feedback_email))


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_anonymous_feedback_reaches_the_services_agency_and_no_other(
    language: str, javascript: bool, site: Site, open_page: OpenPage, check_page: CheckPage
) -> None:
    service = Service.objects.select_related("agency").get(slug=SERVICE)
    page = open_page(javascript=javascript)
    # Each form carries a fresh one-time key, so axe (which needs JavaScript) cannot check the
    # page seen without it by loading it again: the run with JavaScript checks the same pages.
    check = check_page if javascript else lambda page, state: None
    reference = give_feedback(page, site, language, check, "Katuvalo ei pala.")
    feedback = Feedback.objects.get(reference=reference)
    assert (feedback.agency, feedback.service, feedback.language) == (
        service.agency,
        service,
        language,
    )
    assert Feedback.objects.exclude(agency=service.agency).count() == 0
    mails = agency_mail(service.agency)
    assert len(mails) == 1 and reference in mails[0].subject
    others = Agency.objects.exclude(pk=service.agency.pk).exclude(feedback_email="")
    assert not OutboxMessage.objects.filter(
        recipient__in=[a.feedback_email for a in others]
    ).exists()
    assert OutboxMessage.objects.filter(recipient="aino@example.fi", body__contains=reference)


def test_logged_in_feedback_reaches_the_agency_with_whose_it_is(
    site: Site, open_page: OpenPage, check_page: CheckPage, live_server: LiveServer
) -> None:
    tessa = make_resident("010280-952L", "Tessa", "Testilä", "tessa@example.fi")
    service = Service.objects.select_related("agency").get(slug=SERVICE)
    page = open_page()
    log_in(page, live_server, tessa)
    page.goto(site.url("fi", "service_detail", slug=SERVICE))
    main = page.get_by_role("main")
    follow(page, main.get_by_role("link", name="Anna palautetta tästä palvelusta"))
    expect(main.get_by_label("Sähköpostiosoite")).to_have_value("tessa@example.fi")
    check_page(page, "feedback form, logged in")
    main.get_by_label("Palautteesi").fill("Hakemuksen liite ei lähde.")
    main.locator("label").filter(has_text="Saavutettavuusongelma").click()
    main.locator("label").filter(has_text="asiointikansiooni").click()
    follow(page, main.get_by_role("button", name="Lähetä palaute"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos palautteestasi")
    expect(main).to_contain_text("asiointikansioosi")
    check_page(page, "acknowledgement, logged in")
    feedback = Feedback.objects.get()
    assert feedback.agency == service.agency and feedback.person == tessa
    assert feedback.answer_to_folder and feedback.answer_due is not None
    assert len(agency_mail(service.agency)) == 1


def test_the_accessibility_statement_leads_to_the_form(
    site: Site, open_page: OpenPage, check_page: CheckPage
) -> None:
    page = open_page()
    page.goto(site.url("en", "help_page", slug="saavutettavuusseloste"))
    follow(page, page.get_by_role("link", name="accessibility feedback form"))
    with translation.override("en"):
        assert page.url.endswith(reverse("feedback:portal") + "?kind=accessibility")
    expect(page.get_by_label("Accessibility problem")).to_be_checked()
    check_page(page, "portal feedback form")
