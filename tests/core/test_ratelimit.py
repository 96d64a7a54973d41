"""The rate limiter: exact windows on every cache backend, several limits at once, honest retry times.

The cache backends keep their own expiry by ``time.time()``; the ``clock``
fixture moves that clock too, so that "ten quiet minutes" really pass for the
cache. Backends are built with Django's default timeout (300 s), which is what
the file and database caches' ``incr`` falls back to: the bug this module fixed.
"""
import math
import types
import uuid
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import db as cache_db
from django.core.cache.backends import filebased, locmem
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import formats, timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from trainingcenter.core.cache import FileCache
from trainingcenter.core.ratelimit import (
    Decision,
    Limit,
    Rate,
    check_registration,
    client_ip,
    hit,
    parse_rate,
    refusal_message,
    registration_limits,
    set_retry_after,
)

# 2025-06-15 15:00:00 UTC, the start of an hour (and of a 10-minute window).
HOUR = 1_750_000_000 // 3600 * 3600
MINUTE = 60


class FakeClock:
    def __init__(self, now):
        self.now = float(now)

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """A clock the limiter and the cache backends' expiry both read."""
    fake = FakeClock(HOUR)
    fake_time = types.SimpleNamespace(time=fake)
    for module in (cache_base, locmem, filebased):
        monkeypatch.setattr(module, "time", fake_time)
    monkeypatch.setattr(cache_db, "tz_now", lambda: datetime.fromtimestamp(fake(), tz=UTC))
    return fake


@pytest.fixture(params=["locmem", "file", "database"])
def backend(request, tmp_path, clock):
    if request.param == "locmem":
        return LocMemCache(f"ratelimit-test-{uuid.uuid4()}", {})
    if request.param == "file":
        return FileCache(str(tmp_path / "cache"), {})
    request.getfixturevalue("db")
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table("default", "ratelimit_test_cache", dry_run=False)
    return DatabaseCache("ratelimit_test_cache", {})


def at(clock, minutes, seconds=0):
    clock.now = HOUR + minutes * MINUTE + seconds
    return clock


def utc(timestamp):
    return datetime.fromtimestamp(timestamp, tz=UTC)


# --- rates -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("20/h", Rate(20, 3600)), ("5/m", Rate(5, 60)), ("100/d", Rate(100, 86400)), ("30/10m", Rate(30, 600)),
    (" 3 / s ", Rate(3, 1)), ("0", None), ("", None), (None, None), ("0/h", None), ("5/0m", None),
])
def test_parse_rate(text, expected):
    assert parse_rate(text) == expected


@pytest.mark.parametrize("text", ["twenty", "20", "20/w", "-1/h", "20/h/2", "off"])
def test_a_malformed_rate_is_a_configuration_error_not_off(text):
    with pytest.raises(ImproperlyConfigured):
        parse_rate(text)


# --- one limit, exact windows -------------------------------------------------------------


def test_twenty_an_hour_stays_twenty_an_hour_across_quiet_gaps(backend, clock):
    """Gaps of ten minutes, twice the default cache timeout, must not reset the count."""
    limit = Limit("test", "20/h", "203.0.113.7")
    counted = 0
    for minute, hits in zip(range(0, 60, 10), [4, 3, 3, 3, 3, 4], strict=True):
        at(clock, minute)
        for _ in range(hits):
            counted += 1
            assert hit(limit, clock=clock, cache=backend), f"hit {counted} at minute {minute} was refused"

    refused = hit(limit, clock=at(clock, 55), cache=backend)
    assert not refused
    assert refused.retry_after == 5 * MINUTE
    assert refused.retry_at == utc(HOUR + 3600)
    assert refused.limit == "test"
    late = hit(limit, clock=at(clock, 59, 59.75), cache=backend)
    assert not late and late.retry_after == 1

    # A new window: twenty again, and no more.
    at(clock, 60)
    assert all(hit(limit, clock=clock, cache=backend) for _ in range(20))
    assert not hit(limit, clock=clock, cache=backend)


def test_the_window_is_the_clocks_hour_not_an_hour_from_the_first_hit(backend, clock):
    limit = Limit("test", "3/h", "k")
    at(clock, 30)
    assert all(hit(limit, clock=clock, cache=backend) for _ in range(3))
    refused = hit(limit, clock=clock, cache=backend)
    assert (refused.allowed, refused.retry_after, refused.retry_at) == (False, 30 * MINUTE, utc(HOUR + 3600))
    assert hit(limit, clock=at(clock, 60), cache=backend)


