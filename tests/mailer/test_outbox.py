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
from trainingcenter.mailer.services import (
    MAX_ATTEMPTS,
    message_id,
    queue_mail,
    requeue_stale_mail,
    retry_delay,
    retry_mail,
    send_mail_now,
)
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


def test_a_mail_left_sending_by_a_dead_worker_is_rescued_and_keeps_its_message_id(smtp_server, settings):
    with transaction.atomic():
        mail = queue_mail(to="rescued@example.org", subject="Rescued", text="After a crash")
    # The worker claimed the mail, then died before it could say how sending went.
    claimed = timezone.now() - dt.timedelta(seconds=settings.MAIL_STALE_CLAIM_SECONDS + 1)
    OutgoingMail.objects.filter(pk=mail.pk).update(status=Status.SENDING, claimed_at=claimed)
    DBTaskResult.objects.all().delete()

    assert requeue_stale_mail() == 1
    run_tasks()

    mail.refresh_from_db()
    assert mail.status == Status.SENT
    [received] = smtp_server.inbox.messages
    assert message_from_bytes(received.content)["Message-ID"] == message_id(mail)


def test_a_fresh_claim_is_left_to_the_worker_that_holds_it(smtp_server):
    with transaction.atomic():
        mail = queue_mail(to="busy@example.org", subject="Busy", text="Being sent")
    OutgoingMail.objects.filter(pk=mail.pk).update(status=Status.SENDING, claimed_at=timezone.now())

    assert requeue_stale_mail() == 0
    assert send_mail_now(mail.pk) is None
    assert smtp_server.inbox.messages == []


def test_a_mail_queued_twice_under_one_key_is_queued_once():
    with transaction.atomic():
        first = queue_mail(to="key@example.org", subject="Keyed", text="One", key="registration:1:confirmation:ab")
        second = queue_mail(to="key@example.org", subject="Keyed", text="One", key="registration:1:confirmation:ab")
    assert first.pk == second.pk
    assert OutgoingMail.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_confirmation_whose_render_task_runs_twice_is_queued_once(settings):
    program = ProgramFactory(capacity_online=5)
    services.register(program, RegistrationData(
        given_name="Twice", family_name="Run", email="twice@example.org", country="PK",
        organization="University", consent=True,
    ))
    [render] = DBTaskResult.objects.filter(task_path__endswith="send_registration_email")
    run_tasks()
    # The worker died after the render committed but before it recorded success: the task runs again.
    DBTaskResult.objects.filter(pk=render.pk).update(status="READY", run_after=timezone.now())
    run_tasks()

    assert OutgoingMail.objects.filter(to="twice@example.org").count() == 1


def test_a_render_task_that_raises_is_retried_and_the_mail_follows(settings, monkeypatch):
    from trainingcenter.registrations import emails

    program = ProgramFactory(capacity_online=5)
    services.register(program, RegistrationData(
        given_name="Flaky", family_name="Template", email="flaky@example.org", country="IR",
        organization="Institute", consent=True,
    ))
    real_render = emails.render
    monkeypatch.setattr(emails, "render", lambda *args: (_ for _ in ()).throw(RuntimeError("template broke")))
    run_tasks()
    [render] = DBTaskResult.objects.filter(task_path__endswith="send_registration_email")
    assert (render.status, len(render.worker_ids)) == ("READY", 1)  # put back for a retry, not failed
    assert not OutgoingMail.objects.exists()

    monkeypatch.setattr(emails, "render", real_render)
    make_retries_due()
    run_tasks()
    assert OutgoingMail.objects.filter(to="flaky@example.org").count() == 1
