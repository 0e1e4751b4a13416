"""Forms for organisations, in English: the association's grant application with attachments
(EICAR refused, a PDF kept through an error elsewhere on the page) and the excavation notice,
whose traffic page appears only when traffic is disrupted."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from asiointi.attachments.tests.fixtures import EICAR
from asiointi.catalogue.tests.browser.support import CheckPage, Site
from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import Submission
from asiointi.submissions.tests.browser.steps import Filler

pytestmark = pytest.mark.browser
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>"
    b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_an_association_applies_for_a_grant_with_attachments(
    association_page: Page, portal: Site, check_page: CheckPage, clamd: str, tmp_path: Path
) -> None:
    me = Filler(association_page, portal, "en", check_page)
    me.open_form("yhdistysten-toiminta-avustus")
    me.expect_page("Applicant")
    expect(me.main).to_contain_text("Käpylän Kotiseutuyhdistys ry")
    expect(me.main).to_contain_text("0737546-2")
    me.fill("Bank account (IBAN)", "FI21 1234 5600 0007 85")
    me.go_on()

    me.expect_page("The grant")
    me.fill("Amount applied for", "2500")
    me.fill("Number of members", "140")
    me.fill("What will the grant be used for?", "Summer events for the neighbourhood.")
    me.choose("No")
    me.go_on()

    me.expect_page("Attachments and declaration")
    virus = tmp_path / "plan.pdf"
    virus.write_bytes(EICAR)
    plan = tmp_path / "budget.pdf"
    plan.write_bytes(PDF)
    me.main.get_by_label("Action plan and budget").set_input_files([str(virus)])
    me.go_on()
    me.expect_errors("plan.pdf")
    me.main.get_by_label("Action plan and budget").set_input_files([str(plan)])
    accounts = tmp_path / "tilinpaatos.pdf"
    accounts.write_bytes(PDF)
    me.main.get_by_label("Previous year's financial statements").set_input_files([str(accounts)])
    me.go_on()  # the declaration is still missing: the files stay
    me.expect_errors("Tick the box to confirm.")
    expect(me.main).to_contain_text("budget.pdf")
    me.choose("We confirm the information is correct.")
    me.go_on()

    me.expect_page("Check your answers before sending")
    expect(me.main).to_contain_text("budget.pdf")
    me.press("Send")
    me.expect_page("Form sent")
    submission = Submission.objects.get()
    assert submission.business_id == "0737546-2"
    assert [f["name"] for f in content_decrypt(submission.content_encrypted)["documents"]] == [
        "budget.pdf"
    ]


def test_a_company_sends_an_excavation_notice(
    association_page: Page, portal: Site, check_page: CheckPage, tmp_path: Path
) -> None:
    drawing = tmp_path / "kaivu.pdf"
    drawing.write_bytes(PDF)
    me = Filler(association_page, portal, "en", check_page)
    me.open_form("kaivulupailmoitus")
    me.expect_page("Company")
    me.fill("First names", "Kalle")
    me.fill("Last name", "Kaivaja")
    me.fill("Site manager's phone number", "040 765 4321")
    me.go_on()

    me.expect_page("The site")
    me.fill("Street address", "Aleksanterinkatu 1")
    me.fill("Postal code", "00100")
    me.fill("Post office", "Helsinki")
    me.choose("Pavement")
    for prefix, day in (("start", "1"), ("end", "14")):
        group = me.main.get_by_role(
            "group", name=f"Work {prefix}s" if prefix == "start" else "Work ends"
        )
        group.get_by_label("Day").fill(day)
        group.get_by_label("Month").fill("5")
        group.get_by_label("Year").fill("2099")
    me.fill("Description of the work", "Replacing a district heating pipe.")
    me.fill("Area of the excavation", "12,5")
    me.go_on()

    me.expect_page("Traffic")
    me.choose("Yes")
    me.go_on()
    me.expect_page("Traffic arrangements")
    me.fill("Describe the temporary traffic arrangements", "Pedestrians guided to the other side.")
    me.main.get_by_label("Temporary traffic management plan").set_input_files([str(drawing)])
    me.go_on()
    me.expect_page("Map and utilities survey")
    me.main.get_by_label("Map showing the boundaries").set_input_files([str(drawing)])
    me.main.get_by_label("Survey of underground utilities").set_input_files([str(drawing)])
    me.go_on()
    me.expect_page("Declaration")
    me.choose("We confirm the information is correct.")
    me.go_on()
    me.expect_page("Check your answers before sending")
    expect(me.main).to_contain_text("12.5 m²")
    me.press("Send")
    me.expect_page("Form sent")
