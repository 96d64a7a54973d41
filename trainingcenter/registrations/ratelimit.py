"""A small fixed-window rate limit on the default cache, for public write endpoints.

Public interface (the API reuses it; keep the signature stable):

    check_rate_limit(key_parts, limit_string) -> bool

``key_parts`` is a sequence of strings naming the counter, e.g.
``("register", "ip", "203.0.113.7")``; ``limit_string`` is ``"<count>/<period>"``
with period ``s``, ``m``, ``h`` or ``d`` and an optional multiplier
(``"20/h"``, ``"5/m"``, ``"100/d"``, ``"30/10m"``). ``"0"`` or ``""`` turns the
limit off. Each call counts one hit and answers True while the hits in the
current window stay within the limit, False once they exceed it.

The cache must be shared by every worker that serves requests (the file cache on
one machine, Redis across several); a per-process memory cache would let each
worker count on its own. Keys are hashed so that e-mail addresses never reach
the cache backend or its logs in clear text.
"""
import functools
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

PERIOD_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
LIMIT_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@functools.lru_cache(maxsize=32)
def parse_limit(limit_string):
    """``(count, seconds)`` for a limit string, or None when the limit is off."""
    text = (limit_string or "").strip()
    if text in ("", "0"):
        return None
    match = LIMIT_PATTERN.match(text)
    if not match:
        raise ImproperlyConfigured(
            f"Rate limit {limit_string!r} is not of the form '<count>/<period>', e.g. '20/h'."
        )
    count, multiplier, unit = match.groups()
    if int(count) == 0:
        return None
    return int(count), int(multiplier or 1) * PERIOD_SECONDS[unit]


def check_rate_limit(key_parts, limit_string):
    """Count one hit against ``key_parts``; True if still within ``limit_string``.

    A fixed window (rather than a sliding one) costs one cache round trip per
    check and is good enough against scripted sign-ups; a burst at a window's
    edge can reach twice the limit, which is acceptable for this purpose.
    """
    limit = parse_limit(limit_string)
    if limit is None:
        return True
    count, seconds = limit
    window = int(time.time() // seconds)
    digest = hashlib.sha256("\x1f".join(str(part) for part in key_parts).encode()).hexdigest()[:32]
    key = f"ratelimit:{seconds}:{window}:{digest}"
    # add() is a no-op when the key exists, so concurrent first hits do not reset it.
    cache.add(key, 0, timeout=seconds + 1)
    try:
        hits = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this hit opens a new window.
        cache.set(key, 1, timeout=seconds + 1)
        hits = 1
    return hits <= count


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the first X-Forwarded-For hop behind a trusted proxy.

    X-Forwarded-For is only believed when settings.TRUST_X_FORWARDED_FOR says a
    proxy we run sets it; otherwise anyone could pick a fresh address per request.
    """
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        first = forwarded.split(",")[0].strip()
        if first:
            return first[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def registration_allowed(request, email):
    """Apply the public registration limit per client address and per e-mail address.

    Both counters are always counted, so a sender cannot spend one limit while
    probing the other.
    """
    limit = settings.REGISTRATION_RATE_LIMIT
    by_ip = check_rate_limit(("register", "ip", client_ip(request)), limit)
    by_email = check_rate_limit(("register", "email", (email or "").strip().lower()), limit)
    return by_ip and by_email
