"""Settings shared by every environment. Environment variables drive what differs.

Documented variables (see README.md): DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS,
DATELINE_BASE_URL, MEDIA_ROOT, STATIC_ROOT, EMAIL_URL-like SMTP settings, DATELINE_* options.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


# Local state of the embedded default (SQLite database, media, collected static files).
VAR_DIR = Path(os.environ.get("DATELINE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dateline-insecure-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Dateline apps first so their templates override third-party ones.
    "dateline.accounts",
    "dateline.caching",
    "dateline.mediabank",
    "dateline.news",
    "dateline.syndication",
    "dateline.newsroom",
    "dateline.discussion",
    "dateline.live",
    "dateline.demo",
    "dateline.guard",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Readers' accounts
    "allauth",
    "allauth.account",
    # Two-factor sign-in (authenticator apps and recovery codes), for staff above all.
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tasks",
]

MIDDLEWARE = [
    # First: a body over its route's cap is refused before anything reads it (guard/bodies.py).
    "dateline.guard.bodies.BodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Deadlines on a request's queries, and a 503 while the database does not answer
    # (guard/outage.py); static files above are served without it.
    "dateline.guard.outage.DatabaseOutageMiddleware",
    # Documents without Wagtail's literal "Content-Encoding: None" (guard/documents.py).
    "dateline.guard.documents.DocumentHeadersMiddleware",
    # Before the rest: it sees every header they add (docs/caching.md).
    "dateline.caching.middleware.CachingMiddleware",
    "dateline.news.memo.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Wagtail views that would name a page the user may not see (newsroom/middleware.py).
    "dateline.newsroom.middleware.PageVisibilityMiddleware",
    # The newsroom's searches within their limits, with a message (guard/searches.py).
    "dateline.guard.searches.AdminSearchLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff sign-in (docs/security.md): the code asked for, and wrong page passwords throttled.
    "dateline.accounts.staff_login.TwoFactorMiddleware",
    "dateline.accounts.page_passwords.PagePasswordThrottleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Only admin requests see photos under embargo (dateline/mediabank/embargo.py).
    "dateline.mediabank.embargo.ReadersViewMiddleware",
]

ROOT_URLCONF = "dateline.urls"
ASGI_APPLICATION = "dateline.asgi.application"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "dateline.news.context_processors.edition",
            ],
        },
    },
]

# Database: SQLite by default (the embedded demo), anything dj-database-url reads otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search and system checks need it on PostgreSQL.
    INSTALLED_APPS.append("django.contrib.postgres")
    # Nothing waits for ever on the database (docs/security.md, "When the database freezes"):
    # connecting, a statement, a lock, a transaction left idle; keepalives find a vanished
    # server. A command running longer statements (a migration on a big table, a bulk load)
    # is started with DATABASE_STATEMENT_TIMEOUT=0.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _server = {
        "statement_timeout": env("DATABASE_STATEMENT_TIMEOUT", "30s"),
        "lock_timeout": env("DATABASE_LOCK_TIMEOUT", "10s"),
        "idle_in_transaction_session_timeout": env("DATABASE_IDLE_TRANSACTION_TIMEOUT", "60s"),
    }
    _options["options"] = " ".join(
        [_options.get("options", ""), *(f"-c {name}={value}" for name, value in _server.items())]
    ).strip()
    _options.setdefault("connect_timeout", int(env("DATABASE_CONNECT_TIMEOUT", "3")))
    _options.update(keepalives=1, keepalives_idle=30, keepalives_interval=10, keepalives_count=3)
    # Under ASGI Django answers each request in a thread of its own: persistent connections
    # would be one per thread, left open when the thread ends (and PostgreSQL refuses the
    # hundred-and-first). The threads share a pool instead.
    if env_bool("DATABASE_POOL", True):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": int(env("DATABASE_POOL_SIZE", "12")),
            # Seconds a request waits for a connection of the pool (then a 503).
            "timeout": int(env("DATABASE_POOL_TIMEOUT", "5")),
        }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA mmap_size=134217728; PRAGMA cache_size=-8000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def code_fingerprint():
    """Changes with any template or module of Dateline: kept fragments of another release
    are never used (their HTML came from other templates)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in (".html", ".py", ".mo") and "tests" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


DATELINE_RELEASE = env("DATELINE_RELEASE") or code_fingerprint()

# Caches: Redis when REDIS_URL is set (shared by the workers), local memory otherwise.
# "fragments" keeps parts of pages rendered (caching/fragments.py): whatever it holds is checked
# against the database before use, so an outage or a flush only costs renders.
REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", "dateline")
if REDIS_URL:
    _redis = {
        # Django's Redis cache, failing soft: an outage reads as misses, never as a 500.
        "BACKEND": "dateline.caching.redis_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": CACHE_KEY_PREFIX},
        "fragments": {**_redis, "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:f:{DATELINE_RELEASE}"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dateline",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dateline-fragments",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
DATELINE_FRAGMENTS = env_bool("DATELINE_FRAGMENTS", True)

# The shared page cache (docs/caching.md): nginx with deploy/nginx/dateline.conf, one URL per
# nginx server (comma-separated); changes are purged or refreshed there. How long it keeps a
# page, and "not found" or a redirect (seconds); browsers always revalidate.
DATELINE_SHARED_CACHES = env_list("DATELINE_SHARED_CACHES")
DATELINE_SHARED_MAX_AGE = int(env("DATELINE_SHARED_MAX_AGE", "600"))
DATELINE_SHORT_MAX_AGE = 5
# Purges are sent by a thread of each server process; tests send them at once.
DATELINE_PURGE_INLINE = False
# CDNs in front, purged by URL through Wagtail's front-end cache backends (set in a settings
# module of your own: Cloudflare, CloudFront, Azure...). They get s-maxage.
WAGTAILFRONTENDCACHE = {}

# Sessions live in the database (optionally cached), never in the cache alone: a cache
# outage must not log everybody out or hang logins.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Readers' accounts (allauth); the discussion issue builds on this.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True

# Internationalisation: each edition is a language; the edition is the URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Form data (files apart) Django accepts, and the size past which an upload goes to disk; the
# body caps per route: DATELINE_GUARD (dateline/guard/conf.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATELINE_GUARD = {}

# Tasks: in-process by default; production may point this at a worker backend.
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}
}

