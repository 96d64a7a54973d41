"""POST /api/newsletter/subscriptions: 202, a confirmation mail, nothing new for the same address soon after."""
import pytest
from django.core import mail

from tests.worker import run_tasks
from trainingcenter.news.models import Subscriber

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]
URL = "/api/newsletter/subscriptions"


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def test_subscription_answers_202_and_mails_once(client):
    response = post(client, {"email": "reader@example.org", "language": "ru"})
    assert response.status_code == 202 and "message" in response.json()
    run_tasks()
    assert len(mail.outbox) == 1 and "/ru/newsletter/confirm/" in mail.outbox[0].body
    again = post(client, {"email": "Reader@example.org", "language": "ru"})
    assert again.status_code == 202 and again.json() == response.json()
    run_tasks()
    assert len(mail.outbox) == 1
    assert Subscriber.objects.get().confirmed_at is None


def test_language_defaults_to_english(client):
    assert post(client, {"email": "x@example.org"}).status_code == 202
    assert Subscriber.objects.get().language == "en"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "nope", "language": "en"}, "email"),
        ({"email": "a@example.org", "language": "de"}, "language"),
        ({"language": "en"}, "email"),
        ({"email": "a@example.org", "extra": 1}, "extra"),
    ],
)
def test_bad_input_is_refused_field_by_field(client, body, field):
    response = post(client, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and field in error["fields"]
    assert not Subscriber.objects.exists()


def test_rate_limited(client, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_ADDRESS = "1/h"
    assert post(client, {"email": "a@example.org"}).status_code == 202
    response = post(client, {"email": "b@example.org"})
    assert response.status_code == 429 and response["Retry-After"]
    assert response.json()["error"]["code"] == "rate_limited"
