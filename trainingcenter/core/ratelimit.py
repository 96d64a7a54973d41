"""Rate limits on the shared cache, for public write endpoints.

Public interface::

    hit(*limits, clock=time.time, cache=None) -> Decision
    Limit(name, rate, key)
    parse_rate("20/h") -> Rate(count=20, seconds=3600) | None
    check_registration(request, email) -> Decision   (alias: registration_allowed)
    check_lost_link(request, email) -> Decision
    check_certificate_verification(request) -> Decision
    refusal_message(decision, message=None) -> str
    set_retry_after(response, decision) -> response
    client_ip(request) -> str

A ``Decision`` is truthy when the hit is allowed; a refusal carries
``retry_after`` (whole seconds, at least 1, for the ``Retry-After`` header) and
``retry_at`` (an aware UTC datetime, for "try again after 14:05").

Rates are ``"<count>/<period>"`` with period ``s``, ``m``, ``h`` or ``d`` and an
optional multiplier (``"20/h"``, ``"5/m"``, ``"100/d"``, ``"30/10m"``); ``"0"``,
``"0/h"`` or ``""`` turns a limit off.

Why fixed windows keyed by the window's number
----------------------------------------------
Each limit counts hits in windows aligned to the epoch: the counter's key holds
``floor(now / period)``, so a new window is a new key and an old count can never
leak into it, whatever the backend does with expiry. The alternatives were
weighed: a sliding-window counter (previous window's count weighted by the
overlap) only approximates the limit and gives a retry time that is an estimate;
a token bucket or GCRA is exact and smooth but needs a compare-and-set that the
file and database caches do not offer across processes. A fixed window is exact
within the window, costs one counter per limit, and gives every refused client
the same honest retry moment (the window's end). Its known cost is that a burst
straddling a window's edge can reach twice the rate; against scripted sign-ups,
with a strict per-e-mail limit beside a generous per-address one, that is
acceptable.

Why the expiry is set again after each increment
------------------------------------------------
``incr`` on the file and database caches is ``get`` + ``set`` with the
backend's *default* timeout (300 s), so a counter given the window's lifetime by
``add`` was forgotten five quiet minutes after its last hit: "20/h" meant about
"20 per 5 quiet minutes". ``touch`` after every ``incr``/``decr`` puts the
window's own expiry back, so the count never depends on how a backend's ``incr``
treats expiry (locmem, Redis and memcached keep it; file and database reset it).
The expiry is only garbage collection here: it is the window's end plus a grace
for clocks of several hosts that disagree by a little. A process that dies
between ``incr`` and ``touch`` leaves one counter living the default timeout;
that is the only way a count can be lost early, short of cache eviction
(``MAX_ENTRIES`` on the file cache, ``maxmemory`` on Redis).

Concurrency: ``add`` creates the counter only if it is missing, so simultaneous
first hits do not reset each other, and ``incr`` is atomic on locmem, Redis and
memcached. On the file and database caches ``incr`` is a read then a write, so
two processes hitting the same counter in the same instant can count once; the
error is towards allowing, never towards a false refusal.

Several limits in one call: the most restrictive wins (the refusal with the
latest retry moment), and a refused hit counts against no limit: all counters
are read first and nothing is counted when one is already full; when a
concurrent request fills one between the read and the increment, the increments
already made by this call are given back.

The cache must be shared by every worker that serves requests (the file cache
on one machine, Redis across several); a per-process memory cache would let
each worker count on its own. Keys are hashed, so that e-mail addresses never
reach the cache backend or its logs in clear text.
"""
import dataclasses
import functools
import hashlib
import ipaddress
import math
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache as default_cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import formats, timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
# Counters outlive their window by this much, so that a host whose clock is a
# little behind the others still finds the count of the window it believes in.
EXPIRY_GRACE_SECONDS = 60


@dataclasses.dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


@functools.lru_cache(maxsize=64)
def parse_rate(text):
    """The ``Rate`` a rate string stands for, or None when it turns the limit off.

    A malformed rate is a configuration error, raised rather than read as "off",
    so that a typo in the environment cannot silently remove a protection.
    """
    if isinstance(text, Rate):
        return text
    stripped = (text or "").strip()
    if stripped in ("", "0"):
        return None
    match = RATE_PATTERN.match(stripped)
    if not match:
        raise ImproperlyConfigured(f"Rate limit {text!r} is not of the form '<count>/<period>', e.g. '20/h'.")
    count, multiplier, unit = match.groups()
    seconds = int(multiplier or 1) * PERIOD_SECONDS[unit]
    if int(count) == 0 or seconds == 0:
        return None
    return Rate(int(count), seconds)


