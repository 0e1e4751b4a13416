"""Takes the guide's pictures (help/pictures.toml) from the live portal with its demo data.

Run by `make guide` (through test_guide.py, which gives it the live portal and Chromium), which
writes them into static/catalogue/guide/<lang>/; the tests run it into a temporary folder.
"""

from collections.abc import Callable
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
    made: list[Path] = []
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)

    def url(name: str, *args: object, query: str = "") -> str:
        with translation.override(language):
            return base_url + reverse(name, args=args or None) + query

    def t(message: str) -> str:
        with translation.override(language):
            return translation.gettext(message)

    def shoot(page: Page, name: str) -> None:
        assert name in pictures(), f"{name} is not in help/pictures.toml"
        page.wait_for_load_state("load")
        target = folder / f"{name}.png"
        page.screenshot(path=str(target))
        made.append(target)

    def visit(page: Page, address: str, name: str) -> None:
        page.goto(address)
        shoot(page, name)

    anonymous_context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    anonymous_context.set_default_timeout(30_000)
    visitor = anonymous_context.new_page()
    visit(visitor, url("catalogue:front_page"), "catalogue")
    visit(visitor, url("catalogue:service_detail", SERVICE), "service")
    service_path = url("catalogue:service_detail", SERVICE).removeprefix(base_url)
    visit(visitor, url("identity:login", query=f"?next={service_path}"), "login")
    visit(visitor, url("feedback:service", SERVICE), "feedback")
    anonymous_context.close()

    new = _logged_in(browser, base_url, newcomer)
    visit(new, url("registration:contact_details"), "registration")
    new.context.close()

    me = _logged_in(browser, base_url, resident)
    main: Callable[[], Locator] = lambda: me.get_by_role("main")  # noqa: E731

    def press(name: str) -> None:
        follow(me, main().get_by_role("button", name=name, exact=True))

    me.goto(url("eforms:start", FORM))
    press(t("Start"))
    # The first choice of each question and a message: the demo report's first page.
    for group in main().locator("fieldset").all():
        group.locator("label").first.click()
    main().locator("textarea").first.fill(_MESSAGE[language])
    shoot(me, "form")
    press(t("Continue"))
    while me.get_by_role("heading", level=1).inner_text() != t("Check your answers before sending"):
        press(t("Continue"))
    shoot(me, "check")
    press(t("Send"))
    expect(main().get_by_role("link", name=t("Go to your e-services folder"))).to_be_visible()
    shoot(me, "receipt")
    visit(me, url("folder:index"), "folder")
    course = (
        Course.objects.filter(
            opens_at__lte=timezone.now(), closes_at__gte=timezone.now() + timedelta(days=1)
        )
        .order_by("code")
        .first()
    )
    assert course is not None, "the demo courses have none open for enrolling"
    visit(me, url("courses:course_detail", course.code), "enrolling")
    visit(me, url("organisations:choose"), "organisation")
    visit(me, url("catalogue:front_page"), "logout")
    me.context.close()
    return made


_MESSAGE = {
    "fi": "Katuvalo ei pala Puistokatu 4:n kohdalla.",
    "sv": "Gatubelysningen lyser inte vid Parkgatan 4.",
    "en": "A streetlight is out at Puistokatu 4.",
}
