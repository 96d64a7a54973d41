"""Newsletter pages: subscribe with a clear message for bad input, confirm, unsubscribe in one click."""
import re

import pytest
from django.core import mail
from django.utils import translation

from tests.factories import ProgramFactory
from tests.public.registration_post import valid_post
from tests.worker import run_tasks
from trainingcenter.news.models import Subscriber

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_bad_input_gets_clear_messages(client):
    response = client.post("/en/newsletter/", {"email": "not-an-address", "language": "xx"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please enter a valid e-mail address, like name@example.org." in html
    assert "Please choose one of the languages offered." in html
    response = client.post("/en/newsletter/", {"email": "", "language": "en"})
    assert "Please enter your e-mail address." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_honeypot_is_answered_like_success_but_subscribes_nobody(client):
    response = client.post("/en/newsletter/", {"email": "bot@example.org", "language": "en", "website": "x"})
    assert response.status_code == 303 and response["Location"] == "/en/newsletter/sent/"
    assert not Subscriber.objects.exists()


def test_too_fast_is_shown_again(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    page = client.get("/en/newsletter/").content.decode()
    token = re.search(r'name="shown_at" value="([^"]+)"', page).group(1)
    response = client.post("/en/newsletter/", {"email": "q@example.org", "language": "en", "shown_at": token})
    assert response.status_code == 400 and "quicker than we expected" in response.content.decode()


def test_rate_limited_per_client(client, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_ADDRESS = "2/h"
    for n in range(2):
        assert client.post("/en/newsletter/", {"email": f"r{n}@example.org", "language": "en"}).status_code == 303
    response = client.post("/en/newsletter/", {"email": "r3@example.org", "language": "en"})
    assert response.status_code == 429 and response["Retry-After"]


def test_subscribe_confirm_then_one_click_unsubscribe_from_an_issue(client):
    response = client.post("/zh-hans/newsletter/", {"email": "Reader@Example.org", "language": "ru"})
    assert response.status_code == 303
    assert "/newsletter/sent/" in response["Location"]
    run_tasks()
    [message] = mail.outbox
    confirm_path = re.search(r"http://[^/]+(/ru/newsletter/confirm/[^/]+/)", message.body).group(1)
    page = client.get(confirm_path)
    # The confirmation page is in the subscriber's language, from the link.
    with translation.override("ru"):
        button = translation.gettext("Yes, subscribe me")
    assert button != "Yes, subscribe me" and button in page.content.decode()
    assert Subscriber.objects.get().confirmed_at is None  # a GET (a link checker) confirms nothing
    page = client.post(confirm_path)
    assert page.status_code == 200 and Subscriber.objects.get().confirmed_at is not None
    assert page["X-Robots-Tag"] == "noindex, nofollow"

    subscriber = Subscriber.objects.get()
    csrf_client = client.__class__(enforce_csrf_checks=True)
    # What a mail provider sends for List-Unsubscribe-Post: no cookie, no CSRF token.
    response = csrf_client.post(
        f"/ru/newsletter/unsubscribe/{subscriber.token}/", "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    # Clicking again is harmless.
    assert csrf_client.post(f"/ru/newsletter/unsubscribe/{subscriber.token}/").status_code == 200


def test_unsubscribe_page_asks_before_it_acts(client):
    subscriber = Subscriber.objects.create(email="s@example.org", token=Subscriber.new_token())
    page = client.get(f"/en/newsletter/unsubscribe/{subscriber.token}/")
    assert "Unsubscribe from the newsletter" in page.content.decode()
    assert Subscriber.objects.exists()


def test_participant_can_opt_in_while_registering(client):
    program = ProgramFactory()
    data = valid_post(email="p@example.org", newsletter="on")
    response = client.post(f"/en/programs/{program.slug}/register/", data)
    assert response.status_code == 303
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "p@example.org" and subscriber.source == "registration"
    assert subscriber.confirmed_at is None
    run_tasks()
    assert any("newsletter/confirm" in m.body for m in mail.outbox)


def test_registering_without_the_box_subscribes_nobody(client):
    program = ProgramFactory()
    client.post(f"/en/programs/{program.slug}/register/", valid_post(email="n@example.org"))
    assert not Subscriber.objects.exists()
