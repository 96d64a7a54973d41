"""Settings shared by every environment.

Everything that differs between machines comes from the environment, so the
same code runs on a laptop with SQLite and on several hosts with PostgreSQL.
"""
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "trainingcenter"
VAR_DIR = Path(os.environ.get("TRAININGCENTER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Absolute address used in e-mails and calendar files, where no request is at hand.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    # Staff sign-in: lockout after failed attempts, two-factor codes (organiser.lockout, organiser.two_factor).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "trainingcenter.core",
    "trainingcenter.mailer",
    "trainingcenter.center",
    "trainingcenter.programs",
    "trainingcenter.meetings",
    "trainingcenter.registrations",
    "trainingcenter.news",
    "trainingcenter.attendance",
    "trainingcenter.certificates",
    "trainingcenter.surveys",
    "trainingcenter.reports",
    "trainingcenter.search",
    # Interface apps: pages and endpoints over the data apps above.
    "trainingcenter.public",
    "trainingcenter.organiser",
    "trainingcenter.api",
    "trainingcenter.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "trainingcenter.core.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "trainingcenter.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "trainingcenter.organiser.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: it swaps in the lockout page, which the middleware above then treat like any page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "trainingcenter.urls"
WSGI_APPLICATION = "trainingcenter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trainingcenter.center.context_processors.center",
            ],
        },
    },
]


