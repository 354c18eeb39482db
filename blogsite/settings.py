"""Settings for the On Probation forum.

Everything that differs between a laptop and a server comes from the
environment: DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and DJANGO_DEBUG.
With none of them set you get an embedded SQLite database under var/ and a
secret key generated on first use into var/ (never committed).

Behind HTTPS set DJANGO_HTTPS=1 (secure cookies, HSTS, redirect to https),
and BEHIND_PROXY=1 when a proxy terminates TLS and sets X-Forwarded-Proto.
Then SECRET_KEY must come from the environment: `manage.py check --deploy`
is clean with exactly those three variables and ALLOWED_HOSTS.
"""
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ONPROBATION_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key():
    """Use SECRET_KEY from the environment, else a per-checkout key in var/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = _env_bool("DJANGO_DEBUG", default=False)
HTTPS = _env_bool("DJANGO_HTTPS")
if HTTPS and not DEBUG and not os.environ.get("SECRET_KEY"):
    # A key generated into var/ differs per container or host: sessions,
    # CSRF tokens and the rate-limit salt would break between workers.
    raise ImproperlyConfigured("DJANGO_HTTPS=1 without DJANGO_DEBUG needs SECRET_KEY in the environment.")
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    # The admin with a login that refuses repeated failures (blogsite.admin_site).
    "blogsite.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "mptt",
    "blogsite",
    "comments",
    "moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so static files get the headers too.
    "blogsite.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "blogsite.urls"
WSGI_APPLICATION = "blogsite.wsgi.application"

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
                "blogsite.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Sessions and comment writes from several requests at once: wait for the
    # write lock instead of failing with "database is locked".
    # IMMEDIATE: a writing transaction takes SQLite's write lock when it
    # begins, so two writers never interleave inside a comment tree.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )

# comments.locks: off only to demonstrate, in a test, what goes wrong without.
COMMENT_TREE_LOCKS = _env_bool("COMMENT_TREE_LOCKS", default=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Hashed, compressed file names need `collectstatic` first: servers that run
# it (make serve, the container) set STATIC_MANIFEST=1; tests and runserver
# read the files straight from the apps.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if _env_bool("STATIC_MANIFEST")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Tests and `make run` serve static files straight from the apps.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SITE_NAME = "On Probation"
# The public address, for exports, feeds and canonical links.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_TAGLINE = "A forum for probation staff, past and present"
POSTS_PER_PAGE = 10

# -- Comments and moderation -------------------------------------------------
# screen: clean comments publish at once, those that trip a rule are held;
# all: every new comment is held for a moderator; off: nothing is held.
MODERATION_MODE = os.environ.get("MODERATION_MODE", "screen")
MODERATION_REPORTS_TO_HOLD = int(os.environ.get("MODERATION_REPORTS_TO_HOLD", "3"))
COMMENT_MAX_LENGTH = 5000
COMMENT_MIN_LENGTH = 2
COMMENT_NAME_MAX_LENGTH = 50
# Deeper than this, indentation stops meaning anything (and a forged chain
# of parent ids could nest thousands deep): replies go further up instead.
COMMENT_MAX_DEPTH = 50
COMMENT_THREADS_PER_PAGE = 200  # top-level threads per page, as Blogger
THREAD_CACHE_SECONDS = 600  # versioned anyway: any change shows at once
# (requests, seconds) per client, keyed on a salted hash of the address that
# changes every day; the address itself is never stored.
# COMMENT_RATE_LIMIT_PER_10MIN raises it for load runs (bench/load.py), where
# every writer shares the loopback address.
COMMENT_RATE_LIMIT = (int(os.environ.get("COMMENT_RATE_LIMIT_PER_10MIN", "5")), 600)
REPORT_RATE_LIMIT = (10, 3600)

# -- Security headers and HTTPS ----------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Sent on every response by blogsite.middleware (Django 5.2 has no CSP of its
# own). Everything is served from this site: no inline script or style, and
# no third party, which is also the privacy promise in the footer.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
# Failed admin logins per client and per username: (failures, seconds).
ADMIN_LOGIN_RATE_LIMIT = (5, 15 * 60)

if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preload is opt-in (DJANGO_HSTS_PRELOAD=1): once the domain is on the
    # browsers' preload list, taking it off takes months, and every subdomain
    # must serve HTTPS meanwhile. The owner of the domain decides, not a
    # default, so the check asking for it (W021) is silenced until then.
    SECURE_HSTS_PRELOAD = _env_bool("DJANGO_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
if _env_bool("BEHIND_PROXY"):
    # Only behind a proxy that sets this header itself and strips it from
    # clients; otherwise anyone could claim a request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# -- Search, feeds, sitemap --------------------------------------------------
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text search (blogsite.search) uses django.contrib.postgres.search.
    INSTALLED_APPS += ["django.contrib.postgres"]
