"""A resident's steps through the portal and the built-in test identity provider, clicking like a
person, with `check` on every page state each step reaches."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from playwright.sync_api import Locator, Page, expect

from asiointi.catalogue.models import Service
from asiointi.catalogue.tests.browser.support import PARKING, CheckPage, Site, assert_at, follow
from asiointi.devidp.forms import METHODS, OUTCOMES, SUCCESS
from asiointi.devidp.persons import TestPerson, person_by_key
from asiointi.identity.providers.base import IdentificationFailed
from asiointi.notify.phone import normalise_mobile_number
from asiointi.notify.selectors import outbox_latest
from asiointi.registration.models import ContactVerification
from asiointi.registration.services import MAX_ATTEMPTS

Channel = ContactVerification.Channel

# The provider's pages, at the live portal's own address.
METHOD_CHOOSER_PATH = "/devidp/authorize"
PERSON_CHOOSER_PATH = "/devidp/authorize/method"  # the method chooser posts here
PROVIDER_LOGOUT_PATH = "/devidp/end-session"
METHOD_LABELS = dict(METHODS)
OUTCOME_LABELS = dict(OUTCOMES)


def persona(key: str) -> TestPerson:
    """One of the built-in provider's test persons."""
    person = person_by_key(key)
    assert person is not None, f"the built-in provider has no test person {key}"
    return person


def outbox_code(address: str) -> str:
    """The six-digit code in the newest message the development outbox holds for the address."""
    message = outbox_latest(recipient=address)
    assert message is not None, f"no message to {address} in the outbox"
    found = re.search(r"\b(\d{6})\b", message.body)
    assert found, f"no six-digit code in the message to {address}: {message.body!r}"
    return found.group(1)


