"""A person acting for organisations in Chromium: the login page's organisation path, the test
e-Authorizations selection page, the organisation's registration, the header, switching."""

from dataclasses import dataclass

from playwright.sync_api import expect

from asiointi.catalogue.tests.browser.support import assert_at, follow
from asiointi.devidp.models import DemoOrganisation
from asiointi.identity.tests.browser.support import Resident, outbox_code
from asiointi.organisations.services import ChoiceFailed

SELECTION_PATH = "/devidp/valtuudet/oauth/authorize"


@dataclass
class Representative(Resident):
    """A test person who logs in on behalf of organisations."""

    def log_in_for_an_organisation(self, method: str = "bank", *, registered: bool = False) -> None:
        """The login page's "Kirjaudu yrityksen tai yhdistyksen puolesta", identification, then
        on from the success page to the e-Authorizations selection page."""
        self.page.goto(self.site.base_url + self.path("identity:login"))
        self.check(self.page, "login page")
        button = self.main.get_by_role(
            "button", name=self.t("Log in on behalf of a company or association", "button")
        )
        follow(self.page, button)
        self.expect_method_chooser()
        self.choose_method(method)
        self.identify()
        assert_at(self.page, self.path("identity:login_succeeded"))
        self.check(self.page, "identification succeeded")
        follow(self.page, self.main.get_by_role("link", name=self.t("Continue to the service")))
        if not registered:
            self.register_self(f"{self.person.key}@example.fi")
        self.expect_selection_page()

    def register_self(self, email: str) -> None:
        """The person's own first-login registration comes before the organisation's."""
        assert_at(self.page, self.path("registration:contact_details"))
        self.main.get_by_label(self.t("E-mail address")).fill(email)
        follow(self.page, self.main.get_by_role("button", name=self.t("Send confirmation code")))
        self.main.get_by_label(self.t("Confirmation code")).fill(outbox_code(email))
        follow(self.page, self.main.get_by_role("button", name=self.t("Confirm"), exact=True))

    def expect_selection_page(self) -> None:
        assert_at(self.page, SELECTION_PATH)
        expect(self.page.locator("html")).to_have_attribute("lang", self.language)
        expect(self.heading()).to_have_text(self.t("Choose the organisation"))
        self.check(self.page, "e-Authorizations selection page")

    def choose_another(self) -> None:
        """The header's "change" link, then "choose a company or association"."""
        header = self.page.get_by_role("banner")
        follow(self.page, header.get_by_role("link", name=self.t("Change on whose behalf you act")))
        assert_at(self.page, self.path("organisations:choose"))
        self.check(self.page, "on whose behalf page")
        link = self.main.get_by_role(
            "link", name=self.t("Choose a company or association in Suomi.fi e-Authorizations")
        )
        follow(self.page, link)
        self.expect_selection_page()

    def pick(self, identifier: str) -> None:
        organisation = DemoOrganisation.objects.get(identifier=identifier)
        self.main.get_by_text(organisation.name, exact=True).click()
        follow(
            self.page,
            self.main.get_by_role("button", name=self.t("Continue with this organisation")),
        )

    def register_organisation(self, name: str, email: str) -> None:
        assert_at(self.page, self.path("organisations:register"))
        expect(self.heading()).to_have_text(self.t("Register %(name)s for e-services", name=name))
        self.expect_acting_for(name)
        self.check(self.page, "organisation registration form")
        self.main.get_by_label(self.t("E-mail address")).fill(email)
        follow(self.page, self.main.get_by_role("button", name=self.t("Send confirmation code")))
        assert_at(self.page, self.path("organisations:confirm"))
        self.check(self.page, "organisation confirmation code page")
        self.main.get_by_label(self.t("Confirmation code")).fill(outbox_code(email))
        follow(self.page, self.main.get_by_role("button", name=self.t("Confirm"), exact=True))

    def expect_folder(self, acting_for: str | None) -> None:
        assert_at(self.page, self.path("folder:index"))
        if acting_for:
            self.expect_acting_for(acting_for)
        else:
            self.expect_acting_as_self()
        self.check(self.page, f"folder of {acting_for or 'the person'}")

    def expect_acting_for(self, name: str) -> None:
        header = self.page.get_by_role("banner")
        expect(header).to_contain_text(self.t("Acting on behalf of"))
        expect(header).to_contain_text(name)
        self.expect_logged_in()

    def expect_acting_as_self(self) -> None:
        header = self.page.get_by_role("banner")
        expect(header).to_contain_text(self.t("Acting on your own behalf"))

    def switch_to(self, label: str) -> None:
        header = self.page.get_by_role("banner")
        follow(self.page, header.get_by_role("link", name=self.t("Change on whose behalf you act")))
        self.check(self.page, "on whose behalf page")
        follow(self.page, self.main.get_by_role("button", name=label))

    def expect_choice_failed(self, reason: str) -> None:
        assert_at(self.page, self.path("organisations:failed"), reason=reason)
        expect(self.main).to_contain_text(self.t(ChoiceFailed.MESSAGES[reason]))
        self.check(self.page, f"choice failed: {reason}")
