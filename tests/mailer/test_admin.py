import pytest
from django.urls import reverse

from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import queue_mail

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:mailer_outgoingmail_changelist"


def mail_with_status(status, subject):
    mail = queue_mail(to="participant@example.org", subject=subject, text="Hello.")
    # Arrange the state the sending task would have left behind.
    OutgoingMail.objects.filter(pk=mail.pk).update(status=status, attempts=5, last_error="Connection refused")
    return mail


def test_retry_now_queues_failed_mail_again_and_leaves_sent_mail_alone(client, centre_admin):
    failed = mail_with_status(OutgoingMail.Status.FAILED, "Failed one")
    sent = mail_with_status(OutgoingMail.Status.SENT, "Sent one")
    client.force_login(centre_admin)

    response = client.post(
        reverse(CHANGELIST),
        {"action": "retry_now", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )

    failed.refresh_from_db()
    sent.refresh_from_db()
    assert failed.status == OutgoingMail.Status.QUEUED
    assert failed.attempts == 0
    assert sent.status == OutgoingMail.Status.SENT
    shown = [str(message) for message in response.context["messages"]]
    assert "1 e-mail queued again." in shown


def test_the_outbox_is_read_only_and_filterable_by_status(client, centre_admin):
    failed = mail_with_status(OutgoingMail.Status.FAILED, "Failed one")
    mail_with_status(OutgoingMail.Status.SENT, "Sent one")
    client.force_login(centre_admin)

    listed = client.get(reverse(CHANGELIST), {"status__exact": "failed"})
    page = client.get(reverse("admin:mailer_outgoingmail_change", args=[failed.pk]))

    assert list(listed.context["cl"].result_list) == [failed]
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:mailer_outgoingmail_add")).status_code == 403


def test_organisers_cannot_see_the_outbox(client, organiser):
    client.force_login(organiser)

    assert client.get(reverse(CHANGELIST)).status_code == 403
