"""The one settings module. DEBUG=true selects the embedded profile (`make run`, the tests); without
it the portal runs as production and refuses to start on anything missing or unsafe
(production_checks.py).

Every variable read here is listed in the README with its default.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from asiointi.env import derived_key, env_bool, env_int, env_list, env_str
from asiointi.production_checks import refuse_unless_ready
from asiointi.settings_base import *  # noqa: F403  (paths, the profile, the secret key, logging)
from asiointi.settings_base import DATA_DIR, DEBUG, PACKAGE_DIR, SECRET_KEY
from asiointi.settings_city import *  # noqa: F403  (name, look, advice line)
from asiointi.settings_identification import *  # noqa: F403  (providers, e-Authorizations, devidp)
from asiointi.settings_security import *  # noqa: F403  (HTTPS, cookies, headers, CSP)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if not DEBUG else ["*"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    # Django's admin, on the superusers-only, second-factor site (backoffice/admin_site.py).
    "asiointi.backoffice.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "asiointi",
    "asiointi.identity",
    "asiointi.privacy",
    "asiointi.registration",
    "asiointi.catalogue",
    "asiointi.notify",
    "asiointi.devidp",
    "asiointi.organisations",
    "asiointi.customers",
    "asiointi.folder",
    "asiointi.eforms",
    "asiointi.submissions",
    "asiointi.attachments",
    "asiointi.courses",
    "asiointi.backoffice",
    "asiointi.feedback",
    "asiointi.formeditor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
AUTH_USER_MODEL = "identity.User"

MIDDLEWARE = [
    # First: the request id, log line and latency cover everything below, redirects included.
    "asiointi.operations.middleware.RequestObservationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "asiointi.security.ContentSecurityPolicyMiddleware",
    "asiointi.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "asiointi.identity.middleware.SessionSecurityMiddleware",
    "asiointi.organisations.middleware.RefusalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into its page
]

ROOT_URLCONF = "asiointi.urls"
WSGI_APPLICATION = "asiointi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "asiointi.context_processors.portal",
                "asiointi.customers.acting.acting_context",
            ],
        },
    },
]
if not DEBUG:
    # Cached templates: parsing them on every request would cost more than rendering.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [  # type: ignore[index]
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

# Database: SQLite (WAL) embedded; DATABASE_URL selects PostgreSQL.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    # Health checks: a kept connection the server has ended (a restart, pg_terminate_backend)
    # is replaced before the request uses it, instead of failing it.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "asiointi.sqlite3"),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: local memory and the database embedded; REDIS_URL selects Redis for both.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "asiointi.cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "asiointi",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Production without PostgreSQL or Redis runs one process only, and says so with this.
SINGLE_PROCESS = env_bool("SINGLE_PROCESS", False)
# How many reverse proxies of the city's own stand in front of the portal; the client's address is
# read that many hops from the right of X-Forwarded-For (client_ip.py). 0: REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")

# Background work: without a broker, tasks run in-process after the commit (embedded profile).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Europe/Helsinki"
# A task taken by a worker that dies (kill -9, a lost machine) goes back to the queue after this
# many seconds; it must be longer than any task runs or waits for its retry (an hour at most).
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 2 * 60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# The worker logs through LOGGING (JSON in production) like the web nodes.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Passwords are for platform superusers in the admin only (residents identify strongly). Axes comes
# first so a locked-out login is refused before the password is checked; it has no get_user, so
# sessions (and the tests' force_login) belong to ModelBackend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
# Username and address together: a stranger guessing cannot lock a superuser out everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "asiointi.client_ip.client_ip"
AXES_ONLY_ADMIN_SITE = True
AXES_HANDLER = "asiointi.backoffice.lockout.AdminLoginHandler"
AXES_LOCKOUT_CALLABLE = "asiointi.backoffice.lockout.lockout_response"
# Attempts during a lockout do not extend it: it ends AXES_COOLOFF_MINUTES after the last
# counted failure.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Asiointi"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Finnish first and default, then Swedish and English.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi",)
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Dates, times and numbers as each language writes them (asiointi/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["asiointi.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "asiointi_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
# Files: a directory every node shares (FILES_DIR, e.g. NFS), or an S3-compatible bucket.
FILES_DIR = Path(env_str("FILES_DIR", str(DATA_DIR)))
MEDIA_ROOT = FILES_DIR / "media"
S3_BUCKET = env_str("S3_BUCKET")
S3_OPTIONS = {
    "bucket_name": S3_BUCKET,
    "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
    "access_key": env_str("S3_ACCESS_KEY_ID") or None,
    "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
    "region_name": env_str("S3_REGION") or None,
    "default_acl": None,  # the bucket's own: private
    "querystring_auth": True,
    "file_overwrite": False,
}
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**S3_OPTIONS, "location": "media"},
        }
        if S3_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    # Residents' attachments: outside MEDIA_ROOT and never given a URL; only the permission-checked
    # download view reads them.
    "attachments": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**S3_OPTIONS, "location": "attachments"},
        }
        if S3_BUCKET
        else {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(FILES_DIR / "attachments"), "base_url": "/-/"},
        }
    ),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Embedded: WhiteNoise serves straight from the apps' static folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Personal identity codes: a hash key for lookups and encryption keys (first encrypts, all decrypt).
# Production must set its own, kept apart from SECRET_KEY: losing them loses every stored code.
IDENTITY_CODE_HASH_KEY = env_str("IDENTITY_CODE_HASH_KEY")
IDENTITY_CODE_ENCRYPTION_KEYS = env_list("IDENTITY_CODE_ENCRYPTION_KEYS", [])
if DEBUG:
    IDENTITY_CODE_HASH_KEY = IDENTITY_CODE_HASH_KEY or f"hash:{SECRET_KEY}"
    IDENTITY_CODE_ENCRYPTION_KEYS = IDENTITY_CODE_ENCRYPTION_KEYS or [
        derived_key(SECRET_KEY, "identity-code")
    ]
# Sent forms are stored encrypted (first key encrypts, all decrypt: put a new key first to rotate).
SUBMISSION_ENCRYPTION_KEYS = env_list("SUBMISSION_ENCRYPTION_KEYS", [])
if DEBUG and not SUBMISSION_ENCRYPTION_KEYS:
    SUBMISSION_ENCRYPTION_KEYS = [derived_key(SECRET_KEY, "submission")]
# Where sent forms are delivered: an agency system's HTTPS endpoint taking the answers as JSON;
# empty delivers them to the agency's queue in the back office and tells the agency by e-mail.
SUBMISSION_DELIVERY_URL = env_str("SUBMISSION_DELIVERY_URL")
SUBMISSION_DELIVERY_ATTEMPTS = env_int("SUBMISSION_DELIVERY_ATTEMPTS", 5)
# Codes with individual numbers 900-999 belong to test persons (Suomi.fi test environment).
ACCEPT_TEST_IDENTITY_CODES = env_bool("ACCEPT_TEST_IDENTITY_CODES", DEBUG)


LOGIN_URL = "identity:login"
SESSION_IDLE_TIMEOUT_SECONDS = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60)
SESSION_MAX_AGE_SECONDS = env_int("SESSION_MAX_AGE_SECONDS", 8 * 60 * 60)
STAFF_SESSION_IDLE_TIMEOUT_SECONDS = env_int("STAFF_SESSION_IDLE_TIMEOUT_SECONDS", 15 * 60)
BACKOFFICE_PAGE_SIZE = 25
BACKOFFICE_EXPORT_MAX_ROWS = env_int("BACKOFFICE_EXPORT_MAX_ROWS", 10_000)
SESSION_COOKIE_AGE = SESSION_MAX_AGE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True


# Feedback (feedback): sends per client address and hour; the agency answering feedback on the
# portal itself (the accessibility statement's route), by its identifier (slug).
FEEDBACK_PER_HOUR = env_int("FEEDBACK_PER_HOUR", 10)
FEEDBACK_PORTAL_AGENCY = env_str("FEEDBACK_PORTAL_AGENCY", "kaupunginkanslia")

# How long an anonymous catalogue page may be served from the cache before it is rendered again.
CATALOGUE_CACHE_SECONDS = env_int("CATALOGUE_CACHE_SECONDS", 300)
CATALOGUE_LOCAL_CACHE_SECONDS = env_int("CATALOGUE_LOCAL_CACHE_SECONDS", 2)

# Notifications: e-mail and SMS (notify)
# The embedded profile keeps every message in a development outbox readable in the browser;
# production sends through SMTP and an HTTP SMS gateway, and fails loudly when either is missing.
DEV_OUTBOX_ENABLED = env_bool("DEV_OUTBOX_ENABLED", DEBUG)
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@asiointi.invalid")
# Where Django's file e-mail backend (EMAIL_BACKEND=...filebased.EmailBackend) writes.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "asiointi.notify.outbox.OutboxEmailBackend"
    if DEV_OUTBOX_ENABLED
    else "asiointi.notify.mail.UnconfiguredEmailBackend"
)
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL")
SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN")
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 10)
SMS_SENDER = env_str("SMS_SENDER", "Helsinki")
SMS_BACKEND = env_str("SMS_BACKEND") or (
    "asiointi.notify.sms.HttpSmsGateway"
    if SMS_GATEWAY_URL
    else "asiointi.notify.outbox.OutboxSmsGateway"
    if DEV_OUTBOX_ENABLED
    else ""  # sending a text message raises ImproperlyConfigured
)
# A customer's notification is tried this many times by the worker, pausing 30 s, 1 min, 2 min …
# (at most an hour) between attempts, before its record says it could not be sent.
NOTIFICATION_ATTEMPTS = env_int("NOTIFICATION_ATTEMPTS", 8)


# Attachments: every file is scanned by the ClamAV daemon before it is accepted.
# CLAMAV_ADDRESS is unix:///path/to/clamd.sock or tcp://host:port.
CLAMAV_ADDRESS = env_str("CLAMAV_ADDRESS", "unix:///var/run/clamav/clamd.ctl")
CLAMAV_TIMEOUT_SECONDS = env_int("CLAMAV_TIMEOUT_SECONDS", 30)
# Off only in the embedded profile: with no scanner running, files are accepted unscanned and a
# warning is logged. Production never accepts a file the scanner has not passed.
CLAMAV_REQUIRED = env_bool("CLAMAV_REQUIRED", not DEBUG)
# Attachments not taken into a draft, submission or message by then are deleted (attachments_prune).
ATTACHMENT_UNHELD_HOURS = env_int("ATTACHMENT_UNHELD_HOURS", 24)
# Zip containers (Word, Excel, OpenDocument, zip) declaring more than this unpacked, a higher
# unpacked/packed ratio (counted above 1 MB unpacked) or more entries are refused as suspicious.
ATTACHMENT_ZIP_MAX_UNPACKED_MB = env_int("ATTACHMENT_ZIP_MAX_UNPACKED_MB", 100)
ATTACHMENT_ZIP_MAX_RATIO = env_int("ATTACHMENT_ZIP_MAX_RATIO", 100)
ATTACHMENT_ZIP_MAX_ENTRIES = env_int("ATTACHMENT_ZIP_MAX_ENTRIES", 10000)
# "Download my data": one copy at a time per customer, at most this many in 24 hours.
DATA_EXPORTS_PER_DAY = env_int("DATA_EXPORTS_PER_DAY", 3)
# The enrollments' default retention after their course ended, read once: when the retention
# rules are first made (privacy migration 0003). After that the rules in the admin decide.
COURSE_ENROLLMENT_RETENTION_DAYS = env_int("COURSE_ENROLLMENT_RETENTION_DAYS", 365)

# Scheduled work for `celery -A asiointi beat` (production); apps add their own entries here.
CELERY_BEAT_SCHEDULE = {
    "attachments-prune": {
        "task": "asiointi.attachments.tasks.attachments_prune",
        "schedule": 60 * 60,
    },
    # Every retention rule (privacy.retention); `manage.py retention_apply` without a broker.
    "retention": {
        "task": "asiointi.privacy.tasks.retention_apply_task",
        "schedule": 24 * 60 * 60,
    },
}


# Prometheus metrics at /metrics (asiointi/operations/metrics.py) for a scraper sending
# "Authorization: Bearer <METRICS_TOKEN>"; without a token the address does not exist.
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_QUEUES = env_list("METRICS_QUEUES", ["celery"])

# Last, on the finished settings: production refuses to start on anything missing or unsafe.
if not DEBUG:
    refuse_unless_ready(globals())
