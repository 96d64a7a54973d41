"""What the platform itself needs to keep: which task workers are alive.

The database task backend records which worker claimed a task but not whether
that worker still exists. A worker killed by SIGKILL or the OOM killer leaves
its task RUNNING for ever; the heartbeat is how the other workers can tell.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """One row per running task worker, touched every few seconds while it lives.

    A task whose worker has not been seen for ``TASK_WORKER_TIMEOUT`` seconds
    is given back to the queue (see ``core.services.release_orphaned_tasks``).
    Clocks of all hosts are compared, so they must agree to well within that
    timeout (NTP).
    """

    # Same length limit as django_tasks_db puts on its worker ids.
    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        ordering = ["-last_seen"]
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")
        # The right to run a failed task again: it repeats a side effect
        # (e-mails, Zoom calls), so it is granted apart from seeing the queue.
        # It lives here because the task rows belong to django_tasks_db.
        permissions = [("retry_task", _("Can retry background tasks that failed"))]

    def __str__(self):
        return f"{self.worker_id} ({self.hostname or '?'}:{self.pid or '?'})"