@dataclasses.dataclass(frozen=True)
class Limit:
    """One named budget: ``rate`` hits per period for each distinct ``key``.

    ``name`` tells limits apart (and appears in the decision, for logs); ``key``
    is who is counted (an address, an e-mail address, or a tuple of parts) and
    only ever reaches the cache hashed.
    """

    name: str
    rate: str | Rate | None
    key: str | Sequence[str]

    def __post_init__(self):
        if not NAME_PATTERN.match(self.name):
            raise ValueError(f"Rate limit name {self.name!r} must be a short lower-case slug.")


@dataclasses.dataclass(frozen=True)
class Decision:
    """The answer to one hit. Truthy when allowed.

    ``retry_after`` is in whole seconds and at least 1 when refused (0 when
    allowed); ``retry_at`` is the aware UTC moment from which the refusing
    limit has room again; ``limit`` names it.
    """

    allowed: bool
    retry_after: int = 0
    retry_at: datetime | None = None
    limit: str | None = None

    def __bool__(self):
        return self.allowed

    @property
    def headers(self):
        """``{"Retry-After": "<seconds>"}`` for a refusal, empty otherwise."""
        return {} if self.allowed else {"Retry-After": str(self.retry_after)}


ALLOWED = Decision(allowed=True)


@dataclasses.dataclass(frozen=True)
class _Counter:
    name: str
    rate: Rate
    cache_key: str
    window_end: int
    ttl: int


