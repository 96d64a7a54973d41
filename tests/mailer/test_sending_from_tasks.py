"""Mails rendered by a task go out from that task, over a connection the worker keeps open.

These tests commit for real (``transaction=True``): sending at once is only
allowed outside a transaction, which is where the worker runs its tasks.
"""
import datetime as dt
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from django.db import OperationalError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import ProgramFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import message_id, queue_and_send, requeue_stale_mail
from trainingcenter.registrations import services
from trainingcenter.registrations.services import RegistrationData

pytestmark = pytest.mark.django_db(transaction=True)
Status = OutgoingMail.Status


def register(program, n):
    return services.register(program, RegistrationData(
        given_name=f"Person{n}", family_name="Tester", email=f"person{n}@example.org", country="KZ",
        organization="Almaty Institute", consent=True,
    ))


def test_a_confirmation_goes_out_from_its_render_task_without_a_second_task(smtp_server):
    registration = register(ProgramFactory(capacity_online=5), 1)

    assert run_tasks() == 1  # the render task only: it sent the mail itself

    mail = OutgoingMail.objects.get(to="person1@example.org")
    assert (mail.status, mail.attempts) == (Status.SENT, 1)
    [envelope] = smtp_server.inbox.messages
    parsed = message_from_bytes(envelope.content)
    assert parsed["Message-ID"] == message_id(mail)
    assert registration.program.title in str(make_header(decode_header(parsed["Subject"])))
    assert not DBTaskResult.objects.filter(task_path__endswith="send_outgoing_mail").exists()


def test_a_render_task_run_again_sends_nothing_more(smtp_server):
    register(ProgramFactory(capacity_online=5), 1)
    [render] = DBTaskResult.objects.filter(task_path__endswith="send_registration_email")
    run_tasks()
    DBTaskResult.objects.filter(pk=render.pk).update(status="READY", run_after=timezone.now())
    run_tasks()

    assert len(smtp_server.inbox.messages) == 1
    assert OutgoingMail.objects.get().status == Status.SENT


def test_the_worker_sends_one_mail_after_another_over_one_connection(smtp_server):
    program = ProgramFactory(capacity_online=10)
    for n in range(4):
        register(program, n)

    run_tasks()

    assert len(smtp_server.inbox.messages) == 4
    assert len(set(smtp_server.inbox.connections)) == 1


def test_a_connection_the_server_dropped_is_opened_again_without_a_failed_attempt(smtp_server):
    program = ProgramFactory(capacity_online=10)
    register(program, 1)
    run_tasks()
    # The server restarts (or closes idle connections) between two mails.
    smtp_server.stop()
    smtp_server.start()
    register(program, 2)
    run_tasks()

    second = OutgoingMail.objects.get(to="person2@example.org")
    assert (second.status, second.attempts, second.last_error) == (Status.SENT, 1, "")
    assert len(set(smtp_server.inbox.connections)) == 2


def test_a_mail_whose_worker_died_before_sending_goes_out_when_the_task_runs_again(smtp_server, settings):
    settings.MAIL_STALE_CLAIM_SECONDS = 60
    fields = {"to": "late@example.org", "subject": "Hello", "text": "Words", "key": "test:late:1"}
    # What a worker that died right after writing the claimed mail leaves behind.
    with transaction.atomic():
        queue_and_send(**fields)  # inside a transaction: queued with its own task, not sent
    OutgoingMail.objects.update(status=Status.SENDING, claimed_at=timezone.now())
    DBTaskResult.objects.all().delete()

    queue_and_send(**fields)  # the task again, while the claim is fresh: leave it to its holder
    assert smtp_server.inbox.messages == []
    # ... but come back when the claim goes stale, in case its holder is dead.
    [later] = DBTaskResult.objects.filter(task_path__endswith="send_outgoing_mail")
    assert later.run_after == OutgoingMail.objects.get().claimed_at + dt.timedelta(seconds=60)
    assert run_tasks() == 0  # not due yet

    OutgoingMail.objects.update(claimed_at=timezone.now() - dt.timedelta(minutes=5))
    DBTaskResult.objects.update(run_after=timezone.now())
    assert run_tasks() == 1  # the claim has gone stale: the dead worker's mail goes out, once
    queue_and_send(**fields)
    assert len(smtp_server.inbox.messages) == 1
    assert OutgoingMail.objects.get().status == Status.SENT


def test_inside_a_transaction_the_mail_waits_for_the_commit(smtp_server):
    with transaction.atomic():
        mail = queue_and_send(to="wait@example.org", subject="After commit", text="Words")
        assert smtp_server.inbox.messages == []
    assert mail.status == Status.QUEUED
    run_tasks()
    assert len(smtp_server.inbox.messages) == 1


def test_a_mail_the_server_took_while_the_database_went_away_is_marked_sent_not_sent_again(smtp_server, monkeypatch):
    # The database restarts just after the SMTP server's "250 OK": the first
    # two attempts to note "sent" fail. Giving up would leave the mail
    # "sending", and the stale-claim rescue would deliver it a second time.
    update = QuerySet.update
    failures = []

    def update_while_the_database_restarts(queryset, **values):
        if queryset.model is OutgoingMail and values.get("status") == Status.SENT and len(failures) < 2:
            failures.append(values)
            raise OperationalError("server closed the connection unexpectedly")
        return update(queryset, **values)

    monkeypatch.setattr(QuerySet, "update", update_while_the_database_restarts)
    register(ProgramFactory(capacity_online=5), 1)

    assert run_tasks() == 1

    assert len(failures) == 2
    mail = OutgoingMail.objects.get(to="person1@example.org")
    assert (mail.status, mail.attempts) == (Status.SENT, 1)
    assert requeue_stale_mail(now=timezone.now() + dt.timedelta(days=1)) == 0
    assert len(smtp_server.inbox.messages) == 1