# Wagtail
WAGTAIL_SITE_NAME = env("DATELINE_SITE_NAME", "Dateline")
WAGTAILADMIN_BASE_URL = env("DATELINE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "mediabank.Photo"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env("DATELINE_IMAGE_MAX_BYTES", str(25 * 1024 * 1024)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("DATELINE_IMAGE_MAX_PIXELS", str(50_000_000)))
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp"}
# Photos (dateline/mediabank, docs/security.md "Hostile images"): the newsroom's upload form
# also limits frames; renditions readers ask for before they exist are made in the background.
WAGTAILIMAGES_IMAGE_FORM_BASE = "dateline.mediabank.forms.PhotoForm"
DATELINE_IMAGE_MAX_FRAMES = int(env("DATELINE_IMAGE_MAX_FRAMES", "100"))
DATELINE_RENDITION_QUEUE_SIZE = 64
DATELINE_RENDITIONS_MAKER = "thread"  # dateline/mediabank/tasks.py
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "document-link"]},
    }
}

# Dateline
DATELINE_AGENCY = env("DATELINE_AGENCY", "Dateline")
DATELINE_ARTICLES_PER_PAGE = 20
DATELINE_PHOTOS_PER_PAGE = 24

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Discussion (dateline.discussion)
# Limits and rates of the discussion; see dateline/discussion/conf.py for every key.
DATELINE_DISCUSSION = {}
# Login throttling and signup/reset limits (allauth's counters live in the cache): failed
# logins per address and per IP, signups and password resets per IP.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "10/m/ip,50/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Staff sign-in (docs/security.md, dateline/accounts/throttles.py): failed attempts allowed,
# and the window (seconds) they are counted in, per account and per client address on the
# admin's login, per address and per restriction on the passwords of private pages.
WAGTAILADMIN_USER_LOGIN_FORM = "dateline.accounts.staff_login.StaffLoginForm"
DATELINE_SIGN_IN_THROTTLES = {
    "admin_account": (5, 900),
    "admin_address": (20, 900),
    "page_password_address": (10, 600),
    "page_password_restriction": (30, 600),
}
# Two-factor sign-in (allauth.mfa): an authenticator app's codes, with recovery codes. When
# required, everyone who may use the admin sets it up before the admin opens.
DATELINE_STAFF_REQUIRE_TWO_FACTOR = env_bool("DATELINE_STAFF_REQUIRE_TWO_FACTOR", False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("DATELINE_SITE_NAME", "Dateline")
# Sign-in throttles count per client address as allauth reads it: behind nginx (which appends
# to X-Forwarded-For) set 1, or every reader is nginx's address; never above the proxies there.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("DATELINE_TRUSTED_PROXY_COUNT", "0"))
# Readers' user names are not made from their e-mail; signup asks for the name shown.
ACCOUNT_ADAPTER = "dateline.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "dateline.accounts.forms.SignupExtraForm"

# Live (dateline.live)
# The broker fans live events out: in-process by default, Redis pub/sub when REDIS_URL is set
# (required with more than one server process). See docs/live.md.
DATELINE_LIVE = {
    "BACKEND": (
        "dateline.live.backends.redis.RedisBroker"
        if REDIS_URL
        else "dateline.live.backends.memory.MemoryBroker"
    ),
    **({"URL": REDIS_URL} if REDIS_URL else {}),
    # Empty: follow the cache's key prefix (test runs on a shared Redis stay apart).
    "KEY_PREFIX": env("DATELINE_LIVE_KEY_PREFIX", ""),
    "REPLAY": int(env("DATELINE_LIVE_REPLAY", "500")),
    "QUEUE_SIZE": int(env("DATELINE_LIVE_QUEUE_SIZE", "64")),
    # Read by the stream app, not the broker.
    "STREAM_URL": env("DATELINE_LIVE_STREAM_URL", ""),
    "HEARTBEAT": float(env("DATELINE_LIVE_HEARTBEAT", "15")),
    "MAX_CONNECTIONS_PER_IP": int(env("DATELINE_LIVE_MAX_PER_IP", "32")),
    # Proxies (addresses or networks) whose X-Forwarded-For names the reader, for that cap.
    "TRUSTED_PROXIES": env_list("DATELINE_LIVE_TRUSTED_PROXIES"),
    # Seconds without a pub/sub message before the Redis listener checks its connection.
    "HEALTH_CHECK": float(env("DATELINE_LIVE_HEALTH_CHECK", "10")),
    "RETRY_MS": 3000,
}
TEMPLATES[0]["OPTIONS"]["context_processors"].append("dateline.live.context_processors.live")
