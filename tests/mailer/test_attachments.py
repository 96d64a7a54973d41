"""Binary attachments and inline images in the outbox, delivered through a real SMTP server; old rows still work."""
from email import message_from_bytes

import pytest
from django.db import transaction

from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import _message, queue_mail

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # not a picture, but bytes no text encoding survives


def parts_of(envelope):
    return list(message_from_bytes(envelope.content).walk())


def test_an_inline_image_travels_beside_the_html_and_a_file_as_an_attachment(smtp_server):
    with transaction.atomic():
        mail = queue_mail(
            to="reader@example.org", subject="Your code", text="Code: ABCD", html='<p><img src="cid:code.1@tc"></p>',
            attachments=[
                ("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
                {"filename": "code.png", "content": PNG, "mimetype": "image/png", "content_id": "code.1@tc"},
                ("badge.pdf", b"%PDF-1.7 \x00\xff", "application/pdf"),
            ],
        )
    run_tasks()

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    # Bytes are kept as base64 in the JSON column; text as it is.
    stored = {item["filename"]: item for item in mail.attachments}
    assert "content_base64" in stored["code.png"] and "content" not in stored["code.png"]
    assert stored["code.png"]["content_id"] == "code.1@tc"
    assert stored["event.ics"]["content"].startswith("BEGIN:VCALENDAR")

    [envelope] = smtp_server.inbox.messages
    parts = parts_of(envelope)
    [related] = [part for part in parts if part.get_content_type() == "multipart/related"]
    inside = [part.get_content_type() for part in related.get_payload()]
    assert inside == ["text/html", "image/png"]
    image = related.get_payload()[1]
    assert image["Content-ID"] == "<code.1@tc>"
    assert image.get_content_disposition() == "inline"
    assert image.get_payload(decode=True) == PNG
    [pdf] = [part for part in parts if part.get_content_type() == "application/pdf"]
    assert pdf.get_content_disposition() == "attachment"
    assert pdf.get_payload(decode=True) == b"%PDF-1.7 \x00\xff"
    assert "text/calendar" in {part.get_content_type() for part in parts}
    # The text part stays the first alternative, outside the related part.
    [alternative] = [part for part in parts if part.get_content_type() == "multipart/alternative"]
    assert [part.get_content_type() for part in alternative.get_payload()] == ["text/plain", "multipart/related"]


def test_a_row_written_before_binary_attachments_is_sent_as_it_always_was(smtp_server):
    with transaction.atomic():
        mail = queue_mail(to="reader@example.org", subject="Old", text="Plain", html="<p>Rich</p>")
        # As rows were stored before: text content only, no base64, no content id.
        OutgoingMail.objects.filter(pk=mail.pk).update(
            attachments=[{"filename": "old.ics", "content": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                          "mimetype": "text/calendar"}],
        )
    run_tasks()

    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    [envelope] = smtp_server.inbox.messages
    types = [part.get_content_type() for part in parts_of(envelope)]
    assert "multipart/related" not in types
    assert {"text/plain", "text/html", "text/calendar"} <= set(types)


def test_an_inline_image_without_html_becomes_a_plain_attachment():
    """Nothing would show it in place; as a file it still reaches the reader."""
    with transaction.atomic():
        mail = queue_mail(to="reader@example.org", subject="Text only", text="Code: ABCD", attachments=[
            {"filename": "code.png", "content": PNG, "mimetype": "image/png", "content_id": "code.2@tc"},
        ])

    message = _message(mail).message()

    [image] = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert image.get_content_disposition() == "attachment"
    assert image.get_payload(decode=True) == PNG
