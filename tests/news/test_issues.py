"""Newsletter issues: pre-filled, sent once per confirmed subscriber in their language, even when tasks run twice."""
import pytest
from django.core import mail
from django.db import transaction

from tests.factories import ProgramFactory
from tests.news.factories import PostFactory, SubscriberFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.news import issues
from trainingcenter.news.models import Delivery, Issue, Subscriber

pytestmark = pytest.mark.django_db


def test_compose_prefills_every_language_from_posts_and_programs():
    PostFactory(title_en="Water conference", title_ru="Водная конференция")
    ProgramFactory(title_en="Batteries program")
    issue = issues.compose()
    assert issue.status == Issue.Status.DRAFT
    assert "Water conference" in issue.body_en and "Batteries program" in issue.body_en
    assert "Водная конференция" in issue.body_ru and issue.subject_ru


def test_sent_once_per_confirmed_subscriber_in_their_language_even_when_tasks_run_twice():
    for n in range(5):
        SubscriberFactory(email=f"r{n}@example.org", language="ru" if n % 2 else "en")
    Subscriber.objects.create(email="unconfirmed@example.org", token=Subscriber.new_token())
    issue = issues.compose()
    issues.save_issue(issue, subject_en="Hello", subject_ru="Привет", body_en="<p>Hi</p>", body_ru="<p>Привет</p>")
    assert issues.start_sending(issue)
    assert not issues.start_sending(issue)  # a second click does nothing
    # The chunk task runs twice (a worker died after its commit), in chunks of 2.
    with transaction.atomic():
        issues.list_recipients(issue.pk, 0, chunk=2)
        issues.list_recipients(issue.pk, 0, chunk=2)
    run_tasks()
    assert Delivery.objects.filter(issue=issue).count() == 5
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == [f"r{n}@example.org" for n in range(5)]
    by_to = {message.to[0]: message for message in mail.outbox}
    assert by_to["r1@example.org"].subject == "Привет" and by_to["r0@example.org"].subject == "Hello"
    headers = by_to["r1@example.org"].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/ru/newsletter/unsubscribe/" in headers["List-Unsubscribe"]
    assert "/ru/newsletter/unsubscribe/" in by_to["r1@example.org"].body
    figures = issues.progress(issue)
    assert figures["sent"] == 5 and figures["status"] == Issue.Status.SENT


def test_one_failing_address_does_not_stop_the_rest(monkeypatch):
    for n in range(3):
        SubscriberFactory(email=f"r{n}@example.org")
    issue = issues.compose()
    issues.start_sending(issue)
    from trainingcenter.mailer import services as mailer_services

    original = mailer_services._message

    def failing(outgoing):
        if outgoing.to == "r1@example.org":
            raise OSError("mailbox unavailable")
        return original(outgoing)

    monkeypatch.setattr(mailer_services, "_message", failing)
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["r0@example.org", "r2@example.org"]
    assert OutgoingMail.objects.get(to="r1@example.org").status == OutgoingMail.Status.AWAITING_RETRY
    figures = issues.progress(issue)
    assert figures["sent"] == 2 and figures["waiting"] == 1


def test_send_test_goes_to_the_organiser_only():
    SubscriberFactory(email="reader@example.org")
    issue = issues.compose()
    issues.send_test(issue, to="me@example.org", language="zh-hans")
    run_tasks()
    [message] = mail.outbox
    assert message.to == ["me@example.org"] and message.subject.startswith("[TEST]")