def test_counts_each_key_on_its_own(backend, clock):
    assert hit(Limit("test", "1/h", "203.0.113.7"), clock=clock, cache=backend)
    assert not hit(Limit("test", "1/h", "203.0.113.7"), clock=clock, cache=backend)
    assert hit(Limit("test", "1/h", "203.0.113.8"), clock=clock, cache=backend)
    assert hit(Limit("other", "1/h", "203.0.113.7"), clock=clock, cache=backend)


def test_refused_hits_do_not_push_the_window_back(backend, clock):
    limit = Limit("test", "2/m", "k")
    assert hit(limit, clock=clock, cache=backend) and hit(limit, clock=clock, cache=backend)
    for second in range(5, 60, 5):
        assert not hit(limit, clock=at(clock, 0, second), cache=backend)
    assert hit(limit, clock=at(clock, 1), cache=backend)


def test_retry_after_is_a_whole_period_at_the_very_start_of_a_window(backend, clock):
    limit = Limit("test", "1/h", "k")
    assert hit(limit, clock=clock, cache=backend)
    assert hit(limit, clock=clock, cache=backend).retry_after == 3600


@given(
    now=st.floats(min_value=1e9, max_value=4e9, allow_nan=False),
    count=st.integers(min_value=1, max_value=4),
    seconds=st.sampled_from([1, 60, 600, 3600, 86400]),
)
def test_retry_after_is_never_zero_nor_negative_and_the_retry_moment_is_open(now, count, seconds):
    cache = LocMemCache(f"ratelimit-prop-{uuid.uuid4()}", {})
    limit = Limit("prop", Rate(count, seconds), "k")
    fake = FakeClock(now)
    for _ in range(count):
        assert hit(limit, clock=fake, cache=cache)
    refused = hit(limit, clock=fake, cache=cache)
    assert not refused
    assert 1 <= refused.retry_after <= seconds
    assert refused.retry_after == max(1, math.ceil(refused.retry_at.timestamp() - now))
    assert refused.retry_at.timestamp() > now
    fake.now = refused.retry_at.timestamp()
    assert hit(limit, clock=fake, cache=cache)


def test_zero_turns_a_limit_off_and_counts_nothing(backend, clock):
    assert all(hit(Limit("test", "0", "k"), clock=clock, cache=backend) for _ in range(100))
    assert all(hit(Limit("test", None, "k"), Limit("more", "", "k"), clock=clock, cache=backend) for _ in range(5))
    # Nothing was counted while it was off: switched on, the budget is whole.
    assert hit(Limit("test", "1/h", "k"), clock=clock, cache=backend)
    assert not hit(Limit("test", "1/h", "k"), clock=clock, cache=backend)


# --- several limits -----------------------------------------------------------------------


def test_the_most_restrictive_limit_decides(backend, clock):
    burst, hourly = Limit("burst", "2/m", "k"), Limit("hourly", "3/h", "k")
    assert hit(burst, hourly, clock=clock, cache=backend)
    assert hit(burst, hourly, clock=clock, cache=backend)
    refused = hit(burst, hourly, clock=at(clock, 0, 10), cache=backend)
    assert (refused.limit, refused.retry_after, refused.retry_at) == ("burst", 50, utc(HOUR + MINUTE))

    assert hit(burst, hourly, clock=at(clock, 1), cache=backend)
    refused = hit(burst, hourly, clock=at(clock, 2), cache=backend)
    assert (refused.limit, refused.retry_after, refused.retry_at) == ("hourly", 58 * MINUTE, utc(HOUR + 3600))


def test_when_several_limits_are_full_the_latest_retry_moment_is_given(backend, clock):
    burst, hourly = Limit("burst", "1/m", "k"), Limit("hourly", "1/h", "k")
    assert hit(burst, hourly, clock=clock, cache=backend)
    refused = hit(hourly, burst, clock=at(clock, 0, 30), cache=backend)
    assert (refused.limit, refused.retry_at) == ("hourly", utc(HOUR + 3600))
    refused = hit(burst, hourly, clock=clock, cache=backend)
    assert (refused.limit, refused.retry_at) == ("hourly", utc(HOUR + 3600))