@dataclass
class Resident:
    """A test person using the portal in one language, in one browser page."""

    page: Page
    site: Site
    language: str
    check: CheckPage
    person: TestPerson
    service_slug: str = PARKING
    javascript: bool = True

    # Texts and addresses, in the resident's language.

    def t(self, message: str | Promise, context: str = "", **values: object) -> str:
        if isinstance(message, Promise):  # gettext_lazy: the app's own text, translated here
            with translation.override(self.language):
                text = str(message)
        else:
            text = self.site.text(self.language, message, context)
        return text % values if values else text

    def path(self, view: str, **kwargs: str) -> str:
        with translation.override(self.language):
            return reverse(view, kwargs=kwargs or None)

    @property
    def name(self) -> str:
        """The person's name as the portal writes it: given names first."""
        return f"{self.person.given_names} {self.person.surname}"

    @property
    def service_path(self) -> str:
        return self.site.path(self.language, "service_detail", slug=self.service_slug)

    @property
    def main(self) -> Locator:
        return self.page.get_by_role("main")

    def heading(self) -> Locator:
        return self.page.get_by_role("heading", level=1)

    # What the resident sees.

    def expect_logged_in(self) -> None:
        header = self.page.get_by_role("banner")
        expect(header).to_contain_text(self.name)
        expect(header.get_by_role("button", name=self.t("Log out"))).to_be_visible()

    def expect_logged_out(self) -> None:
        """The logged-out header, and nothing of the person anywhere in the page."""
        header = self.page.get_by_role("banner")
        expect(header.get_by_role("link", name=self.t("Log in to e-services"))).to_be_visible()
        expect(header.get_by_role("button", name=self.t("Log out"))).to_have_count(0)
        expect(self.page.locator("body")).not_to_contain_text(self.person.surname)
        assert self.person.surname not in self.page.content(), f"{self.page.url} names the person"

    def expect_service_page(self, *, logged_in: bool) -> None:
        assert_at(self.page, self.service_path)
        service = Service.objects.get(slug=self.service_slug)
        expect(self.heading()).to_have_text(self.site.name(self.language, service))
        if logged_in:
            self.expect_logged_in()
        else:
            self.expect_logged_out()

    # Steps.

    def open_service(self) -> None:
        self.page.goto(self.site.base_url + self.service_path)
        self.expect_service_page(logged_in=False)
        self.check(self.page, "service page")

    def go_to_service(self) -> None:
        """The login page, remembering the service page the journey began from. (The service
        page's "Siirry palveluun" now opens the service's own form or its "not available online"
        page: submissions/tests/test_every_service_leads_somewhere.py walks it for every service.
        This journey is about identifying and registering, so it asks for the login page with the
        service as `next`, as the service page's way to the login used to.)"""
        query = urlencode({"next": self.service_path})
        self.page.goto(f"{self.site.base_url}{self.path('identity:login')}?{query}")
        assert_at(self.page, self.path("identity:login"), next=self.service_path)
        expect(self.heading()).to_have_text(self.t("Log in to e-services"))
        self.check(self.page, "login page")

    def log_in(self) -> None:
        """ "Kirjaudu sisään" on the login page: the provider's method chooser opens."""
        button = self.main.get_by_role("button", name=self.t("Log in", "button"), exact=True)
        follow(self.page, button)
        self.expect_method_chooser()

    def expect_method_chooser(self) -> None:
        assert_at(self.page, METHOD_CHOOSER_PATH)
        expect(self.page.locator("html")).to_have_attribute("lang", self.language)
        expect(self.heading()).to_have_text(self.t("Choose an identification method"))
        self.check(self.page, "the provider's method chooser")

    def choose_method(self, method: str) -> None:
        button = self.main.get_by_role("button", name=self.t(METHOD_LABELS[method]), exact=True)
        follow(self.page, button)
        assert_at(self.page, PERSON_CHOOSER_PATH)
        expect(self.heading()).to_have_text(self.t("Choose a test person"))
        # The one page that shows identity codes in full: the test persons are published.
        expect(self.main.get_by_text(self.person.identity_code, exact=True)).to_be_visible()
        self.check(self.page, f"the provider's test person chooser after choosing {method}")

    def identify(self, outcome: str = SUCCESS) -> None:
        """Choose this test person and the outcome, and press "Identify"."""
        # The radio buttons are drawn by their labels, which take the clicks.
        self.main.get_by_text(self.person.full_name, exact=True).click()
        expect(self.main.get_by_label(self.person.full_name)).to_be_checked()
        if outcome != SUCCESS:  # success is chosen at the start; its label begins the others'
            self.main.get_by_text(self.t(OUTCOME_LABELS[outcome])).click()
        expect(self.page.locator(f"input[name=outcome][value={outcome}]")).to_be_checked()
        follow(self.page, self.main.get_by_role("button", name=self.t("Identify"), exact=True))

    def cancel_at_provider(self) -> None:
        cancel = self.main.get_by_role("button", name=self.t("Cancel and return to the service"))
        follow(self.page, cancel)

    def expect_identified(self, *, registered: bool) -> None:
        """ "Tunnistautuminen onnistui" with the person's name; "Jatka palveluun" leads to the
        service, or on the first login to registration."""
        assert_at(self.page, self.path("identity:login_succeeded"))
        expect(self.heading()).to_have_text(self.t("Identification succeeded"))
        expect(self.main).to_contain_text(self.t("You are logged in as %(name)s.", name=self.name))
        self.expect_logged_in()
        onward = self.service_path if registered else self.path("registration:contact_details")
        link = self.main.get_by_role("link", name=self.t("Continue to the service"))
        expect(link).to_have_attribute("href", onward)
        self.check(self.page, "identification succeeded")
        follow(self.page, link)
        assert_at(self.page, onward)

    def expect_refused(self, reason: str, state: str) -> None:
        """The clear page of an identification that did not succeed: nobody is logged in."""
        assert_at(self.page, self.path("identity:login_failed"), reason=reason)
        expect(self.heading()).to_have_text(self.t("Identification did not succeed"))
        message = self.t(IdentificationFailed.MESSAGES[reason])
        expect(self.page.get_by_role("alert")).to_have_text(message)
        expect(self.main).to_contain_text(
            self.t("You are not logged in. Nothing was saved or sent.")
        )
        self.expect_logged_out()
        self.check(self.page, state)

    def try_again(self) -> None:
        """ "Yritä uudelleen" starts identification anew, for the same service."""
        follow(self.page, self.main.get_by_role("button", name=self.t("Try again")))
        self.expect_method_chooser()
        # No earlier identification is offered: a refused one must not be continued.
        expect(self.main.get_by_text(self.person.full_name)).to_have_count(0)

    def log_in_from_service(self, method: str) -> None:
        """From the service page through "Identify" at the provider."""
        self.open_service()
        self.go_to_service()
        self.log_in()
        self.choose_method(method)
        self.identify()

    def register(self, *, email: str, mobile: str = "", mistakes: bool = True) -> None:
        """First-login registration; with `mistakes`, first an empty form and a wrong code."""
        assert_at(self.page, self.path("registration:contact_details"))
        expect(self.heading()).to_have_text(self.t("Register for e-services"))
        self.expect_logged_in()
        email_field = self.main.get_by_label(self.t("E-mail address"))
        mobile_field = self.main.get_by_label(self.t("Mobile phone number"))
        expect(email_field).to_have_value(self.person.mail)  # the provider's mail pre-fills it
        self.check(self.page, "registration form")
        send = self.main.get_by_role("button", name=self.t("Send confirmation code"))
        if mistakes:
            email_field.fill("")
            follow(self.page, send)
            assert_at(self.page, self.path("registration:contact_details"))
            expect(self.page).to_have_title(re.compile("^" + re.escape(self.t("Error:"))))
            expect(self.page.get_by_role("alert")).to_contain_text(
                self.t("Give an e-mail address or a mobile phone number, or both.")
            )
            expect(self.page.locator("#error-summary")).to_be_focused()
            expect(email_field).to_have_attribute("aria-invalid", "true")
            self.check(self.page, "registration form sent empty")
        email_field.fill(email)
        mobile_field.fill(mobile)
        follow(self.page, send)
        self.confirm_codes(email=email, mobile=mobile, mistakes=mistakes)

    def confirm_codes(self, *, email: str, mobile: str, mistakes: bool) -> None:
        assert_at(self.page, self.path("registration:confirm"))
        expect(self.heading()).to_have_text(self.t("Enter the confirmation code"))
        self.check(self.page, "confirmation code page")
        pending = [(Channel.EMAIL, email)]
        if mobile:
            pending.append((Channel.SMS, normalise_mobile_number(mobile)))
        for number, (channel, address) in enumerate(pending):
            section = self.code_entry(channel, address)
            code_field = section.get_by_label(self.t("Confirmation code"))
            confirm = section.get_by_role("button", name=self.t("Confirm"), exact=True)
            if mistakes and number == 0:
                code_field.fill(wrong_code(outbox_code(address)))
                follow(self.page, confirm)
                assert_at(self.page, self.path("registration:confirm"))
                expect(self.page).to_have_title(re.compile("^" + re.escape(self.t("Error:"))))
                expect(section.get_by_role("alert")).to_contain_text(
                    self.wrong_code_message(MAX_ATTEMPTS - 1)
                )
                expect(section.locator("#error-summary")).to_be_focused()
                self.check(self.page, "confirmation code page after a wrong code")
            code_field.fill(outbox_code(address))
            follow(self.page, confirm)
            confirmed = (
                "Your e-mail address is confirmed."
                if channel == Channel.EMAIL
                else "Your mobile phone number is confirmed."
            )
            expect(self.page.get_by_role("status")).to_contain_text(self.t(confirmed))
            if number < len(pending) - 1:
                assert_at(self.page, self.path("registration:confirm"))
                expect(self.code_entry(channel, address)).to_have_count(0)
                self.check(self.page, f"confirmation code page after confirming the {channel}")
        # Registered: on to the service the journey began from.
        self.expect_service_page(logged_in=True)
        self.check(self.page, "service page after registering")

    def code_entry(self, channel: str, address: str) -> Locator:
        heading = (
            "Code sent to %(address)s"
            if channel == Channel.EMAIL
            else "Code sent by text message to %(address)s"
        )
        return self.main.get_by_role("region", name=self.t(heading, address=address))

    def wrong_code_message(self, attempts_left: int) -> str:
        with translation.override(self.language):
            return translation.ngettext(
                "The code is not right. You can try %(count)d more time.",
                "The code is not right. You can try %(count)d more times.",
                attempts_left,
            ) % {"count": attempts_left}

    def log_out(self) -> None:
        """ "Kirjaudu ulos" in the header, once: the portal session ends, the provider's too
        without asking again, and the portal says "Olet kirjautunut ulos". Without JavaScript
        the portal's page asks for a second press to reach the provider."""
        header = self.page.get_by_role("banner")
        follow(self.page, header.get_by_role("button", name=self.t("Log out")))
        logged_out = self.path("identity:logged_out")
        if self.javascript:
            self.page.wait_for_url(lambda url: urlsplit(url).path == logged_out)
        else:
            # The answer to a POST: `check` cannot load it again with JavaScript to run axe.
            assert_at(self.page, self.path("identity:logout"))
            expect(self.heading()).to_have_text(self.t("You have logged out"))
            self.expect_logged_out()
            onward = self.t("Log out of the identification service too")
            follow(self.page, self.main.get_by_role("button", name=onward))
        assert urlsplit(self.page.url).path != PROVIDER_LOGOUT_PATH, "the provider asked again"
        assert_at(self.page, logged_out)
        expect(self.heading()).to_have_text(self.t("You have logged out"))
        self.expect_logged_out()
        self.check(self.page, "logged out")


def wrong_code(code: str) -> str:
    return "000000" if code != "000000" else "111111"
