"""Staff sign-in is throttled per username and address, and per address (organiser/lockout.py)."""
import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.db.models import F
from django.test import RequestFactory
from django.utils import translation

from trainingcenter.center.services import create_api_token
from trainingcenter.organiser.lockout import client_address

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
OFFICE = "198.51.100.7"
ELSEWHERE = "203.0.113.9"


@pytest.fixture(autouse=True)
def lockout_on(settings):
    """Axes is off in the test settings (Client.login() passes no request); on here, with the defaults."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def sign_in(client, username, password, address=OFFICE, language="en", **headers):
    return client.post(
        f"/{language}/admin/login/",
        {"username": username, "password": password, "next": f"/{language}/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


def fail(client, username, times, address=OFFICE):
    return [sign_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def age_attempts(by):
    """Travel in time: every recorded failure happened ``by`` earlier."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - by)


def test_five_wrong_passwords_lock_the_username_from_that_address_even_for_the_right_password(client, centre_admin):
    assert fail(client, "centre-admin", 4) == [200, 200, 200, 200]
    assert fail(client, "centre-admin", 1) == [429]

    response = sign_in(client, "centre-admin", PASSWORD)

    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in client.session
    assert response["Retry-After"] == str(15 * 60)
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert "try again in 15" in page and "minutes" in page


def test_the_lock_lifts_after_the_cool_off_since_the_last_attempt(client, centre_admin):
    fail(client, "centre-admin", 5)
    assert sign_in(client, "centre-admin", PASSWORD).status_code == 429  # this attempt restarts the cool-off

    age_attempts(timedelta(minutes=14))
    assert sign_in(client, "centre-admin", PASSWORD).status_code == 429

    age_attempts(timedelta(minutes=15, seconds=1))
    assert signed_in(sign_in(client, "centre-admin", PASSWORD))


def test_a_reset_lifts_the_lock_at_once(client, centre_admin):
    fail(client, "centre-admin", 5)

    assert reset(ip=OFFICE, username="centre-admin") >= 1

    assert signed_in(sign_in(client, "centre-admin", PASSWORD))


def test_the_same_username_from_another_address_is_not_locked(client, centre_admin):
    fail(client, "centre-admin", 5)

    assert signed_in(sign_in(client, "centre-admin", PASSWORD, address=ELSEWHERE))


def test_a_colleague_at_the_same_address_is_not_locked_by_someone_elses_typos(client, centre_admin, organiser):
    fail(client, "centre-admin", 5)

    assert signed_in(sign_in(client, "program-organiser", PASSWORD))


def test_one_address_trying_many_usernames_is_locked_for_every_username(client, centre_admin):
    """The per-address rule: 20 failures from one address, whatever the usernames, close it."""
    for name in ("alice", "bob", "carol", "dave"):
        assert fail(client, name, 4) == [200] * 4  # each under the per-username limit
    assert fail(client, "erin", 3) == [200] * 3  # 19 failures from this address

    assert fail(client, "frank", 1) == [429]  # the 20th
    response = sign_in(client, "centre-admin", PASSWORD)
    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated
    # The rule is about the address: the same account elsewhere is fine.
    assert signed_in(sign_in(client, "centre-admin", PASSWORD, address=ELSEWHERE))


def test_below_the_per_address_limit_other_usernames_still_sign_in(client, centre_admin):
    for name in ("alice", "bob", "carol"):
        fail(client, name, 4)

    assert signed_in(sign_in(client, "centre-admin", PASSWORD))


def test_the_limits_come_from_the_settings(client, settings, centre_admin):
    settings.AXES_FAILURE_LIMIT = 2

    assert fail(client, "centre-admin", 2) == [200, 429]


def test_forwarded_for_counts_only_behind_a_trusted_proxy(client, settings, centre_admin):
    settings.TRUST_X_FORWARDED_FOR = True
    proxy = "10.0.0.2"
    for n in range(5):
        # Whatever the client puts before it, the last hop is the one our proxy saw.
        sign_in(client, "centre-admin", "wrong-password", address=proxy,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {OFFICE}")

    assert sign_in(client, "centre-admin", PASSWORD, address=proxy,
                   HTTP_X_FORWARDED_FOR=f"192.0.2.99, {OFFICE}").status_code == 429
    # Another visitor behind the same proxy is another address.
    assert signed_in(sign_in(client, "centre-admin", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE))

    # Without the trusted proxy, the header is the client's own claim and is ignored.
    settings.TRUST_X_FORWARDED_FOR = False
    client.logout()
    for _ in range(5):
        sign_in(client, "centre-admin", "wrong-password", address=ELSEWHERE, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert sign_in(client, "centre-admin", PASSWORD, address=ELSEWHERE,
                   HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 429


def test_addresses_of_one_ipv6_subscriber_count_together(client, centre_admin):
    for host in range(1, 6):
        sign_in(client, "centre-admin", "wrong-password", address=f"2001:db8:1:2::{host}")

    assert sign_in(client, "centre-admin", PASSWORD, address="2001:db8:1:2:ffff::1").status_code == 429
    assert signed_in(sign_in(client, "centre-admin", PASSWORD, address="2001:db8:1:3::1"))


@pytest.mark.parametrize(("meta", "expected"), [
    ({"REMOTE_ADDR": "198.51.100.7"}, "198.51.100.7"),
    ({"REMOTE_ADDR": "2001:db8:1:2:3:4:5:6"}, "2001:db8:1:2::"),
    ({"REMOTE_ADDR": "::ffff:198.51.100.7"}, "198.51.100.7"),
    ({"REMOTE_ADDR": ""}, None),
])
def test_client_address(meta, expected):
    request = RequestFactory().get("/", **meta)
    request.META.update(meta)
    assert client_address(request) == expected


def test_a_forwarded_value_that_is_no_address_falls_back_to_the_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-address")
    assert client_address(request) == "10.0.0.2"


def test_the_lockout_page_is_in_the_visitors_language(client, centre_admin):
    fail(client, "centre-admin", 5)

    response = sign_in(client, "centre-admin", PASSWORD, language="zh-hans")

    assert response.status_code == 429
    assert response["Content-Language"] == "zh-hans"
    with translation.override("zh-hans"):
        title = translation.gettext("Too many failed sign-in attempts")
        back = translation.gettext("Back to the sign-in page")
    assert title != "Too many failed sign-in attempts"
    page = response.content.decode()
    assert title in page and back in page
    assert "Too many failed sign-in attempts" not in page


def test_the_lockout_page_gets_the_same_security_headers_as_other_pages(client, centre_admin):
    fail(client, "centre-admin", 5)

    response = sign_in(client, "centre-admin", PASSWORD)

    assert response.status_code == 429
    assert response["X-Frame-Options"] == "DENY"


def test_the_api_with_a_bearer_token_is_not_affected_by_a_locked_address(client, centre_admin):
    fail(client, "centre-admin", 5)
    for name in ("alice", "bob", "carol"):
        fail(client, name, 5)
    token = create_api_token(centre_admin, name="test")

    response = client.post(
        "/api/programs",
        json.dumps({"slug": "made-while-locked", "title": "Made while the sign-in is locked",
                    "starts": "2030-06-08T09:00:00+08:00", "ends": "2030-06-08T17:00:00+08:00"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
        REMOTE_ADDR=OFFICE,
    )

    assert response.status_code == 201, response.content