def test_a_refused_hit_spends_no_other_limits_budget(backend, clock):
    """Someone hammering with a blocked e-mail address must not lock out the office they share."""
    office = "198.51.100.20"

    def limits(email):
        # The address first, so that counting it before looking at the e-mail would show.
        return Limit("address", "5/h", office), Limit("email", "1/h", email)

    assert hit(*limits("alice@example.org"), clock=clock, cache=backend)
    for _ in range(30):
        assert hit(*limits("alice@example.org"), clock=clock, cache=backend).limit == "email"
    for colleague in range(4):
        assert hit(*limits(f"colleague{colleague}@example.org"), clock=clock, cache=backend)
    assert hit(*limits("sixth@example.org"), clock=clock, cache=backend).limit == "address"


def test_a_limit_filled_concurrently_gives_back_what_this_hit_took(backend, clock):
    """Between the read and the increment another request may take the last place."""
    roomy, tight = Limit("roomy", "3/h", "k"), Limit("tight", "1/h", "k")
    assert hit(tight, clock=clock, cache=backend)
    # The first read sees nothing, as if it happened before the other request
    # counted; later reads (the database cache's incr() reads through get_many) are real.
    real_get_many = backend.get_many
    reads = []

    def stale_first_read(keys, version=None):
        reads.append(keys)
        return {} if len(reads) == 1 else real_get_many(keys, version=version)

    # Not monkeypatch.undo(): that would also stop the fake clock the cache reads.
    backend.get_many = stale_first_read
    try:
        refused = hit(roomy, tight, clock=clock, cache=backend)
    finally:
        del backend.get_many
    assert (refused.allowed, refused.limit) == (False, "tight")
    # Ten quiet minutes later (beyond the default cache timeout): roomy has its
    # whole budget back, and tight, given back too, still holds its one hit.
    at(clock, 10)
    assert not hit(tight, clock=clock, cache=backend)
    assert all(hit(roomy, clock=clock, cache=backend) for _ in range(3))
    assert not hit(roomy, clock=clock, cache=backend)
    assert hit(tight, clock=at(clock, 60), cache=backend)


# --- public registration ------------------------------------------------------------------


@pytest.fixture
def locmem_backend(clock):
    return LocMemCache(f"ratelimit-test-{uuid.uuid4()}", {})


def post(address, **meta):
    return RequestFactory().post("/", REMOTE_ADDR=address, **meta)


def test_registration_is_strict_per_email_and_generous_per_address(settings, clock, locmem_backend):
    settings.REGISTRATION_RATE_LIMIT = ""
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "2/h"
    settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS = "6/h"

    def register(address, email):
        return check_registration(post(address), email, clock=clock, cache=locmem_backend)

    assert register("192.0.2.1", "a@example.org")
    assert register("192.0.2.2", "A@Example.org ")  # the same address, written differently
    refused = register("192.0.2.3", "a@example.org")
    assert (refused.allowed, refused.limit) == (False, "register-email")
    # A delegation behind one address: colleagues get in, up to the generous limit.
    for colleague in range(5):
        assert register("192.0.2.1", f"colleague{colleague}@example.org")
    assert register("192.0.2.1", "one-too-many@example.org").limit == "register-address"
    assert register("192.0.2.9", "elsewhere@example.org")


def test_registration_rate_limit_zero_switches_everything_off(settings, clock, locmem_backend):
    settings.REGISTRATION_RATE_LIMIT = "0"
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "1/h"
    settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS = "1/h"
    assert registration_limits(post("192.0.2.1"), "a@example.org") == []
    assert all(
        check_registration(post("192.0.2.1"), "a@example.org", clock=clock, cache=locmem_backend) for _ in range(50)
    )


def test_registration_rate_limit_as_a_rate_applies_to_both_as_before_the_split(settings, clock, locmem_backend):
    settings.REGISTRATION_RATE_LIMIT = "1/h"
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "50/h"
    settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS = "50/h"

    def register(address, email):
        return bool(check_registration(post(address), email, clock=clock, cache=locmem_backend))

    assert register("192.0.2.1", "a@example.org") is True
    assert register("192.0.2.1", "b@example.org") is False  # same address
    assert register("192.0.2.2", "A@example.org ") is False  # same e-mail
    assert register("192.0.2.3", "d@example.org") is True


def test_registration_uses_the_default_cache_and_real_clock(settings):
    cache.clear()
    settings.REGISTRATION_RATE_LIMIT = "1/h"
    assert check_registration(post("192.0.2.50"), "default@example.org")
    refused = check_registration(post("192.0.2.50"), "default@example.org")
    assert not refused and 1 <= refused.retry_after <= 3600
    cache.clear()


