"""The Zoom client against a local server that speaks Zoom's API."""
import datetime as dt
import logging
import socket

import pytest
import requests

from trainingcenter.meetings import zoom


def add(client, email="amina@example.org", zoom_id="85120001234", kind="meeting"):
    return client.add_registrant(kind, zoom_id, email=email, first_name="Amina", last_name="Karimova")


@pytest.fixture
def client(fake_zoom):
    return zoom.ZoomClient()


def test_token_is_fetched_once_and_reused_for_several_calls(client, fake_zoom):
    for n in range(3):
        add(client, email=f"person{n}@example.org")

    token_requests = fake_zoom.requests_to("POST", "/oauth/token")
    assert len(token_requests) == 1
    assert token_requests[0].query == {"grant_type": ["account_credentials"], "account_id": ["fake-account"]}
    assert token_requests[0].headers["authorization"].startswith("Basic ")
    assert len(fake_zoom.requests_to("POST", "/registrants")) == 3


def test_token_is_shared_by_new_client_instances(fake_zoom):
    add(zoom.ZoomClient(), email="one@example.org")
    add(zoom.ZoomClient(), email="two@example.org")

    assert len(fake_zoom.requests_to("POST", "/oauth/token")) == 1


def test_expired_token_is_replaced_once_and_the_call_repeated(client, fake_zoom):
    add(client, email="first@example.org")
    fake_zoom.expire_tokens()

    registrant = add(client, email="second@example.org")

    assert registrant.join_url.startswith("https://zoom.example/")
    assert len(fake_zoom.requests_to("POST", "/oauth/token")) == 2
    # First try with the dropped token, second with the new one.
    assert len(fake_zoom.requests_to("POST", "/registrants")) == 3


def test_add_registrant_sends_zoom_fields_and_returns_personal_link(client, fake_zoom):
    first = add(client, email="amina@example.org")
    second = add(client, email="bolat@example.org")

    sent = fake_zoom.requests_to("POST", "/v2/meetings/85120001234/registrants")[0]
    assert sent.body == {
        "email": "amina@example.org", "first_name": "Amina", "last_name": "Karimova", "auto_approve": True,
    }
    assert sent.headers["authorization"].startswith("Bearer ")
    assert first.registrant_id and second.registrant_id and first.registrant_id != second.registrant_id
    assert first.join_url != second.join_url


def test_webinar_registrants_go_to_the_webinar_endpoint_without_auto_approve(client, fake_zoom):
    add(client, kind="webinar", zoom_id="99911122233")

    sent = fake_zoom.requests_to("POST", "/v2/webinars/99911122233/registrants")
    assert len(sent) == 1
    assert "auto_approve" not in sent[0].body


def test_cancel_registrant_puts_cancel_status(client, fake_zoom):
    registrant = add(client)

    client.cancel_registrant("meeting", "85120001234", registrant_id=registrant.registrant_id,
                             email="amina@example.org")

    put = fake_zoom.requests_to("PUT", "/v2/meetings/85120001234/registrants/status")
    assert len(put) == 1
    assert put[0].body == {"action": "cancel", "registrants": [{"id": registrant.registrant_id,
                                                                "email": "amina@example.org"}]}
    assert fake_zoom.registrants("meetings", "85120001234") == {}


def test_429_with_retry_after_is_rate_limited_for_that_long(client, fake_zoom):
    add(client, email="warm@example.org")  # token cached, so the 429 hits the API call
    fake_zoom.rate_limit_next(1, retry_after=120)

    with pytest.raises(zoom.ZoomRateLimited) as caught:
        add(client)
    assert caught.value.retry_after_seconds == 120