def database_from_environment():
    """PostgreSQL (or any database) from DATABASE_URL, else SQLite in var/.

    SQLite runs in WAL mode with IMMEDIATE transactions: a transaction takes the
    write lock when it begins, so two registrations can never both read a free
    seat and then both write. The busy timeout makes the second one wait
    instead of failing with "database is locked".

    PostgreSQL binds parameters on the server and keeps a query's plan once it
    has run five times on a connection (psycopg's prepared statements): the
    queries asked on every request (a cached page's seats or figures, a
    registration's checks) are planned once per connection instead of on
    every execution; planning was most of their cost (the report page's
    figures query: 4.1 ms, 0.6 ms prepared). A connection pooler that cannot
    keep prepared statements (PgBouncer before 1.21 in transaction mode) needs
    DATABASE_PREPARED_STATEMENTS=0.
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        config.setdefault("TEST", {})
        if config["ENGINE"].endswith("postgresql") and os.environ.get("DATABASE_PREPARED_STATEMENTS", "1") != "0":
            config.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
        return config
    # SQLite cannot create the folder its file lives in.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "db.sqlite3",
        # Kept open between requests and tasks, as PostgreSQL's are: opening the
        # file and its WAL and running the PRAGMAs again cost more than a small
        # task itself (an empty task took 6.8 ms of CPU and 18.8 ms in all with a
        # new connection each, 1.8 and 1.9 ms with one kept open). The health
        # check drops a connection that broke.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
            ),
        },
        "TEST": {"NAME": str(VAR_DIR / "test.sqlite3")},
    }


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_environment():
    """Redis when CACHE_URL says so (shared by several hosts), else files in var/.

    A file cache is shared by all gunicorn workers of one machine, which is
    what rate limits need; a per-process memory cache would not be.
    """
    url = os.environ.get("CACHE_URL", "")
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return {
        "BACKEND": "trainingcenter.core.cache.FileCache",
        "LOCATION": str(VAR_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }


CACHES = {"default": cache_from_environment()}
# Public pages are kept whole for anonymous visitors (trainingcenter.core.pagecache) this
# long at most; every change they show invalidates them sooner. 0 turns the cache off.
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "3600"))

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Axes first: it refuses a locked-out sign-in before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# Our own date and time formats over Django's: one clock per language (24-hour
# in each), the same on pages, in e-mails and in calendar texts.
FORMAT_MODULE_PATH = ["trainingcenter.formats"]

# Content fields (titles, summaries, bionotes) are stored per language and fall
# back to English where a translation is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Messages travel in a signed cookie so anonymous visitors get no session row.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"


def email_from_environment():
    """SMTP when EMAIL_HOST is set; otherwise each message is a file in var/mail/."""
    if os.environ.get("EMAIL_HOST"):
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": os.environ["EMAIL_HOST"],
            "EMAIL_PORT": int(os.environ.get("EMAIL_PORT", "25")),
            "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", False),
            "EMAIL_TIMEOUT": int(os.environ.get("EMAIL_TIMEOUT", "20")),
        }
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(VAR_DIR / "mail"),
    }


globals().update(email_from_environment())
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "BTBU-ECOSF Joint Training Center <training@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail left 'sending' this long by a worker that died is sent again (see mailer.services).
MAIL_STALE_CLAIM_SECONDS = int(os.environ.get("MAIL_STALE_CLAIM_SECONDS", str(15 * 60)))

# Public registration rate limits ("20/h", "5/m", "100/d", "30/10m"; "0" = off):
# strict per e-mail address, generous per client address, so that a delegation
# registering from one office or campus network is not locked out.
REGISTRATION_RATE_LIMIT_PER_EMAIL = os.environ.get("REGISTRATION_RATE_LIMIT_PER_EMAIL", "5/h")
REGISTRATION_RATE_LIMIT_PER_ADDRESS = os.environ.get("REGISTRATION_RATE_LIMIT_PER_ADDRESS", "200/h")
# The switch over both: empty uses the two above; "0" turns both off (tests,
# benchmarks); a rate applies to both, as it did before the limit was split.
REGISTRATION_RATE_LIMIT = os.environ.get("REGISTRATION_RATE_LIMIT", "")
# "I lost my link" answers an e-mail address this often (it mails that address).
LOST_LINK_RATE_LIMIT_PER_EMAIL = os.environ.get("LOST_LINK_RATE_LIMIT_PER_EMAIL", "3/h")
LOST_LINK_RATE_LIMIT_PER_ADDRESS = os.environ.get("LOST_LINK_RATE_LIMIT_PER_ADDRESS", "30/h")
# Public forms sent back faster than a person can fill them are shown again (0: off).
FORM_MIN_FILL_SECONDS = int(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))
# Behind a reverse proxy we run, count the client by the hop that proxy added to
# X-Forwarded-For instead of the proxy's address; never set this when clients reach us directly.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# Staff sign-in (the admin login; organiser/lockout.py). Failed attempts are
# counted in the database, so every worker and host sees them. LOGIN_FAILURE_LIMIT
# failures for one username from one address lock that username from that
# address; LOGIN_FAILURE_LIMIT_PER_ADDRESS failures from one address, whatever
# the usernames, lock the address. A lock lifts LOGIN_LOCKOUT_MINUTES after the
# last failure (each attempt during the lock starts it again).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_HANDLER = "trainingcenter.organiser.lockout.LoginAttemptHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_CLIENT_IP_CALLABLE = "trainingcenter.organiser.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "trainingcenter.organiser.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Failed attempts are what lockouts need; a row per successful login would only grow.
AXES_DISABLE_ACCESS_LOG = True
# Two-factor sign-in with an authenticator app (organiser/two_factor.py). On:
# staff without a device are sent to set one up before any admin or organiser page.
STAFF_REQUIRE_TWO_FACTOR = env_bool("STAFF_REQUIRE_TWO_FACTOR", False)
# The account's label in authenticator apps, so that several installations can be told apart.
OTP_TOTP_ISSUER = urlsplit(SITE_URL).hostname or "Training Center"
# The admin's device pages do not show secret keys or QR codes (a centre admin
# resets a device by deleting it; its owner then sets up a new one).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Zoom Server-to-Server OAuth. The URLs are settings so that tests can point
# them at a local server that speaks Zoom's API.
ZOOM_ACCOUNT_ID = os.environ.get("ZOOM_ACCOUNT_ID", "")
ZOOM_CLIENT_ID = os.environ.get("ZOOM_CLIENT_ID", "")
ZOOM_CLIENT_SECRET = os.environ.get("ZOOM_CLIENT_SECRET", "")
ZOOM_OAUTH_URL = os.environ.get("ZOOM_OAUTH_URL", "https://zoom.us/oauth/token")
ZOOM_API_URL = os.environ.get("ZOOM_API_URL", "https://api.zoom.us/v2")

# How long before a program starts its reminder e-mail goes out.
REMINDER_LEAD_HOURS = int(os.environ.get("REMINDER_LEAD_HOURS", "24"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy of every HTML page (trainingcenter.core.csp): scripts
# and styles only from our own files, no inline script or style, no plugins,
# never framed. Directive -> sources.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # The 500 page keeps its small <style> so that it needs no other request
    # while the server is failing; that one stylesheet is allowed by its hash
    # (tests/core/test_csp.py recomputes it from errors/500.html).
    "style-src": ["'self'", "'sha256-DOauBcduIDJq9keKOTtauMaTUzrSPtX9sZ+T/lzzp3I='"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Request bodies: registration forms are small; refuse anything absurd early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # axes announces its configuration at INFO in every process; only its warnings matter.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Background tasks (trainingcenter.core.worker, started by ``manage.py run_worker``).
# A task that raises, or whose worker dies, runs again after the next delay in
# TASK_RETRY_DELAYS (seconds; the last one repeats) until TASK_MAX_ATTEMPTS is
# spent, then stays FAILED for staff to retry. A worker whose heartbeat (every
# TASK_HEARTBEAT_INTERVAL seconds) is older than TASK_WORKER_TIMEOUT counts as
# dead and its task is freed. Tests set short values through the environment,
# which also reaches a worker they start as a separate process.
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_DELAYS = [float(delay) for delay in env_list("TASK_RETRY_DELAYS", "10,60,300,1800")]
TASK_HEARTBEAT_INTERVAL = float(os.environ.get("TASK_HEARTBEAT_INTERVAL", "5"))
TASK_WORKER_TIMEOUT = float(os.environ.get("TASK_WORKER_TIMEOUT", "60"))

# Participants' personal data (registrations.services.privacy, .visa_letters).
# Passport details given for a visa invitation letter are erased this many days
# after the program ends (at once when the registration ends). The letter's
# signature block and letterhead address; the centre's names come from its
# profile (center.Center).
VISA_LETTER_RETENTION_DAYS = int(os.environ.get("VISA_LETTER_RETENTION_DAYS", "30"))
VISA_LETTER_SIGNATORY_NAME = os.environ.get("VISA_LETTER_SIGNATORY_NAME", "")
VISA_LETTER_SIGNATORY_TITLE = os.environ.get("VISA_LETTER_SIGNATORY_TITLE", "Director")
VISA_LETTER_ADDRESS = os.environ.get(
    "VISA_LETTER_ADDRESS",
    "Beijing Technology and Business University, 11 Fucheng Road, Haidian District, Beijing 100048, China",
)
# Who bears which costs, as the letter states it; say it exactly when the centre covers something.
VISA_LETTER_COSTS = os.environ.get(
    "VISA_LETTER_COSTS",
    "The costs of the participant's international travel, accommodation and stay in China are borne as "
    "arranged between the participant, their sending organisation and the Center.",
)
