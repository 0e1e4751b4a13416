"""Part of the one settings module (asiointi/settings.py): identification (OIDC, SAML),
Suomi.fi e-Authorizations and the built-in test identity provider. Every variable read here is
listed in the README with its default.
"""

from django.core.exceptions import ImproperlyConfigured

from asiointi.env import derived_key, env_bool, env_int, env_list, env_str
from asiointi.settings_base import DATA_DIR, DEBUG, SECRET_KEY

# Identification. The embedded profile uses the built-in test identity provider at /devidp.
IDENTITY_PROVIDER = env_str("IDENTITY_PROVIDER", "oidc")
PORT = env_int("PORT", 8000)
# The portal's own address, for links in e-mail and text messages.
PORTAL_URL = env_str("PORTAL_URL", f"http://127.0.0.1:{PORT}" if DEBUG else "").rstrip("/")
OIDC_ISSUER = env_str("OIDC_ISSUER", f"http://127.0.0.1:{PORT}/devidp" if DEBUG else "").rstrip("/")
OIDC_CLIENT_ID = env_str("OIDC_CLIENT_ID", "asiointi")
# Derived only for the built-in test provider; production sets its own or refuses to start.
OIDC_CLIENT_SECRET = env_str(
    "OIDC_CLIENT_SECRET", derived_key(SECRET_KEY, "devidp-client") if DEBUG else ""
)
OIDC_SCOPE = env_str("OIDC_SCOPE", "openid profile")
OIDC_CLIENT_AUTH = env_str("OIDC_CLIENT_AUTH", "client_secret_basic")
OIDC_SIGNED_REQUESTS = env_bool("OIDC_SIGNED_REQUESTS", False)
OIDC_ENCRYPTED_ID_TOKEN = env_bool("OIDC_ENCRYPTED_ID_TOKEN", False)
OIDC_USE_USERINFO = env_bool("OIDC_USE_USERINFO", False)
OIDC_CLIENT_JWKS_FILE = env_str("OIDC_CLIENT_JWKS_FILE", str(DATA_DIR / "oidc-client-jwks.json"))
OIDC_ACR_VALUES = env_str("OIDC_ACR_VALUES", "http://ftn.ficora.fi/2017/loa2")
OIDC_ACCEPTED_ACR = env_list(
    "OIDC_ACCEPTED_ACR", ["http://ftn.ficora.fi/2017/loa2", "http://ftn.ficora.fi/2017/loa3"]
)
if OIDC_CLIENT_AUTH not in ("client_secret_basic", "client_secret_post", "private_key_jwt"):
    raise ImproperlyConfigured(f"OIDC_CLIENT_AUTH {OIDC_CLIENT_AUTH!r} is not supported.")

# SAML 2.0 service provider for Suomi.fi e-Identification (IDENTITY_PROVIDER=saml).
# The IdP metadata is a local file: nothing is downloaded while the portal runs.
SAML_IDP_METADATA_FILE = env_str("SAML_IDP_METADATA_FILE")
SAML_SP_ENTITY_ID = env_str(
    "SAML_SP_ENTITY_ID", f"http://127.0.0.1:{PORT}/identity/saml/metadata" if DEBUG else ""
)
SAML_SP_KEY_FILE = env_str("SAML_SP_KEY_FILE")
SAML_SP_CERT_FILE = env_str("SAML_SP_CERT_FILE")
SAML_SP_ENCRYPTION_KEY_FILE = env_str("SAML_SP_ENCRYPTION_KEY_FILE")
SAML_SP_ENCRYPTION_CERT_FILE = env_str("SAML_SP_ENCRYPTION_CERT_FILE")
SAML_REQUESTED_LOA = env_list("SAML_REQUESTED_LOA", ["http://ftn.ficora.fi/2017/loa2"])
SAML_ACCEPTED_LOA = env_list(
    "SAML_ACCEPTED_LOA", ["http://ftn.ficora.fi/2017/loa2", "http://ftn.ficora.fi/2017/loa3"]
)
XMLSEC1_PATH = env_str("XMLSEC1_PATH")  # empty: pysaml2 finds xmlsec1 on PATH
IDENTIFICATION_TIMEOUT_SECONDS = env_int("IDENTIFICATION_TIMEOUT_SECONDS", 900)

