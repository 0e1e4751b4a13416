from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from asiointi.advice import advice_status
from asiointi.views import brand_css_url


def portal(request: HttpRequest) -> dict[str, Any]:
    """The city's name, look and advice line in the page's language, for the base template."""
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "city_name": settings.CITY_NAME.get(language, settings.CITY_NAME["fi"]),
        "city_logo_url": settings.CITY_LOGO_URL,
        "brand_css_url": brand_css_url(),
        "advice_phone": settings.ADVICE_PHONE,
        "advice_hours": settings.ADVICE_HOURS.get(language, settings.ADVICE_HOURS["fi"]),
        "advice": SimpleLazyObject(lambda: advice_status(language=language)),
        "accessibility_email": settings.ACCESSIBILITY_EMAIL,
        "privacy_email": settings.PRIVACY_EMAIL,
        "login_url": login_url(),
        "session_idle_seconds": settings.SESSION_IDLE_TIMEOUT_SECONDS,
    }


def login_url() -> str:
    return reverse("identity:login")