def test_per_registrant_daily_limit_waits_until_midnight_utc(client, fake_zoom):
    add(client, email="warm@example.org")
    fake_zoom.rate_limit_next(1, retry_after=None)

    with pytest.raises(zoom.ZoomRateLimited) as caught:
        add(client)

    now = dt.datetime.now(dt.UTC)
    midnight = (now + dt.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    assert abs(caught.value.retry_after_seconds - (midnight - now).total_seconds()) < 5


def test_retry_after_as_a_date_is_understood():
    now = dt.datetime(2030, 5, 30, 23, 0, tzinfo=dt.UTC)
    response = requests.Response()
    response.headers["Retry-After"] = "2030-05-31T00:00:00Z"
    assert zoom.parse_retry_after(response, now=now) == 3601


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_unavailable(client, fake_zoom, status):
    fake_zoom.fail_next(1, status=status)
    with pytest.raises(zoom.ZoomUnavailable):
        add(client)


def test_zoom_down_is_unavailable(client, fake_zoom):
    fake_zoom.down()
    with pytest.raises(zoom.ZoomUnavailable):
        add(client)


def test_connection_refused_is_unavailable(fake_zoom, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.ZOOM_OAUTH_URL = f"http://127.0.0.1:{closed_port}/oauth/token"
    settings.ZOOM_API_URL = f"http://127.0.0.1:{closed_port}/v2"

    with pytest.raises(zoom.ZoomUnavailable):
        add(zoom.ZoomClient())


def test_refusal_is_permanent_with_zoom_code(client, fake_zoom):
    fake_zoom.refuse("host@example.org", code=3027)
    with pytest.raises(zoom.ZoomRejected) as caught:
        add(client, email="host@example.org")
    assert caught.value.code == 3027
    assert caught.value.status == 400


def test_wrong_credentials_are_refused(fake_zoom, settings):
    settings.ZOOM_CLIENT_SECRET = "not-the-secret"
    with pytest.raises(zoom.ZoomRejected):
        add(zoom.ZoomClient())
    assert fake_zoom.requests_to("POST", "/registrants") == []


def test_missing_credentials_raise_not_configured(settings):
    settings.ZOOM_ACCOUNT_ID = ""
    assert not zoom.is_configured()
    with pytest.raises(zoom.ZoomNotConfigured):
        zoom.ZoomClient()


def test_logs_carry_no_email_address(client, fake_zoom, caplog):
    caplog.set_level(logging.DEBUG)
    fake_zoom.refuse("private.person@example.org")
    with pytest.raises(zoom.ZoomRejected):
        add(client, email="private.person@example.org")
    fake_zoom.rate_limit_next(1, retry_after=None)
    with pytest.raises(zoom.ZoomRateLimited):
        add(client, email="private.person@example.org")

    assert caplog.records  # the failures were logged ...
    assert "private.person" not in caplog.text  # ... without the address


# --- participant reports ------------------------------------------------------------------------


def participant(n, **extra):
    return {
        "id": f"p{n}", "name": f"Person {n}", "user_email": f"person{n}@example.org",
        "join_time": "2026-06-08T01:00:00Z", "leave_time": "2026-06-08T02:00:00Z", "duration": 3600,
        "registrant_id": f"reg{n}", **extra,
    }


def test_report_participants_reads_every_page(client, fake_zoom):
    fake_zoom.set_report("meetings", "85120001234", [participant(n) for n in range(650)])

    rows = client.report_participants("meeting", "85120001234")

    assert [row["id"] for row in rows] == [f"p{n}" for n in range(650)]
    calls = fake_zoom.requests_to("GET", "/v2/report/meetings/85120001234/participants")
    assert len(calls) == 3  # 300 + 300 + 50
    assert calls[0].query["page_size"] == ["300"] and "next_page_token" not in calls[0].query
    assert calls[0].query["include_fields"] == ["registrant_id"]
    assert calls[1].query["next_page_token"][0]
    assert rows[0]["registrant_id"] == "reg0"


def test_webinar_reports_go_to_the_webinar_endpoint(client, fake_zoom):
    fake_zoom.set_report("webinars", "99911122233", [participant(1)])

    assert len(client.report_participants("webinar", "99911122233")) == 1
    assert fake_zoom.requests_to("GET", "/v2/report/webinars/99911122233/participants")


def test_past_instances_and_their_reports_by_uuid(client, fake_zoom):
    # Zoom's instance UUIDs are base64: "/" and "+" must be encoded, "//" or a leading "/" twice.
    uuids = ["4444AAAiAAAAAiAiAiiAii==", "/ajXp112QmuoKj4854875==", "ab//cd+ef=="]
    for n, uuid in enumerate(uuids):
        fake_zoom.add_instance("meetings", "85120001234", uuid, f"2026-06-0{8 + n}T01:00:00Z", [participant(n)])

    instances = client.past_instances("meeting", "85120001234")

    assert [instance.uuid for instance in instances] == uuids
    assert instances[0].start_time == dt.datetime(2026, 6, 8, 1, 0, tzinfo=dt.UTC)
    for n, instance in enumerate(instances):
        [row] = client.report_participants("meeting", instance.uuid)
        assert row["id"] == f"p{n}"
    paths = [r.path for r in fake_zoom.requests_to("GET", "/participants")]
    assert "/v2/report/meetings/4444AAAiAAAAAiAiAiiAii%3D%3D/participants" in paths
    assert "/v2/report/meetings/%252FajXp112QmuoKj4854875%253D%253D/participants" in paths


def test_encode_meeting_id():
    assert zoom.encode_meeting_id("85120001234") == "85120001234"
    assert zoom.encode_meeting_id("abc+d/e==") == "abc%2Bd%2Fe%3D%3D"
    assert zoom.encode_meeting_id("/abc") == "%252Fabc"


def test_an_unknown_meeting_report_is_refused(client, fake_zoom):
    with pytest.raises(zoom.ZoomRejected) as caught:
        client.report_participants("meeting", "85100000000")
    assert (caught.value.status, caught.value.code) == (404, 3001)


def test_report_calls_renew_an_expired_token(client, fake_zoom):
    fake_zoom.set_report("meetings", "85120001234", [participant(1)])
    client.report_participants("meeting", "85120001234")
    fake_zoom.expire_tokens()

    assert len(client.report_participants("meeting", "85120001234")) == 1
    assert len(fake_zoom.requests_to("POST", "/oauth/token")) == 2


def test_a_rate_limited_report_page_says_when_to_try_again(client, fake_zoom):
    fake_zoom.set_report("meetings", "85120001234", [participant(n) for n in range(400)])
    add(client, email="warm@example.org")
    fake_zoom.rate_limit_next(1, retry_after=30)

    with pytest.raises(zoom.ZoomRateLimited) as caught:
        client.report_participants("meeting", "85120001234")
    assert caught.value.retry_after_seconds == 30