def test_ipv6_clients_are_counted_by_their_64_network(settings, clock, locmem_backend):
    settings.REGISTRATION_RATE_LIMIT = ""
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "0"
    settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS = "1/h"

    def register(address):
        return bool(check_registration(post(address), "x@example.org", clock=clock, cache=locmem_backend))

    assert register("2001:db8:1:2::1") is True
    assert register("2001:db8:1:2:abcd::99") is False  # a fresh address from the same /64
    assert register("2001:db8:1:3::1") is True
    assert register("192.0.2.7") is True
    assert register("::ffff:192.0.2.7") is False  # the same IPv4 client, written as IPv6


def test_keys_do_not_carry_the_email_in_clear(clock, locmem_backend):
    hit(Limit("register-email", "5/h", "someone@example.org"), clock=clock, cache=locmem_backend)
    keys = list(locmem_backend._cache.keys())
    assert keys and not any("someone" in key for key in keys)


def test_client_ip_ignores_forwarded_for_unless_trusted(settings):
    # Our proxy (10.0.0.1) appended the address it saw, 198.51.100.4.
    request = post("10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_ip(request) == "10.0.0.1"
    settings.TRUST_X_FORWARDED_FOR = True
    assert client_ip(request) == "198.51.100.4"


def test_an_address_invented_by_the_client_is_not_believed(settings):
    """Entries before our proxy's are the client's own: a fresh one per request must not reset its limits."""
    settings.TRUST_X_FORWARDED_FOR = True
    invented = [post("10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.4") for n in range(3)]
    assert {client_ip(request) for request in invented} == {"198.51.100.4"}


def test_limit_names_are_slugs():
    with pytest.raises(ValueError, match="slug"):
        Limit("Register E-mail", "5/h", "k")


# --- telling the client ------------------------------------------------------------------


def refusal(retry_after, retry_at):
    return Decision(allowed=False, retry_after=retry_after, retry_at=utc(retry_at), limit="test")


def plain(text):
    return text.replace("\xa0", " ")


def test_the_message_says_how_long_and_until_when_in_the_visitors_zone():
    decision = refusal(12 * MINUTE, HOUR + 5 * MINUTE)  # 15:05 UTC
    with translation.override("en"), timezone.override("UTC"):
        text = plain(refusal_message(decision))
        assert "12 minutes" in text
        assert f"{formats.time_format(utc(HOUR + 5 * MINUTE), 'TIME_FORMAT')} UTC" in text
    with translation.override("en"), timezone.override("Asia/Shanghai"):
        text = plain(refusal_message(decision))
        shanghai = timezone.localtime(utc(HOUR + 5 * MINUTE))
        assert shanghai.hour == 23
        assert f"{formats.time_format(shanghai, 'TIME_FORMAT')} CST" in text


def test_the_message_never_says_zero_minutes():
    text = plain(refusal_message(refusal(30, HOUR + 30)))
    assert "1 minute" in text and "0 minutes" not in text


def test_the_message_gives_hours_and_minutes_and_the_date_when_not_today():
    # 23:00 UTC, refused by a daily limit until midnight: tomorrow, so the date is shown.
    midnight = HOUR // 86400 * 86400 + 86400
    decision = refusal(3600, midnight)
    with translation.override("en"), timezone.override("UTC"):
        text = plain(refusal_message(decision))
    assert "1 hour" in text
    assert formats.date_format(utc(midnight), "DATETIME_FORMAT") in text
    with translation.override("en"), timezone.override("UTC"):
        assert "1 hour, 5 minutes" in plain(refusal_message(refusal(65 * MINUTE, HOUR + 65 * MINUTE)))


def test_the_message_is_in_the_active_language():
    with translation.override("ru"), timezone.override("UTC"):
        assert "12 минут" in plain(refusal_message(refusal(12 * MINUTE, HOUR + 12 * MINUTE)))


def test_a_caller_may_word_the_message():
    text = refusal_message(refusal(60, HOUR + 60), "Wait %(wait)s (until %(time)s).")
    assert plain(text).startswith("Wait 1 minute (until ")


def test_an_allowed_hit_has_no_message():
    with pytest.raises(ValueError):
        refusal_message(Decision(allowed=True))


def test_retry_after_header():
    response = set_retry_after(HttpResponse(status=429), refusal(300, HOUR + 300))
    assert response["Retry-After"] == "300"
    assert "Retry-After" not in set_retry_after(HttpResponse(), Decision(allowed=True))
