"""Part of the one settings module (asiointi/settings.py): HTTPS, cookies and the headers
every answer carries. Every variable read here is listed in the README with its default.
"""

from csp.constants import NONE, SELF

from asiointi.env import env_bool, env_int, env_list
from asiointi.settings_base import DEBUG
from asiointi.settings_city import CITY_LOGO_URL

# Security: production refuses insecure defaults; `manage.py check --deploy` passes with DEBUG off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer and the metrics scraper reach the nodes themselves, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "asiointi.views.csrf_failure"
SILENCED_SYSTEM_CHECKS = ["security.W021"]  # HSTS preload is the city's own decision

# Content-Security-Policy on every answer (django-csp; asiointi/security.py). No inline script or
# style anywhere, so no 'unsafe-inline' and no nonces. form-action also gets the identity
# provider's and e-Authorizations' origins, and FORM_ACTION_ORIGINS (comma-separated origins)
# for any further origin a provider redirects on to after "Log in" or "Log out".
FORM_ACTION_ORIGINS = env_list("FORM_ACTION_ORIGINS", [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The design system's icons are data: SVGs; a city's logo may live elsewhere.
        "img-src": [SELF, "data:", *([CITY_LOGO_URL] if "://" in CITY_LOGO_URL else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
