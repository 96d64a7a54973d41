"""services.lost_links: one mail with every active registration of an address, nothing for an unknown one."""
import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import ProgramFactory, RegistrationFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.registrations import services
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db


def program_in(days, **kwargs):
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return ProgramFactory(starts=starts, ends=starts + dt.timedelta(hours=8),
                          registration_opens=starts - dt.timedelta(days=60),
                          registration_closes=starts - dt.timedelta(days=1), **kwargs)


def test_lists_every_active_registration_of_the_address_and_none_of_anothers():
    soon = RegistrationFactory(email="a@example.org", program=program_in(10, title="Soon"))
    later = RegistrationFactory(email="a@example.org", program=program_in(40, title="Later"),
                                status=Registration.Status.AWAITING_APPROVAL, mode=Registration.Mode.ONLINE)
    past = RegistrationFactory(email="a@example.org", program=program_in(-40, title="Past"))
    cancelled = RegistrationFactory(email="a@example.org", status=Registration.Status.CANCELLED)
    rejected = RegistrationFactory(email="a@example.org", status=Registration.Status.REJECTED)
    other = RegistrationFactory(email="b@example.org", program=soon.program)

    mail_row = services.lost_links.send_links("a@example.org")

    body = mail_row.body_text
    for shown in (soon, later, past):
        assert f"http://testserver/en/r/{shown.token}/" in body
        assert shown.token in mail_row.body_html
    for hidden in (cancelled, rejected, other):
        assert hidden.token not in body and hidden.token not in mail_row.body_html
    # Programs still to come first, soonest first; past ones after.
    assert body.index("Soon") < body.index("Later") < body.index("Past")
    assert "Awaiting approval" in body
    assert mail_row.to == "a@example.org"
    assert mail_row.subject == "The links to your 3 registrations"


def test_one_registration_has_a_singular_subject():
    RegistrationFactory(email="a@example.org")
    assert services.lost_links.send_links("a@example.org").subject == "The link to your registration"


def test_unknown_or_only_cancelled_address_gets_no_mail():
    RegistrationFactory(email="gone@example.org", status=Registration.Status.CANCELLED)
    assert services.lost_links.send_links("nobody@example.org") is None
    assert services.lost_links.send_links("gone@example.org") is None
    assert OutgoingMail.objects.count() == 0


def test_request_queues_the_same_one_task_for_known_and_unknown_addresses():
    RegistrationFactory(email="known@example.org")

    services.lost_links.request_links("Known@Example.org")
    services.lost_links.request_links("nobody@example.org")

    tasks = DBTaskResult.objects.filter(task_path="trainingcenter.registrations.tasks.send_lost_links")
    assert sorted(task.args_kwargs["args"][0] for task in tasks) == ["known@example.org", "nobody@example.org"]
    assert OutgoingMail.objects.count() == 0  # nothing looked up nor written while the person waits
    run_tasks()
    assert [m.to for m in mail.outbox] == [["known@example.org"]]


def test_a_task_run_twice_queues_one_mail():
    RegistrationFactory(email="known@example.org")
    services.lost_links.request_links("known@example.org")
    [task] = DBTaskResult.objects.filter(task_path="trainingcenter.registrations.tasks.send_lost_links")

    for _run in range(2):
        services.lost_links.send_links(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])

    assert OutgoingMail.objects.filter(to="known@example.org").count() == 1


def test_chinese_mail_for_a_participant_who_chose_chinese():
    program = ProgramFactory(title="Green Development Training", title_zh_hans="绿色发展培训")
    registration = RegistrationFactory(email="li@example.org", language="zh-hans", program=program)

    mail_row = services.lost_links.send_links("li@example.org")

    assert "绿色发展培训" in mail_row.body_text
    assert f"/zh-hans/r/{registration.token}/" in mail_row.body_text
    assert 'lang="zh-hans"' in mail_row.body_html
