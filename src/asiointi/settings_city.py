"""Part of the one settings module (asiointi/settings.py): the city's name, look and advice
line. Every variable read here is listed in the README with its default.
"""

import re

from django.core.exceptions import ImproperlyConfigured

from asiointi.env import env_str

# The city: name, look and advice line. Texts are per language; the defaults are the demo city's.
CITY_NAME = {
    "fi": env_str("CITY_NAME_FI", "Helsingin kaupunki"),
    "sv": env_str("CITY_NAME_SV", "Helsingfors stad"),
    "en": env_str("CITY_NAME_EN", "City of Helsinki"),
}
CITY_LOGO_URL = env_str("CITY_LOGO_URL", "")  # empty: the built-in wordmark
CITY_BRAND_COLOR = env_str("CITY_BRAND_COLOR", "#0000bf")
CITY_BRAND_TEXT_COLOR = env_str("CITY_BRAND_TEXT_COLOR", "#ffffff")
# Both are written into /brand.css as they are.
for _name, _colour in [
    ("CITY_BRAND_COLOR", CITY_BRAND_COLOR),
    ("CITY_BRAND_TEXT_COLOR", CITY_BRAND_TEXT_COLOR),
]:
    if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", _colour):
        raise ImproperlyConfigured(f"{_name} must be a colour such as #0000bf, not {_colour!r}.")
ADVICE_PHONE = env_str("ADVICE_PHONE", "(09) 310 88800")
ADVICE_HOURS = {
    "fi": env_str("ADVICE_HOURS_FI", "ma–pe klo 8–18"),
    "sv": env_str("ADVICE_HOURS_SV", "mån–fre kl. 8–18"),
    "en": env_str("ADVICE_HOURS_EN", "Mon–Fri 8 am–6 pm"),
}
# The same hours for the "open now" status, in Helsinki time; closed on Finland's public holidays.
ADVICE_OPEN = env_str("ADVICE_OPEN", "mon-fri 08:00-18:00")
ACCESSIBILITY_EMAIL = env_str("ACCESSIBILITY_EMAIL", "saavutettavuus@hel.fi")
PRIVACY_EMAIL = env_str("PRIVACY_EMAIL", "tietosuoja@hel.fi")
