"""Participants' tokens never reach the logs."""
import logging

import pytest

from tests.factories import RegistrationFactory
from trainingcenter.registrations.log_filters import redact

pytestmark = pytest.mark.django_db


def test_a_bad_request_on_a_token_page_is_logged_without_the_token(client, caplog):
    registration = RegistrationFactory()

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.post(f"/en/r/{registration.token}/cancel/", {})

    assert response.status_code == 400
    logged = [record.getMessage() for record in caplog.records if record.name == "django.request"]
    assert logged == ["Bad Request: /en/r/[token]/cancel/"]
    assert all(getattr(record, "request", None) is None for record in caplog.records)


def test_gunicorns_access_lines_are_redacted_too():
    logger = logging.getLogger("gunicorn.access")
    record = logger.makeRecord(
        "gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(r)s" %(s)s',
        ({"h": "127.0.0.1", "r": "GET /ru/r/Abc-123_xyz/calendar.ics HTTP/1.1", "s": "200"},), None,
    )

    assert all(f.filter(record) for f in logger.filters)
    assert record.getMessage() == '127.0.0.1 "GET /ru/r/[token]/calendar.ics HTTP/1.1" 200'


def test_other_paths_are_left_alone():
    assert redact("GET /en/programs/r-and-d/ 200") == "GET /en/programs/r-and-d/ 200"
