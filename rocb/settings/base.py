"""Settings for every environment, read from environment variables (see `.env.example`)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", default=True)

# A development key is fine while DEBUG is on; anywhere else a real one is required.
_DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of 50 or more characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "accounts.apps.PortalAdminConfig",  # django.contrib.admin, with the staff's second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "reversion",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "crontask",
    "django.contrib.sitemaps",
    "django_prose_editor",
    # The portal's apps, base first: an app may use those above it, never those below.
    "core",
    "administrations",
    "accounts",
    "contacts",
    "library",
    "workplan",
    "outreach",
    "competencies",
    # After the framework: an expert holds its competencies (demo and scale data load in order).
    "experts",
    "needs",
    "portal",
]

MIDDLEWARE = [
    # First: the load balancer's health check by IP address, before the Host header is checked.
    "core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached public pages are answered here, before the session, locale and user are looked at.
    "core.cache.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After authentication (staff may send larger bodies), before anything reads the body.
    "core.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers locked-out login attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rocb.urls"
WSGI_APPLICATION = "rocb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded PostgreSQL of the checkout for development and tests.
# Never the embedded one in production: a server that forgot DATABASE_URL would otherwise start
# on an empty database of its own and look healthy.
_database_url = env_str("DATABASE_URL")
if not _database_url and not DEBUG:
    raise ImproperlyConfigured(
        "DATABASE_URL must be set when DEBUG is off (for example "
        "postgres://user:password@host:5432/rocb): the embedded PostgreSQL is for development "
        "and tests only."
    )
if not _database_url:
    from rocb import embedded_db

    _database_url = embedded_db.ensure_running()
DATABASES = {
    "default": dj_database_url.parse(
        _database_url,
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
        # Behind PgBouncer in transaction mode a cursor cannot outlive its transaction.
        disable_server_side_cursors=env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS"),
    )
}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("DATABASE_URL must name a PostgreSQL database.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (needed with more than one host). Without it, local memory
# in development; in production a folder shared by the host's worker processes, so that an edit
# refreshes the cached pages of every worker.
_redis_url = env_str("REDIS_URL")
if _redis_url:
    CACHES = {
        "default": {
            # Django's Redis backend, serving without the cache while Redis is unreachable.
            "BACKEND": "core.cache_backends.TolerantRedisCache",
            "LOCATION": _redis_url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR") or str(BASE_DIR / ".cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Sessions are read from the cache (no query on a member's request) and written through to the
# database, so none is lost when the cache is emptied or evicts them.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Admin imports keep the uploaded file in the cache between preview and confirmation, so the
# confirmation may reach another host (the cache is Redis there).
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
# Without these django-import-export lets every staff user import and export every model. An
# export needs the model's view permission; an import its add permission (and its change
# permission, which core.admin.AllOrNothingImportMixin adds: an import updates rows too).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Public pages are cached for anonymous visitors; a write to a table a page reads refreshes it at
# once (core.generations). A page that does not name the models it reads reads these apps.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 3600)
# The tests fail on a cached page or fragment reading a table it does not name (core.cache).
CACHE_CHECK_READS = False
PUBLIC_CONTENT_APPS = {
    "administrations",
    "contacts",
    "library",
    "workplan",
    "competencies",
    "outreach",
}
# Written on every expert page read, login or queued mail, and shown by no cached page or
# fragment: their writes move no generation, so they leave the "any table" generation, which
# every cached page looks at first, unchanged (core.generations; the tests fail on a cached page
# or fragment that reads one).
GENERATIONS_UNWATCHED_MODELS = (
    "administrations.AccessLogEntry",
    "sessions.Session",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "django_tasks_database.DBTaskResult",
)

# The currency of the Work Plan's budget: every budget line, contribution and expenditure is
# recorded in it (and carries its code), so totals never mix currencies.
BUDGET_CURRENCY = "EUR"

AUTH_USER_MODEL = "accounts.User"
# Staff give a second factor (an authenticator app's code) before the admin opens: always in
# production; in development only when asked for.
STAFF_SECOND_FACTOR = env_bool("STAFF_SECOND_FACTOR", not DEBUG)
OTP_TOTP_ISSUER = "ROCB Europe"

AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginThrottleBackend",
    "accounts.backends.UserBackend",
]

# Login throttling: the fifth wrong password for one account from one address locks that pair
# out for AXES_COOLOFF_MINUTES (429); staff unlock in the admin (Axes › Access attempts).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "errors/429.html"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_USERNAME_CALLABLE = "accounts.throttling.username"
AXES_SENSITIVE_PARAMETERS = ["password", "username"]
# Number of reverse proxies in front of the portal that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Password resets: an address, and a client (counted as for logins), may ask this many times in
# the window; beyond, 429 (accounts.throttling.password_reset_allowed).
PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
PASSWORD_RESET_LIMIT_PER_CLIENT = 10
PASSWORD_RESET_WINDOW_SECONDS = 3600
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "members:home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language; Russian falls back to it where a text is missing.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date style per language: "1 Dec 2026", «1 дек. 2026 г.» (rocb/formats).
FORMAT_MODULE_PATH = ["rocb.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Baku")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Members-only and staff files: outside MEDIA_ROOT, served only by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "core.files.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Files in an S3-compatible object store when a bucket is named (core/object_storage.py): public
# media under `media/` of AWS_STORAGE_BUCKET_NAME, private files under `private/` of
# AWS_PRIVATE_BUCKET_NAME (the same bucket if unset; its `private/` prefix is never public).
_bucket = env_str("AWS_STORAGE_BUCKET_NAME")
if _bucket:
    _object_store = {
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_object_store,
            "bucket_name": _bucket,
            "location": "media",
            "querystring_auth": False,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "core.object_storage.PrivateObjectStorage",
        "OPTIONS": {
            **_object_store,
            "bucket_name": env_str("AWS_PRIVATE_BUCKET_NAME") or _bucket,
            "location": "private",
        },
    }

# Mail: the console in development; SMTP from EMAIL_URL-style variables in production.
_smtp_host = env_str("EMAIL_HOST")
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp_host,
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 10,
            },
        }
        if _smtp_host
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ROCB Europe <noreply@rocb-europe.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_NOTIFICATION_EMAILS = env_list("STAFF_NOTIFICATION_EMAILS")
# A mail the SMTP server refuses is tried again after 1, 2, 4… minutes, up to MAIL_ATTEMPTS times.
MAIL_ATTEMPTS = env_int("MAIL_ATTEMPTS", 12)
MAIL_RETRY_BASE_SECONDS = env_int("MAIL_RETRY_BASE_SECONDS", 60)

# Background work (mail, reminders, purges): Django's tasks framework, queued in the database
# (django-tasks-db) and run by `manage.py db_worker`; periodic jobs are queued by one
# `manage.py crontask` scheduler (django-crontask), kept to one across hosts by a Redis lock.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
CRONTASK = {"REDIS_URL": _redis_url or None}
# Finished tasks (a queued mail holds its recipients) are deleted after this many days.
TASK_RESULT_RETENTION_DAYS = env_int("TASK_RESULT_RETENTION_DAYS", 14)
# The link an expert keeps their own record with works for this many days after it is sent.
EXPERT_RECORD_LINK_DAYS = env_int("EXPERT_RECORD_LINK_DAYS", 30)
# A withdrawn expert's personal data is erased this many days after the withdrawal (members no
# longer see the record from the moment of withdrawal; a new nomination approved in between
# lists it again).
EXPERT_WITHDRAWN_RETENTION_DAYS = env_int("EXPERT_WITHDRAWN_RETENTION_DAYS", 30)
# The personal-data access log (who read a CV, an expert's record, an export) is kept this long.
ACCESS_LOG_RETENTION_DAYS = env_int("ACCESS_LOG_RETENTION_DAYS", 365)
# The portal's address, for links in mail sent outside a request (e.g. scheduled reminders).
SITE_URL = (
    env_str("SITE_URL")
    or (f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS and not DEBUG else "http://127.0.0.1:8000")
).rstrip("/")

# The font embedded in the PDF progress reports (regular and bold, with Cyrillic glyphs): Debian's
# fonts-dejavu-core, which .ci/run installs where it is missing.
PDF_FONT_DIR = env_str("PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu")

# The domain part of event UIDs in calendar files ("event-<pk>@<domain>"): fixed, so a calendar
# that subscribed through one host name does not duplicate the events when the portal moves.
CALENDAR_UID_DOMAIN = env_str("CALENDAR_UID_DOMAIN", "rocb-europe.org")
# Registrations of an event are erased this many days after it ends (counts are kept).
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 365)
# The office's organisation identifier in IATI (the registration agency's prefix and the number,
# as in the IATI Organisation Identifier list): the reporting organisation of /workplan/iati.xml
# and the first part of each activity's identifier ("<ref>-1.1").
IATI_ORGANISATION_REF = env_str("IATI_ORGANISATION_REF", "XI-IATI-ROCBEU")
# Those holding a seat are reminded of an event this many days before it starts (once each).
EVENT_REMINDER_DAYS = env_int("EVENT_REMINDER_DAYS", 3)

# Security. The portal sits behind a TLS-terminating proxy in production.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Serve /bench/floor, the benchmark's bare reference view (bench/run.py sets it).
BENCHMARK_FLOOR = env_bool("BENCHMARK_FLOOR", default=False)

# Request sizes. A body over REQUEST_BODY_MAX_BYTES (over STAFF_REQUEST_BODY_MAX_BYTES for office
# staff) is refused with 413 before it is read (core.middleware.RequestSizeLimitMiddleware): the
# largest upload of a visitor or member is a 5 MB CV, of staff a document's two 30 MB language
# files in one save. The proxy's limit (nginx client_max_body_size) should equal the staff one.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 8 * 2**20)
STAFF_REQUEST_BODY_MAX_BYTES = env_int("STAFF_REQUEST_BODY_MAX_BYTES", 64 * 2**20)
# Uploads over 2.5 MB go to a temporary file rather than memory; form fields (not files) over
# 10 MB in all are refused by Django (400).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # pgserver narrates every start and stop of the embedded database at INFO, and axes every
    # login; lockouts (WARNING) still show.
    "filters": {"without_traceback": {"()": "core.logfilters.WithoutTraceback"}},
    "loggers": {
        "pgserver": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # A request for a host not in ALLOWED_HOSTS: one line, the host named, no traceback.
        "django.security.DisallowedHost": {"filters": ["without_traceback"]},
    },
}
