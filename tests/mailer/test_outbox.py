"""The outbox against a real SMTP server: delivery, outage and retry, idempotence."""
import datetime as dt
from email import message_from_bytes

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import ProgramFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import MAX_ATTEMPTS, queue_mail, retry_delay, retry_mail, send_mail_now
from trainingcenter.registrations import services
from trainingcenter.registrations.services import RegistrationData

pytestmark = pytest.mark.django_db
Status = OutgoingMail.Status


def make_retries_due():
    """Stand-in for waiting: scheduled retries become due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - dt.timedelta(seconds=1))


def test_mail_is_delivered_with_both_parts_and_attachment(smtp_server):
    with transaction.atomic():
        mail = queue_mail(
            to="reader@example.org", subject="Hello\nworld", text="Plain words", html="<p>Rich words</p>",
            attachments=[("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
        )
    run_tasks()

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.subject) == (Status.SENT, 1, "Hello world")
    [envelope] = smtp_server.inbox.messages
    assert envelope.rcpt_tos == ["reader@example.org"]
    parsed = message_from_bytes(envelope.content)
    types = {part.get_content_type() for part in parsed.walk()}
    assert {"text/plain", "text/html", "text/calendar"} <= types


def test_registration_succeeds_while_smtp_is_down_and_mail_follows_when_it_is_back(smtp_server):
    program = ProgramFactory()
    smtp_server.stop()

    registration = services.register(program, RegistrationData(
        given_name="Farida", family_name="Aliyeva", email="farida@example.org", country="AZ",
        organization="Baku Institute", consent=True,
    ))
    run_tasks()

    assert registration.status == "confirmed"
    mail = OutgoingMail.objects.get(to="farida@example.org")
    assert (mail.status, mail.attempts) == (Status.AWAITING_RETRY, 1)
    assert "Connection" in mail.last_error or "refused" in mail.last_error.lower()
    assert mail.next_attempt_at > timezone.now()
    assert run_tasks() == 0  # the retry waits for its time

    smtp_server.start()
    make_retries_due()
    run_tasks()

    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (Status.SENT, 2)
    [envelope] = smtp_server.inbox.messages
    assert envelope.rcpt_tos == ["farida@example.org"]
    assert registration.token.encode() in envelope.content


def test_a_sent_mail_is_never_sent_twice(smtp_server):
    with transaction.atomic():
        mail = queue_mail(to="once@example.org", subject="Once", text="Only once")
    run_tasks()
    assert send_mail_now(mail.pk) is None
    retry_mail(mail)
    run_tasks()
    assert len(smtp_server.inbox.messages) == 1
    assert OutgoingMail.objects.get(pk=mail.pk).status == Status.SENT


def test_attempts_run_out_and_staff_can_retry(smtp_server):
    smtp_server.stop()
    with transaction.atomic():
        mail = queue_mail(to="late@example.org", subject="Late", text="Eventually")
    OutgoingMail.objects.filter(pk=mail.pk).update(attempts=MAX_ATTEMPTS - 1)
    run_tasks()
    mail.refresh_from_db()
    assert mail.status == Status.FAILED
    assert not DBTaskResult.objects.filter(status="READY").exists()

    smtp_server.start()
    retry_mail(mail)
    assert mail.status == Status.QUEUED
    run_tasks()
    mail.refresh_from_db()
    assert mail.status == Status.SENT
    assert len(smtp_server.inbox.messages) == 1


def test_backoff_grows_then_stays_hourly():
    assert [retry_delay(n) for n in range(1, 9)] == [10, 30, 60, 300, 900, 1800, 3600, 3600]
    assert retry_delay(MAX_ATTEMPTS - 1) == 3600