# Acting for an organisation: Suomi.fi e-Authorizations (Suomi.fi-valtuudet) Web API, "ypa" mode.
# The embedded profile uses the built-in test service at /devidp/valtuudet. Without an address,
# logging in for an organisation is not offered.
VALTUUDET_URL = env_str(
    "VALTUUDET_URL", f"http://127.0.0.1:{PORT}/devidp/valtuudet" if DEBUG else ""
).rstrip("/")
VALTUUDET_CLIENT_ID = env_str("VALTUUDET_CLIENT_ID", "asiointi")
# Derived only for the built-in test service; production sets its own or refuses to start.
VALTUUDET_API_KEY = env_str(
    "VALTUUDET_API_KEY", derived_key(SECRET_KEY, "valtuudet-api-key") if DEBUG else ""
)
VALTUUDET_OAUTH_PASSWORD = env_str(
    "VALTUUDET_OAUTH_PASSWORD",
    derived_key(SECRET_KEY, "valtuudet-oauth-password") if DEBUG else "",
)
VALTUUDET_TIMEOUT = env_int("VALTUUDET_TIMEOUT", 10)
# A person's roles are asked again when they matter; an answer serves this long at most.
ORGANISATION_RIGHTS_CACHE_SECONDS = env_int("ORGANISATION_RIGHTS_CACHE_SECONDS", 60)

# Built-in test identity provider (devidp)
# A real OpenID Provider at /devidp that the embedded profile and the tests identify people with,
# in place of Suomi.fi. Never in production: its URLs are not even mounted when it is off.
DEVIDP_ENABLED = env_bool("DEVIDP_ENABLED", DEBUG)
# Its one built-in client is the portal, registered to match the portal's OIDC client settings, so
# switching the portal to an FTN option (OIDC_CLIENT_AUTH=private_key_jwt, ...) needs nothing more.
DEVIDP_CLIENT_ID = OIDC_CLIENT_ID
DEVIDP_CLIENT_SECRET = OIDC_CLIENT_SECRET
DEVIDP_CLIENT_AUTH = OIDC_CLIENT_AUTH
DEVIDP_REQUIRE_SIGNED_REQUESTS = OIDC_SIGNED_REQUESTS
DEVIDP_ENCRYPT_TOKENS = OIDC_ENCRYPTED_ID_TOKEN
# The portal's addresses, as paths on the issuer's own origin (any host and port).
DEVIDP_CALLBACK_PATH = "/identity/oidc/callback/"
DEVIDP_POST_LOGOUT_PATHS = ["/identity/logged-out/"]
DEVIDP_BACKCHANNEL_LOGOUT_PATH = "/identity/oidc/backchannel-logout"
DEVIDP_CLIENT_JWKS_PATH = "/identity/oidc/jwks"

# Its test e-Authorizations service knows the portal by the same settings the portal's client uses.
DEVIDP_VALTUUDET_CLIENT_ID = VALTUUDET_CLIENT_ID
DEVIDP_VALTUUDET_API_KEY = VALTUUDET_API_KEY
DEVIDP_VALTUUDET_OAUTH_PASSWORD = VALTUUDET_OAUTH_PASSWORD
DEVIDP_VALTUUDET_CALLBACK_PATH = "/organisations/e-authorizations/return"

# The GDPR API of Helsinki's profile contract (/gdpr-api/v1/profiles/<sub>): tokens from this
# issuer (its JWKS from its discovery document), for this audience, with the query or delete
# scope and one of the accepted levels of assurance. Without an issuer the API answers 404.
GDPR_API_ISSUER = env_str("GDPR_API_ISSUER").rstrip("/")
GDPR_API_AUDIENCE = env_str("GDPR_API_AUDIENCE")
GDPR_API_QUERY_SCOPE = env_str("GDPR_API_QUERY_SCOPE", "gdprquery")
GDPR_API_DELETE_SCOPE = env_str("GDPR_API_DELETE_SCOPE", "gdprdelete")
GDPR_API_ACCEPTED_LOA = env_list("GDPR_API_ACCEPTED_LOA", ["substantial", "high"])

# The city's staff OpenID Connect provider (docs/operations.md): empty issuer, none offered, and
# staff log in with a password and an authenticator code only.
STAFF_OIDC_ISSUER = env_str("STAFF_OIDC_ISSUER", "").rstrip("/")
STAFF_OIDC_CLIENT_ID = env_str("STAFF_OIDC_CLIENT_ID", "")
STAFF_OIDC_CLIENT_SECRET = env_str("STAFF_OIDC_CLIENT_SECRET", "")
STAFF_OIDC_SCOPE = env_str("STAFF_OIDC_SCOPE", "openid email profile")
