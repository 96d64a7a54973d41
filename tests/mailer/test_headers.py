"""Extra headers per mail (List-Unsubscribe), through a real SMTP server; rows from before keep working."""
from email import message_from_bytes

import pytest
from django.db import transaction

from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import _message, message_id, queue_mail

pytestmark = pytest.mark.django_db


def test_headers_travel_with_the_mail(smtp_server):
    with transaction.atomic():
        mail = queue_mail(
            to="reader@example.org", subject="Issue 1", text="Hello",
            headers={
                "List-Unsubscribe": "<https://example.org/u/abc/>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Message-ID": "<forged@example.org>",
            },
        )
    run_tasks()
    [envelope] = smtp_server.inbox.messages
    message = message_from_bytes(envelope.content)
    assert message["List-Unsubscribe"] == "<https://example.org/u/abc/>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mail.refresh_from_db()
    assert message["Message-ID"] == message_id(mail)  # the outbox's own id wins


def test_header_values_are_one_line():
    with transaction.atomic():
        mail = queue_mail(to="a@example.org", subject="s", text="t", headers={"X-Test": "a\r\nBcc: evil@example.org"})
    assert mail.headers == {"X-Test": "a Bcc: evil@example.org"}


def test_rows_without_headers_still_send():
    with transaction.atomic():
        mail = queue_mail(to="a@example.org", subject="s", text="t")
    OutgoingMail.objects.filter(pk=mail.pk).update(headers={})
    mail.refresh_from_db()
    message = _message(mail).message()
    assert message["List-Unsubscribe"] is None and message["Message-ID"]
