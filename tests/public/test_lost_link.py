"""The "I lost my link" page: the same answer for every address, the links by e-mail, rate limits."""
import re
import time

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tests.factories import ProgramFactory, RegistrationFactory
from tests.worker import run_tasks
from trainingcenter.core import formtiming
from trainingcenter.registrations.models import Registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

URL = "/en/registrations/lost-link/"
SENT = "/en/registrations/lost-link/sent/"


def ask(client, email, remote_addr="127.0.0.1", **fields):
    return client.post(URL, {"email": email, "website": "", **fields}, REMOTE_ADDR=remote_addr)


def lost_link_tasks():
    return DBTaskResult.objects.filter(task_path="trainingcenter.registrations.tasks.send_lost_links")


def test_the_page_asks_for_the_address_and_is_linked_from_the_program_and_the_form(client):
    program = ProgramFactory()
    html = client.get(URL).content.decode()
    assert "Lost the link to your registration?" in html
    assert 'name="email"' in html and 'type="email"' in html
    assert '<label for="id_email">' in html
    assert 'name="website"' in html and 'name="shown_at"' in html

    box = Template("{% load registration_tags %}{% registration_box program %}").render(Context({"program": program}))
    assert reverse("registrations:lost_link") in box
    assert reverse("registrations:lost_link") in client.get(f"/en/programs/{program.slug}/register/").content.decode()


def test_known_address_gets_one_mail_with_the_links_of_all_its_registrations(client):
    first = RegistrationFactory(email="aigerim@example.org", program=ProgramFactory(title="Water"))
    second = RegistrationFactory(email="aigerim@example.org", program=ProgramFactory(title="Energy"),
                                 status=Registration.Status.WAITLISTED)
    cancelled = RegistrationFactory(email="aigerim@example.org", status=Registration.Status.CANCELLED)
    someone_else = RegistrationFactory(email="other@example.org", program=first.program)

    response = ask(client, " Aigerim@Example.org ")

    assert response.status_code == 303 and response["Location"] == SENT
    run_tasks()
    [message] = mail.outbox
    assert message.to == ["aigerim@example.org"]
    assert first.token in message.body and second.token in message.body
    assert "Water" in message.body and "Energy" in message.body
    assert cancelled.token not in message.body
    assert someone_else.token not in message.body
    html = message.alternatives[0][0]
    assert first.token in html and second.token in html


def test_unknown_address_gets_the_same_answer_and_no_mail(client):
    RegistrationFactory(email="known@example.org")

    known = ask(client, "known@example.org")
    unknown = ask(client, "nobody@example.org")

    assert (known.status_code, known["Location"], known.content) == (
        unknown.status_code, unknown["Location"], unknown.content)
    # The same work for both while the person waits: one task each, looked at later.
    assert lost_link_tasks().count() == 2
    run_tasks()
    assert [m.to for m in mail.outbox] == [["known@example.org"]]
    page = client.get(SENT)
    assert page.status_code == 200
    assert "If there are registrations with this e-mail address" in page.content.decode()


def test_the_mail_is_in_the_language_of_the_latest_registration(client):
    RegistrationFactory(email="ivan@example.org", language="en", program=ProgramFactory(title="Water"))
    latest = RegistrationFactory(email="ivan@example.org", language="ru",
                                 program=ProgramFactory(title="Energy", title_ru="Энергетика"))

    ask(client, "ivan@example.org")
    run_tasks()

    [message] = mail.outbox
    with translation.override("ru"):
        subject = translation.ngettext(
            "The link to your registration", "The links to your %(count)d registrations", 2) % {"count": 2}
    assert message.subject == subject
    assert "Энергетика" in message.body
    assert f"/ru/r/{latest.token}/" in message.body


def test_rate_limited_per_email_address_with_retry_after(client, settings):
    settings.LOST_LINK_RATE_LIMIT_PER_EMAIL = "2/h"
    for _attempt in range(2):
        assert ask(client, "aigerim@example.org").status_code == 303

    refused = ask(client, "Aigerim@example.org")

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    html = refused.content.decode()
    assert "Please try again in" in html and "after" in html
    assert 'value="Aigerim@example.org"' in html  # what was typed stays
    assert lost_link_tasks().count() == 2


def test_rate_limited_per_client_address_whatever_the_email(client, settings):
    settings.LOST_LINK_RATE_LIMIT_PER_ADDRESS = "3/h"
    for n in range(3):
        assert ask(client, f"person{n}@example.org").status_code == 303
    assert ask(client, "another@example.org").status_code == 429
    # Another office is not blocked by this one.
    assert ask(client, "another@example.org", remote_addr="192.0.2.77").status_code == 303


def test_honeypot_answers_the_same_and_sends_nothing(client):
    RegistrationFactory(email="aigerim@example.org")
    response = ask(client, "aigerim@example.org", website="http://spam.example")
    assert response.status_code == 303 and response["Location"] == SENT
    assert lost_link_tasks().count() == 0


def test_too_fast_is_asked_again_gently(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    RegistrationFactory(email="aigerim@example.org")
    token = re.search(r'name="shown_at" value="([^"]+)"', client.get(URL).content.decode()).group(1)

    quick = ask(client, "aigerim@example.org", shown_at=token)
    assert quick.status_code == 400
    assert "That was quicker than we expected." in quick.content.decode()
    assert 'value="aigerim@example.org"' in quick.content.decode()
    assert lost_link_tasks().count() == 0

    calm = ask(client, "aigerim@example.org", shown_at=formtiming.issue("lost-link", clock=lambda: time.time() - 10))
    assert calm.status_code == 303


def test_an_invalid_address_is_named(client):
    response = ask(client, "not-an-address")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert lost_link_tasks().count() == 0


@pytest.mark.parametrize("language", ["zh-hans", "ru"])
def test_the_page_speaks_the_visitors_language(client, language):
    html = client.get(f"/{language}/registrations/lost-link/").content.decode()
    with translation.override(language):
        heading = translation.gettext("Lost the link to your registration?")
    assert f'<html lang="{language}">' in html
    assert heading in html
