"""Staff see the tasks that failed for good, and those allowed may run them again."""
import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.core import sample_tasks
from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import CENTRE_ADMIN, sync_role_permissions
from trainingcenter.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:django_tasks_database_dbtaskresult_changelist"


@pytest.fixture
def failed(settings, tmp_path, make_worker):
    """A task that failed on its only attempt and would succeed if run again."""
    settings.TASK_MAX_ATTEMPTS = 1
    result = sample_tasks.flaky.enqueue(str(tmp_path / "flaky.log"), 1)
    make_worker(batch=True).run()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.FAILED
    return result


@pytest.fixture
def succeeded(tmp_path, make_worker):
    result = sample_tasks.succeed.enqueue(str(tmp_path / "succeed.log"))
    make_worker(batch=True).run()
    return result


@pytest.fixture
def viewer():
    """Staff who may look at the queue but not run anything again."""
    user = StaffUserFactory(username="queue-viewer")
    user.user_permissions.add(Permission.objects.get(codename="view_dbtaskresult"))
    return user


@pytest.fixture
def retrier():
    """A centre admin, with the roles synced as ``manage.py sync_roles`` does after new models."""
    sync_role_permissions()
    return StaffUserFactory(username="queue-admin", role=CENTRE_ADMIN)


def test_failed_tasks_are_listed_with_a_readable_name_attempts_and_the_last_error(client, viewer, failed, succeeded):
    client.force_login(viewer)

    response = client.get(reverse(CHANGELIST), {"status__exact": TaskResultStatus.FAILED})

    assert response.status_code == 200
    assert [str(task.pk) for task in response.context["cl"].result_list] == [str(failed.id)]
    page = response.content.decode()
    assert "Flaky (tests.core.sample_tasks)" in page
    assert "RuntimeError: failure number 1" in page
    assert "1 / 1" in page
    detail = client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed.id]))
    assert detail.status_code == 200
    assert "RuntimeError: failure number 1" in detail.content.decode()


def test_retry_gives_a_failed_task_a_fresh_round_and_it_then_does_its_work(
    client, retrier, failed, succeeded, tmp_path, make_worker, settings
):
    client.force_login(retrier)

    response = client.post(
        reverse(CHANGELIST),
        {"action": "retry", "_selected_action": [str(failed.id), str(succeeded.id)]},
        follow=True,
    )

    task = DBTaskResult.objects.get(pk=failed.id)
    assert task.status == TaskResultStatus.READY
    assert task.worker_ids == []
    assert task.run_after <= timezone.now()
    assert DBTaskResult.objects.get(pk=succeeded.id).status == TaskResultStatus.SUCCESSFUL
    shown = [str(message) for message in response.context["messages"]]
    assert "1 task queued again." in shown
    assert "1 task had not failed and was left alone." in shown

    make_worker(batch=True).run()

    task = DBTaskResult.objects.get(pk=failed.id)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert (tmp_path / "flaky.log.done").exists()


def test_staff_without_the_retry_permission_are_not_offered_retry_and_cannot_post_it(client, viewer, failed):
    client.force_login(viewer)

    listed = client.get(reverse(CHANGELIST))
    client.post(reverse(CHANGELIST), {"action": "retry", "_selected_action": [str(failed.id)]})

    # With no action allowed the admin shows no action menu at all.
    action_form = listed.context["action_form"]
    offered = [name for name, _label in action_form.fields["action"].choices] if action_form else []
    assert "retry" not in offered
    assert DBTaskResult.objects.get(pk=failed.id).status == TaskResultStatus.FAILED


def test_program_organisers_do_not_see_the_task_queue(client, organiser):
    client.force_login(organiser)

    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_the_workers_list_tells_live_workers_from_silent_ones(client, retrier, settings):
    settings.TASK_WORKER_TIMEOUT = 60
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="alive", started_at=now, last_seen=now)
    WorkerHeartbeat.objects.create(worker_id="silent", started_at=now, last_seen=now - dt.timedelta(minutes=5))
    client.force_login(retrier)

    response = client.get(reverse("admin:core_workerheartbeat_changelist"))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    alive = {
        row.select_one(".field-worker_id").get_text(strip=True): row.select_one(".field-alive img")["alt"]
        for row in page.select("#result_list tbody tr")
    }
    assert alive == {"alive": "True", "silent": "False"}
