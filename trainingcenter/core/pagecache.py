"""Whole-page cache for anonymous visitors of the public pages.

``@cache_public_page`` keeps the rendered response of a view (before the
middleware, which add their headers to a cached response exactly as to a
fresh one) in the default cache, one entry per address, language and host.
An entry is served only while everything it was rendered from still holds:

* the **content version**: one token in the cache, replaced (``bump()``) after
  every change to the models public pages show (the interface app that uses
  the cache connects the receivers: ``public.apps``). It is read before the
  view reads the database and bumped both at once and after the commit, so
  that a render racing with a change is stored under a token that is already
  dead;
* the **build**: the code, templates, translation catalogues and static
  manifest this process runs with (a deploy or a new catalogue invalidates);
* a **time limit** the view names (``valid_until``): the next moment its
  page would say something else by itself (a registration window opening or
  closing, a program ending and moving from "upcoming" to "past");
* a **state** the view names (``depends_on``): a small value computed by one
  cheap query before the page is rendered (seats left), computed again on
  each hit and compared. A rush of registrations costs a new render only when
  what the page shows changes.

Only anonymous GET/HEAD requests without a session or messages cookie and
without an unknown query string are served from or stored into the cache.
A response is stored only if it is a plain 200 that sets no cookie, asks for
no CSRF cookie, queues no message and is not ``private``/``no-store``.

Entries are keyed by address (not by version), so an invalidated entry is
overwritten rather than left behind: the number of entries stays bounded by
the number of public pages, and never crowds out the rate limits' counters
that live in the same cache.
"""
import contextlib
import functools
import hashlib
import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connections, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
ENTRY_PREFIX = "pagecache:page:"
DEFAULT_SECONDS = 3600
_UNSAFE_CACHE_CONTROL = ("private", "no-store", "no-cache")


def enabled():
    """On unless turned off, or under DEBUG (where templates change without a restart)."""
    return getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", DEFAULT_SECONDS) > 0 and not settings.DEBUG


# The content version.

def current_version():
    """The content version token; a missing one (never set, or culled) becomes a new random token."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _replace_version():
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # a cache that is down holds no page to invalidate; a change must not fail for it
        logger.exception("Could not invalidate the page cache")


def bump(using=None):
    """Invalidate every cached page: now, and again once the current transaction commits.

    Now, so that this process (and a test inside one transaction) never sees
    the old page again; after the commit, so that a page rendered elsewhere from
    the not-yet-committed data meanwhile is not served under the new token.
    """
    _replace_version()
    transaction.on_commit(_replace_version, using=using)


def bump_on_change(sender, **kwargs):
    """A receiver for post_save, post_delete and m2m_changed."""
    if "action" in kwargs and not kwargs["action"].startswith("post_"):
        return
    bump(using=kwargs.get("using"))


def _on_setting_changed(**kwargs):
    # Templates, languages or policies may differ under other settings (tests override them).
    _replace_version()


setting_changed.connect(_on_setting_changed, dispatch_uid="pagecache-setting-changed")


# The build this process runs with.

@functools.cache
def build_id():
    """A digest of the code, templates, catalogues and static manifest, read once per process.

    By content, not by file times, so that every host of one release agrees.
    """
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR) / "trainingcenter"
    paths = []
    for directory, _dirs, files in os.walk(root):
        paths.extend(Path(directory) / name for name in files if name.endswith((".py", ".html", ".mo", ".txt")))
    static_root = getattr(settings, "STATIC_ROOT", None)
    for path in sorted(paths):
        digest.update(f"{path.relative_to(root)}\0".encode())
        digest.update(path.read_bytes())
    if static_root:
        with contextlib.suppress(OSError):  # no manifest (collectstatic not run): nothing to tell apart
            digest.update((Path(static_root) / "staticfiles.json").read_bytes())
    return digest.hexdigest()[:16]


# What a view tells the cache while it renders.

class _PageContext:
    __slots__ = ("state", "state_args", "state_value", "expires")

    def __init__(self, state):
        self.state = state
        self.state_args = None
        self.state_value = None
        self.expires = None


def valid_until(request, *moments, now=None):
    """The page changes by itself at the earliest of these moments (datetimes; None and past ones ignored)."""
    context = getattr(request, "_page_cache", None)
    if context is None:
        return
    now = now or context_now(request)
    future = [moment for moment in moments if moment is not None and moment > now]
    if future:
        earliest = min(future)
        context.expires = earliest if context.expires is None else min(context.expires, earliest)


def depends_on(request, *args):
    """The page shows the decorator's ``state(*args)``: computed now, before the page is rendered."""
    context = getattr(request, "_page_cache", None)
    if context is None or context.state is None:
        return
    context.state_args = args
    context.state_value = context.state(*args)


