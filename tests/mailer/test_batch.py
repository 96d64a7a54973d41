"""Sending several outbox mails over one SMTP connection: each claimed on its own, none sent twice."""
import pytest
from django.db import transaction

from tests.worker import run_tasks
from trainingcenter.mailer import services
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.tasks import send_outgoing_batch

pytestmark = pytest.mark.django_db


def queue(n):
    with transaction.atomic():
        mails = [services.queue_mail(to=f"r{i}@example.org", subject="s", text="t", enqueue=False) for i in range(n)]
        send_outgoing_batch.enqueue([mail.pk for mail in mails])
        send_outgoing_batch.enqueue([mail.pk for mail in mails])  # the same batch twice
    return mails


def test_a_batch_run_twice_sends_each_mail_once(smtp_server):
    mails = queue(5)
    run_tasks()
    recipients = sorted(rcpt for envelope in smtp_server.inbox.messages for rcpt in envelope.rcpt_tos)
    assert recipients == [f"r{i}@example.org" for i in range(5)]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {OutgoingMail.Status.SENT}
    assert services.send_batch([mail.pk for mail in mails]) == 0


def test_one_failure_does_not_stop_the_batch(smtp_server, monkeypatch):
    original = services._message

    def failing(mail):
        if mail.to == "r1@example.org":
            raise OSError("refused")
        return original(mail)

    monkeypatch.setattr(services, "_message", failing)
    mails = queue(3)
    assert services.send_batch([mail.pk for mail in mails]) == 2
    failed = OutgoingMail.objects.get(to="r1@example.org")
    assert failed.status == OutgoingMail.Status.AWAITING_RETRY and "refused" in failed.last_error
    assert len(smtp_server.inbox.messages) == 2