def _counter(limit, rate, now):
    parts = (limit.key,) if isinstance(limit.key, str) else tuple(limit.key)
    digest = hashlib.sha256("\x1f".join((limit.name, *map(str, parts))).encode()).hexdigest()[:32]
    window = int(now // rate.seconds)
    window_end = (window + 1) * rate.seconds
    return _Counter(
        name=limit.name,
        rate=rate,
        cache_key=f"ratelimit:{limit.name}:{rate.seconds}:{window}:{digest}",
        window_end=window_end,
        ttl=math.ceil(window_end - now) + EXPIRY_GRACE_SECONDS,
    )


def _refusal(counters, now):
    latest = max(counters, key=lambda counter: counter.window_end)
    return Decision(
        allowed=False,
        # The window ends strictly after now, so this is at least 1: a client
        # told "Retry-After: 0" would come straight back.
        retry_after=max(1, math.ceil(latest.window_end - now)),
        retry_at=datetime.fromtimestamp(latest.window_end, tz=UTC),
        limit=latest.name,
    )


def _increment(cache, counter, seen):
    """Count one hit; the counter's new count. ``seen``: the counter was there when read.

    The first hit of a window creates the counter with its count and its
    lifetime in one write: on the file cache, add(0) + incr + touch were five
    file operations where one does. add() is a no-op when the counter exists,
    so concurrent first hits do not reset each other: the one that finds it
    there counts on with incr().
    """
    if not seen and cache.add(counter.cache_key, 1, timeout=counter.ttl):
        return 1
    try:
        hits = cache.incr(counter.cache_key)
    except ValueError:
        # Evicted or expired between add() and incr(): this hit starts the count again.
        cache.set(counter.cache_key, 1, timeout=counter.ttl)
        return 1
    # The file and database caches' incr() saved the counter with the default
    # timeout; give it back the window's lifetime (see the module docstring).
    cache.touch(counter.cache_key, timeout=counter.ttl)
    return hits


def _give_back(cache, counter):
    try:
        cache.decr(counter.cache_key)
    except ValueError:
        return
    cache.touch(counter.cache_key, timeout=counter.ttl)


def hit(*limits, clock: Callable[[], float] = time.time, cache=None):
    """Count one hit against every limit that is on; a ``Decision``.

    ``clock`` returns the current time in seconds since the epoch (tests pass a
    fake one); ``cache`` defaults to Django's default cache.
    """
    cache = default_cache if cache is None else cache
    now = clock()
    counters = []
    for limit in limits:
        rate = parse_rate(limit.rate)
        if rate is not None:
            counters.append(_counter(limit, rate, now))
    if not counters:
        return ALLOWED

    # Read everything before counting anything, so that a hit one limit refuses
    # does not spend the budget of the others (a blocked e-mail address must
    # not use up the shared office address's allowance).
    counts = cache.get_many([counter.cache_key for counter in counters])
    full = [counter for counter in counters if counts.get(counter.cache_key, 0) >= counter.rate.count]
    if full:
        return _refusal(full, now)

    counted = []
    for counter in counters:
        hits = _increment(cache, counter, counter.cache_key in counts)
        counted.append(counter)
        if hits > counter.rate.count:
            # A concurrent request took the last place between the read and now.
            for done in counted:
                _give_back(cache, done)
            return _refusal([counter], now)
    return ALLOWED


# --- the client's address ---------------------------------------------------------------


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the hop our own proxy added to X-Forwarded-For.

    X-Forwarded-For is only believed when settings.TRUST_X_FORWARDED_FOR says a
    proxy we run sets it. Even then only its last entry is ours: a proxy
    appends the address it saw to whatever the client sent, so the entries
    before it are the client's to invent, and trusting the first one would let
    anyone pick a fresh address per request and walk past every limit.
    """
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def client_network(request):
    """What a per-address limit counts: the IPv4 address, or the IPv6 /64 it belongs to.

    One IPv6 subscriber usually holds a whole /64 and can draw a fresh address
    from it for every request, so counting single IPv6 addresses would count nothing.
    """
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


# --- public registration -----------------------------------------------------------------


def registration_limits(request, email):
    """The limits on public registration: strict per e-mail address, generous per client address.

    ``REGISTRATION_RATE_LIMIT`` is the switch: empty uses the two specific
    settings; "0" (or any rate that is off) turns both off, as the tests and
    benchmarks do; any other rate applies to both, which is what it meant
    before the limit was split, so an existing deployment keeps its behaviour.
    """
    override = (getattr(settings, "REGISTRATION_RATE_LIMIT", "") or "").strip()
    if override:
        if parse_rate(override) is None:
            return []
        per_email = per_address = override
    else:
        per_email = settings.REGISTRATION_RATE_LIMIT_PER_EMAIL
        per_address = settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS
    return [
        Limit("register-email", per_email, (email or "").strip().lower()),
        Limit("register-address", per_address, client_network(request)),
    ]


def check_registration(request, email, *, clock: Callable[[], float] = time.time, cache=None):
    """Count one public registration attempt; a ``Decision`` (truthy when allowed)."""
    return hit(*registration_limits(request, email), clock=clock, cache=cache)


# Kept so that ``if not registration_allowed(request, email)`` keeps working.
registration_allowed = check_registration


# --- "I lost my link" ---------------------------------------------------------------------

# Each allowed request may send its address a mail, so the per-address budget
# is small: enough for a person who mistyped or waited for a slow mail, too
# little to fill a stranger's mailbox. The per-client one is generous, for a
# delegation asking from one office.
LOST_LINK_RATE_PER_EMAIL = "3/h"
LOST_LINK_RATE_PER_ADDRESS = "30/h"


def lost_link_limits(request, email):
    """The limits on "send me my links": strict per e-mail address, generous per client address.

    ``LOST_LINK_RATE_LIMIT_PER_EMAIL`` and ``LOST_LINK_RATE_LIMIT_PER_ADDRESS``
    override them (``"0"`` turns one off). Both count every request, whether
    the address is known or not, so a refusal says nothing about it.
    """
    return [
        Limit("lostlink-email", getattr(settings, "LOST_LINK_RATE_LIMIT_PER_EMAIL", LOST_LINK_RATE_PER_EMAIL),
              (email or "").strip().lower()),
        Limit("lostlink-address", getattr(settings, "LOST_LINK_RATE_LIMIT_PER_ADDRESS", LOST_LINK_RATE_PER_ADDRESS),
              client_network(request)),
    ]


def check_lost_link(request, email, *, clock: Callable[[], float] = time.time, cache=None):
    """Count one request for lost links; a ``Decision`` (truthy when allowed)."""
    return hit(*lost_link_limits(request, email), clock=clock, cache=cache)


# --- news: newsletter subscriptions and comments ------------------------------------------

# A subscription mails its address at most every 15 minutes (news.newsletter), so
# the per-client budget is what limits a script; comments are counted per client
# address and per e-mail address.
NEWSLETTER_RATE_PER_ADDRESS = "30/h"
COMMENT_RATE_PER_EMAIL = "10/h"
COMMENT_RATE_PER_ADDRESS = "30/h"


def newsletter_limits(request):
    """The limit on newsletter subscription requests per client address (``NEWSLETTER_RATE_LIMIT_PER_ADDRESS``)."""
    rate = getattr(settings, "NEWSLETTER_RATE_LIMIT_PER_ADDRESS", NEWSLETTER_RATE_PER_ADDRESS)
    return [Limit("newsletter-address", rate, client_network(request))]


def check_newsletter(request, *, clock: Callable[[], float] = time.time, cache=None):
    """Count one subscription request; a ``Decision`` (truthy when allowed)."""
    return hit(*newsletter_limits(request), clock=clock, cache=cache)


def comment_limits(request, email):
    """The limits on comments: per e-mail address and per client address (``COMMENT_RATE_LIMIT_PER_*``)."""
    return [
        Limit("comment-email", getattr(settings, "COMMENT_RATE_LIMIT_PER_EMAIL", COMMENT_RATE_PER_EMAIL),
              (email or "").strip().lower()),
        Limit("comment-address", getattr(settings, "COMMENT_RATE_LIMIT_PER_ADDRESS", COMMENT_RATE_PER_ADDRESS),
              client_network(request)),
    ]


def check_comment(request, email, *, clock: Callable[[], float] = time.time, cache=None):
    """Count one comment; a ``Decision`` (truthy when allowed)."""
    return hit(*comment_limits(request, email), clock=clock, cache=cache)


# --- verifying certificates ---------------------------------------------------------------

# Verifying needs no account, so the limit is per client address: enough for an
# employer checking a pile of applications, far too little to guess codes (a
# code has 55 random bits; see certificates.codes).
CERTIFICATE_VERIFY_RATE_PER_ADDRESS = "60/h"


def certificate_verification_limits(request):
    """The limit on looking up certificate codes (page and API share it): per client address.

    ``CERTIFICATE_VERIFY_RATE_LIMIT`` overrides it (``"0"`` turns it off).
    Every lookup counts, found or not, so a refusal says nothing about a code.
    """
    rate = getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", CERTIFICATE_VERIFY_RATE_PER_ADDRESS)
    return [Limit("certverify-address", rate, client_network(request))]


def check_certificate_verification(request, *, clock: Callable[[], float] = time.time, cache=None):
    """Count one lookup of a certificate code; a ``Decision`` (truthy when allowed)."""
    return hit(*certificate_verification_limits(request), clock=clock, cache=cache)


# --- telling the client ------------------------------------------------------------------


def refusal_message(decision, message=None):
    """A refusal in the active language, saying how long to wait and until when.

    ``message`` (already translated) may replace the generic sentence; it gets
    ``%(wait)s`` ("12 minutes", "1 hour, 5 minutes") and ``%(time)s`` (the
    moment in the active time zone, with the zone's abbreviation, and the date
    when it is not today there).
    """
    if decision.allowed:
        raise ValueError("An allowed hit has nothing to retry.")
    if message is None:
        message = gettext("Too many attempts. Please try again in %(wait)s, after %(time)s.")
    decided = decision.retry_at - timedelta(seconds=decision.retry_after)
    # Rounded up to whole minutes: "0 minutes" would read as "now", and
    # timeuntil() drops seconds.
    minutes = max(1, math.ceil(decision.retry_after / 60))
    wait = timeuntil(decided + timedelta(minutes=minutes), decided, depth=2)
    local = timezone.localtime(decision.retry_at)
    if local.date() == timezone.localtime(decided).date():
        shown = formats.time_format(local, "TIME_FORMAT")
    else:
        shown = formats.date_format(local, "DATETIME_FORMAT")
    return message % {"wait": wait, "time": f"{shown} {local.tzname()}"}


def set_retry_after(response, decision):
    """Set ``Retry-After`` on ``response`` when ``decision`` is a refusal; the response."""
    for header, value in decision.headers.items():
        response[header] = value
    return response
