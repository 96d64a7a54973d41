"""The organisers' newsletter pages: compose, edit with clear messages, preview, test, send, progress."""
import pytest
from django.core import mail

from tests.news.factories import PostFactory, SubscriberFactory
from tests.worker import run_tasks
from trainingcenter.news.models import Issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, superuser):
    client.force_login(superuser)
    return client


def test_needs_permission(client, checkin_staff):
    client.force_login(checkin_staff)
    assert client.get("/en/staff/newsletter/").status_code == 403


def test_compose_edit_preview_test_send(staff):
    PostFactory(title="Water conference")
    SubscriberFactory(email="reader@example.org", language="ru")
    response = staff.post("/en/staff/newsletter/compose/")
    issue = Issue.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/staff/newsletter/{issue.pk}/"
    page = staff.get(f"/en/staff/newsletter/{issue.pk}/").content.decode()
    assert "Water conference" in page

    response = staff.post(f"/en/staff/newsletter/{issue.pk}/", {"subject_en": "", "body_en": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please give the issue a subject in English." in html and "Please write the issue" in html

    data = {
        "subject_en": "July news", "body_en": "<p>Hello<script>x()</script></p>",
        "subject_ru": "Июльские новости", "body_ru": "<p>Здравствуйте</p>", "subject_zh_hans": "", "body_zh_hans": "",
    }
    assert staff.post(f"/en/staff/newsletter/{issue.pk}/", data).status_code == 302
    issue.refresh_from_db()
    assert issue.body_en == "<p>Hello</p>"

    preview = staff.get(f"/en/staff/newsletter/{issue.pk}/preview/?language=ru").content.decode()
    assert "Июльские новости" in preview and "Здравствуйте" in preview
    zh = staff.get(f"/en/staff/newsletter/{issue.pk}/preview/?language=zh-hans").content.decode()
    assert "July news" in zh  # English where a language has no text

    staff.post(f"/en/staff/newsletter/{issue.pk}/test/", {"language": "ru"})
    run_tasks()
    assert [m.to for m in mail.outbox] == [["root@example.org"]]

    staff.post(f"/en/staff/newsletter/{issue.pk}/send/")
    page = staff.get(f"/en/staff/newsletter/{issue.pk}/").content.decode()
    assert 'http-equiv="refresh"' in page
    run_tasks()
    page = staff.get(f"/en/staff/newsletter/{issue.pk}/").content.decode()
    assert "1 of 1 sent" in page and "reader@example.org" in page
    assert Issue.objects.get().status == Issue.Status.SENT
    assert staff.post(f"/en/staff/newsletter/{issue.pk}/", data).status_code == 302  # refused, with a message