def context_now(request):
    """The moment this request's page is taken to be rendered at (read before anything else)."""
    return getattr(request, "_page_cache_now", None) or timezone.now()


class PreparedQuery:
    """A query that a state function asks on every hit, compiled by the ORM once per process.

    ``build(*placeholders)`` returns the queryset for string arguments; its
    SQL is kept, and each call runs it with the real values in place of the
    placeholders. Rows come back as the database gives them (no converters),
    which is all a state needs: the same data gives the same rows.
    """

    def __init__(self, build):
        self.build = build
        self._compiled = {}

    def __call__(self, *values):
        compiled = self._compiled.get(len(values))
        if compiled is None:
            placeholders = tuple(f"pagecache-placeholder-{n}-{uuid.uuid4().hex}" for n in range(len(values)))
            queryset = self.build(*placeholders)
            sql, params = queryset.query.sql_with_params()
            compiled = self._compiled[len(values)] = (queryset.db, sql, params, placeholders)
        alias, sql, params, placeholders = compiled
        mapping = dict(zip(placeholders, values, strict=True))
        params = [mapping.get(param, param) if isinstance(param, str) else param for param in params]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


# The decorator.

def _is_visitor(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    # No session cookie: anonymous, but ask the way every page does (and as a fresh page would, for Vary).
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _key(request):
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}\0{get_language()}"
    return ENTRY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in _UNSAFE_CACHE_CONTROL):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token: it is this visitor's
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "_queued_messages", None))


def _entry_holds(entry, version, now):
    if not isinstance(entry, dict) or entry.get("version") != version or entry.get("build") != build_id():
        return False
    expires = entry.get("expires")
    return expires is None or now < expires


def _next_new_year(now):
    local = timezone.localtime(now)
    return local.replace(year=local.year + 1, month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def _store(key, entry):
    try:
        cache.set(key, entry, timeout=getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))
    except Exception:
        logger.warning("Could not store a page in the page cache", exc_info=True)


def _respond(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response._from_page_cache = True  # for tests; no header, so a cached page looks like a fresh one
    return response


def cache_public_page(view=None, *, state=None, known_query=None):
    """Serve anonymous visitors the stored page while it still holds (see the module's docstring).

    ``state(*args)``: computes the state named by ``depends_on(request, *args)``
    (one small query); a hit computes it again and compares. ``known_query(request)``:
    True when the request's query string is one the view understands (default:
    no query string at all); any other query string is served fresh and not stored.
    """
    if view is None:
        return functools.partial(cache_public_page, state=state, known_query=known_query)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not enabled() or not _is_visitor(request):
            return view(request, *args, **kwargs)
        if request.META.get("QUERY_STRING") and (known_query is None or not known_query(request)):
            return view(request, *args, **kwargs)
        now = timezone.now()
        key = _key(request)
        try:
            version = current_version()  # before the view reads anything
            entry = cache.get(key)
        except Exception:  # the cache is down: serve fresh pages rather than errors
            logger.warning("Page cache unavailable", exc_info=True)
            return view(request, *args, **kwargs)
        if _entry_holds(entry, version, now) and (
            entry["state_args"] is None or state is None or state(*entry["state_args"]) == entry["state_value"]
        ):
            return _respond(entry)

        request._page_cache = context = _PageContext(state)
        request._page_cache_now = now
        response = view(request, *args, **kwargs)
        valid_until(request, _next_new_year(now), now=now)  # the footer's "© year"
        if request.method == "GET" and _storable(request, response):
            _store(key, {
                "version": version,
                "build": build_id(),
                "expires": context.expires,
                "state_args": context.state_args,
                "state_value": context.state_value,
                "status": response.status_code,
                "headers": list(response.headers.items()),
                "content": response.content,
            })
        return response

    return wrapper


def from_cache(response):
    """Whether a response came out of the page cache (for tests and benchmarks in-process)."""
    return getattr(response, "_from_page_cache", False)
