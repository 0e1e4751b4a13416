"""Part of the one settings module (asiointi/settings.py imports it first): where the
portal's files are, which profile runs, the secret key and the logs. Every variable read here is
listed in the README with its default.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from asiointi.env import env_bool, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))

# Off unless asked for: a forgotten DEBUG must not run production on the embedded profile's keys.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or ("embedded-profile-only-not-secret" if DEBUG else "")

# One JSON object per line in production (asiointi/operations/logs.py names the fields), plain
# text in the embedded profile.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "asiointi.operations.logs.RequestContextFilter"}},
    "formatters": {
        "plain": {"()": "asiointi.operations.logs.PlainFormatter"},
        "json": {"()": "asiointi.operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # pysaml2 logs whole assertions and puts them in its error messages: they carry identity
    # codes. The SAML provider logs its own failures without them.
    "loggers": {
        "saml2": {"level": "CRITICAL"},
        "xmlschema": {"level": "WARNING"},  # pysaml2's schemas, announced at every check
        "weasyprint.progress": {"level": "WARNING"},  # every step of every PDF
    },
}
