"""Takes the guide's pictures (help/pictures.toml) from the live portal with its demo data.

Run by `make guide` (through test_guide.py, which gives it the live portal and Chromium), which
writes them into static/catalogue/guide/<lang>/; the tests run it into a temporary folder.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Locator, Page, expect

from asiointi.catalogue.guide import pictures
from asiointi.catalogue.tests.browser.support import follow
from asiointi.courses.models import Course
from asiointi.identity.models import User

VIEWPORT = {"width": 1000, "height": 700}
SERVICE = "asukaspysakointitunnus"
FORM = "ilmoitus-tai-palaute"


def _logged_in(browser: Browser, base_url: str, person: User) -> Page:
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.create()
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    context.set_default_timeout(30_000)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base_url}]
    )
    return context.new_page()


@dataclass
class _Camera:
    """Addresses and texts in the guide's language, and the pictures taken so far."""

    base_url: str
    language: str
    folder: Path
    made: list[Path] = field(default_factory=list)

    def url(self, name: str, *args: object, query: str = "") -> str:
        with translation.override(self.language):
            return self.base_url + reverse(name, args=args or None) + query

    def t(self, message: str) -> str:
        with translation.override(self.language):
            return translation.gettext(message)

    def shoot(self, page: Page, name: str) -> None:
        assert name in pictures(), f"{name} is not in help/pictures.toml"
        page.wait_for_load_state("load")
        target = self.folder / f"{name}.png"
        page.screenshot(path=str(target))
        self.made.append(target)

    def visit(self, page: Page, address: str, name: str) -> None:
        page.goto(address)
        self.shoot(page, name)


def capture(
    *,
    browser: Browser,
    base_url: str,
    language: str,
    resident: User,
    newcomer: User,
    out: Path,
) -> list[Path]:
    """Photograph every picture of the guide in the language; returns the files written."""
    camera = _Camera(base_url=base_url, language=language, folder=out / language)
    camera.folder.mkdir(parents=True, exist_ok=True)
    _public_pages(camera, browser)
    new = _logged_in(browser, base_url, newcomer)
    camera.visit(new, camera.url("registration:contact_details"), "registration")
    new.context.close()
    me = _logged_in(browser, base_url, resident)
    _form_sent(camera, me)
    _resident_pages(camera, me)
    me.context.close()
    return camera.made


def _public_pages(camera: _Camera, browser: Browser) -> None:
    anonymous_context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    anonymous_context.set_default_timeout(30_000)
    visitor = anonymous_context.new_page()
    camera.visit(visitor, camera.url("catalogue:front_page"), "catalogue")
    camera.visit(visitor, camera.url("catalogue:service_detail", SERVICE), "service")
    service_path = camera.url("catalogue:service_detail", SERVICE).removeprefix(camera.base_url)
    camera.visit(visitor, camera.url("identity:login", query=f"?next={service_path}"), "login")
    camera.visit(visitor, camera.url("feedback:service", SERVICE), "feedback")
    anonymous_context.close()


def _form_sent(camera: _Camera, me: Page) -> None:
    """The demo report filled in, checked and sent: its pictures on the way."""
    t = camera.t
    main: Callable[[], Locator] = lambda: me.get_by_role("main")  # noqa: E731

    def press(name: str) -> None:
        follow(me, main().get_by_role("button", name=name, exact=True))

    me.goto(camera.url("eforms:start", FORM))
    press(t("Start"))
    # The first choice of each question and a message: the demo report's first page.
    for group in main().locator("fieldset").all():
        group.locator("label").first.click()
    main().locator("textarea").first.fill(_MESSAGE[camera.language])
    camera.shoot(me, "form")
    press(t("Continue"))
    while me.get_by_role("heading", level=1).inner_text() != t("Check your answers before sending"):
        press(t("Continue"))
    camera.shoot(me, "check")
    press(t("Send"))
    expect(main().get_by_role("link", name=t("Go to your e-services folder"))).to_be_visible()
    camera.shoot(me, "receipt")


def _resident_pages(camera: _Camera, me: Page) -> None:
    camera.visit(me, camera.url("folder:index"), "folder")
    course = (
        Course.objects.filter(
            opens_at__lte=timezone.now(), closes_at__gte=timezone.now() + timedelta(days=1)
        )
        .order_by("code")
        .first()
    )
    assert course is not None, "the demo courses have none open for enrolling"
    camera.visit(me, camera.url("courses:course_detail", course.code), "enrolling")
    camera.visit(me, camera.url("organisations:choose"), "organisation")
    camera.visit(me, camera.url("catalogue:front_page"), "logout")


_MESSAGE = {
    "fi": "Katuvalo ei pala Puistokatu 4:n kohdalla.",
    "sv": "Gatubelysningen lyser inte vid Parkgatan 4.",
    "en": "A streetlight is out at Puistokatu 4.",
}
