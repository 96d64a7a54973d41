"""The rate limit the registration form and the public API share."""
import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from trainingcenter.registrations.ratelimit import check_rate_limit, client_ip, parse_limit

from trainingcenter.registrations import ratelimit


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(("text", "expected"), [
    ("20/h", (20, 3600)), ("5/m", (5, 60)), ("100/d", (100, 86400)), ("30/10m", (30, 600)), (" 3 / s ", (3, 1)),
    ("0", None), ("", None), (None, None), ("0/h", None),
])
def test_parse_limit(text, expected):
    assert parse_limit(text) == expected


@pytest.mark.parametrize("text", ["twenty", "20", "20/w", "-1/h", "20/h/2"])
def test_malformed_limit_is_a_configuration_error(text):
    with pytest.raises(ImproperlyConfigured):
        parse_limit(text)


def test_counts_per_key_within_the_window():
    assert check_rate_limit(("register", "ip", "203.0.113.7"), "2/h") is True
    assert check_rate_limit(("register", "ip", "203.0.113.7"), "2/h") is True
    assert check_rate_limit(("register", "ip", "203.0.113.7"), "2/h") is False
    assert check_rate_limit(("register", "ip", "203.0.113.8"), "2/h") is True


def test_off_never_refuses():
    assert all(check_rate_limit(("k",), "0") for _ in range(50))


def test_a_new_window_starts_afresh(monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    assert check_rate_limit(("k",), "1/m") is True
    assert check_rate_limit(("k",), "1/m") is False
    now[0] += 60
    assert check_rate_limit(("k",), "1/m") is True


def test_keys_do_not_carry_the_email_in_clear():
    check_rate_limit(("register", "email", "someone@example.org"), "5/h")
    keys = list(cache._cache.keys())
    assert keys and not any("someone" in key for key in keys)


def test_client_ip_ignores_forwarded_for_unless_trusted(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4, 10.0.0.1")
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_ip(request) == "10.0.0.1"
    settings.TRUST_X_FORWARDED_FOR = True
    assert client_ip(request) == "198.51.100.4"


def test_registration_counts_ip_and_email_separately(settings):
    settings.REGISTRATION_RATE_LIMIT = "1/h"
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="192.0.2.1")
    other = factory.post("/", REMOTE_ADDR="192.0.2.2")
    assert ratelimit.registration_allowed(first, "a@example.org") is True
    assert ratelimit.registration_allowed(first, "b@example.org") is False  # same address
    assert ratelimit.registration_allowed(other, "A@example.org ") is False  # same e-mail
    assert ratelimit.registration_allowed(other, "c@example.org") is False  # other's address already used
    assert ratelimit.registration_allowed(factory.post("/", REMOTE_ADDR="192.0.2.3"), "d@example.org") is True
