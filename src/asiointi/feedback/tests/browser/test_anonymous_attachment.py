"""An anonymous sender attaches a file in Chromium: kept through an error in another field, sent
with the feedback, and listed in the agency's feedback inbox. Every page state passes axe."""

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from asiointi.attachments.selectors import attachments_held
from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import CheckPage, OpenPage, Site, follow
from asiointi.feedback.models import Feedback

pytestmark = pytest.mark.browser
SERVICE = "asukaspysakointitunnus"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_anonymous_senders_file_survives_an_error_and_reaches_the_agency(
    site: Site, open_page: OpenPage, check_page: CheckPage, tmp_path: Path, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "asiointi.notify.outbox.OutboxEmailBackend"
    picture = tmp_path / "katuvalo.pdf"
    picture.write_bytes(PDF)
    page = open_page()
    page.goto(site.url("fi", "service_detail", slug=SERVICE))
    main = page.get_by_role("main")
    follow(page, main.get_by_role("link", name="Anna palautetta tästä palvelusta"))
    main.get_by_label("Palautteesi").fill("Katuvalo ei pala, kuva liitteenä.")
    main.locator('input[type="file"]').set_input_files(str(picture))
    follow(page, main.get_by_role("button", name="Lähetä palaute"))
    expect(page.get_by_role("alert")).to_contain_text("Valitse, millaista palautetta")
    expect(main).to_contain_text("katuvalo.pdf")
    expect(main.get_by_label("Palautteesi")).to_have_value("Katuvalo ei pala, kuva liitteenä.")
    check_page(page, "feedback form with a file kept through an error")
    main.locator("label").filter(has_text="Ongelma").first.click()
    follow(page, main.get_by_role("button", name="Lähetä palaute"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos palautteestasi")
    feedback = Feedback.objects.get()
    assert feedback.service == Service.objects.get(slug=SERVICE)
    assert [a.original_name for a in attachments_held(holder=feedback.holder)] == ["katuvalo.pdf"]
