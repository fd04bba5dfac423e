"""Settings, entirely from the environment.

`DATABASE_URL` unset means a developer machine: the embedded PostgreSQL in var/ is started
and used, and a random SECRET_KEY is kept in var/secret_key. In production (the compose file)
`DATABASE_URL` and `SECRET_KEY` come from the environment and DEBUG is off unless asked for.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable (`1`, `true`, `yes`, `on` mean yes)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", default=False)
EMBEDDED_DATABASE = not os.environ.get("DATABASE_URL")


def _local_secret_key() -> str:
    # Only for a developer machine: each checkout gets its own random key, never a literal.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or ""
if not SECRET_KEY:
    if not EMBEDDED_DATABASE:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
    SECRET_KEY = _local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if EMBEDDED_DATABASE else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "minutes",
    "alerts",
]
# The development app (sample protocols, benchmarks) is not in the production image.
if importlib.util.find_spec("devtools") is not None:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "archive.request_limits.RequestSizeLimitMiddleware",
    "archive.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who made a change, for the history of corrections (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


if EMBEDDED_DATABASE:
    from archive.embedded_db import DATABASE_NAME

    DATABASES = {
        "default": {
            "ENGINE": "archive.embedded_backend",
            "NAME": DATABASE_NAME,
            "USER": "postgres",
            "CONN_MAX_AGE": 60,
        }
    }
else:
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
# Planner settings for this workload, per connection, whatever the server: the archive's
# hot data sits in memory, so a random page read costs little more than a sequential one
# (with the default 4, PostgreSQL scanned the whole meeting table to join 1,000 search hits
# to their meetings); and JIT compiling pays off for long analytic queries, not for
# searches answered in milliseconds.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = os.environ.get(
    "DATABASE_SESSION_OPTIONS", "-c random_page_cost=1.1 -c jit=off"
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/konto/logga-in/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Swedish for everyone: strings go through gettext so a translation can be added, but no
# browser's Accept-Language switches the archive to a half-translated English.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# The bulk exports (`manage.py export_data`) that /data/ lists.
DATA_EXPORT_ROOT = Path(os.environ.get("DATA_EXPORT_ROOT", MEDIA_ROOT / "data"))
# Where the accessibility statement (/tillganglighet/) asks readers to report problems.
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The result pages list at most this many matches of a search, the best (or a word in
# very many items, its newest) ranked (minutes/search/query.py, docs/performance.md).
SEARCH_RANK_WINDOW = 1_000

# Uploads are protocols, at most a few MB; the form checks its own limit with a message.
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# An upload is parsed in a child that may grow this much and run this long (bounded_parse).
UPLOAD_PARSE_MEMORY_BYTES = int(os.environ.get("UPLOAD_PARSE_MEMORY_BYTES", str(350 * 10**6)))
UPLOAD_PARSE_SECONDS = float(os.environ.get("UPLOAD_PARSE_SECONDS", "9"))

# Mail (the alerts): Django's backends, configured from the environment. SMTP in
# production; on a developer machine each mail is a file in var/mail.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.filebased.EmailBackend"
    if EMBEDDED_DATABASE
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
# Seconds an SMTP server may take to answer: a slow one must not hold up the others' mail.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT") or "10")
_MAIL_HOST = next((h.lstrip(".") for h in ALLOWED_HOSTS if "*" not in h), "localhost")
DEFAULT_FROM_EMAIL = (
    os.environ.get("DEFAULT_FROM_EMAIL") or f"Protokollarkivet <noreply@{_MAIL_HOST}>"
)
# Where the links in mails point (no request to read the host from when a command sends).
SITE_URL = (
    os.environ.get("SITE_URL")
    or ("http://127.0.0.1:8000" if EMBEDDED_DATABASE else "")
    or (f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else "")
).rstrip("/")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# How clerks reach the site: "https" (the default) or "http", a local try-out of the compose
# file without a certificate, where a Secure cookie would never come back and nobody could
# sign in. The compose file gives nginx the same value; SECURE_COOKIES may override it.
SITE_SCHEME = os.environ.get("SITE_SCHEME") or "https"
if SITE_SCHEME not in {"https", "http"}:
    raise ImproperlyConfigured("SITE_SCHEME must be https or http.")
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=SITE_SCHEME == "https")
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Only behind a proxy that always sets X-Forwarded-Proto itself (deploy/nginx) may the
    # header say a request came over https; from a client it would be a lie.
    if env_bool("TRUST_X_FORWARDED_PROTO"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Hardening (issue 16): login throttling, password cost, CSP, import timeouts ---------
# django-axes counts failed logins in the database (shared by every worker): 20 wrong
# passwords lock that account, and 20 from one address lock that address, for
# LOGIN_LOCKOUT_MINUTES, on the site's own login page and the admin's alike.
INSTALLED_APPS += ["axes", "csp"]
MIDDLEWARE += ["csp.middleware.CSPMiddleware", "axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "20"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own, not the pair
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a proxy every request comes from the proxy's address; only a proxy that sets
# X-Forwarded-For itself (deploy/nginx) may name the client's.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", default=False)
AXES_CLIENT_IP_CALLABLE = "archive.client_address.client_address"
AXES_VERBOSE = False
# Argon2id at the parameters OWASP names as its baseline (19 MiB, two passes, one lane):
# 20 ms of CPU a login, a tenth of Django's PBKDF2 default (docs/performance.md). Older
# hashes still verify and are upgraded at the next login.
PASSWORD_HASHERS = [
    "archive.hashers.ModestArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
# Only the archive's own files: no inline script or style, no plugins, never in a frame.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Import connections (`import_minutes`): a statement stuck behind a lock, or a transaction
# left open by a killed importer, is ended by the server (PostgreSQL units, 0 = no limit).
# A file's import is one short transaction; a bulk load's one transaction waits for its
# parse workers between batches, and rebuilds indexes in single statements.
IMPORT_STATEMENT_TIMEOUT = os.environ.get("IMPORT_STATEMENT_TIMEOUT", "30min")
IMPORT_IDLE_IN_TRANSACTION_TIMEOUT = os.environ.get("IMPORT_IDLE_IN_TRANSACTION_TIMEOUT", "10s")
BULK_IDLE_IN_TRANSACTION_TIMEOUT = os.environ.get("BULK_IDLE_IN_TRANSACTION_TIMEOUT", "5min")
