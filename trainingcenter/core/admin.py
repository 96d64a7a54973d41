"""The task queue and its workers, for staff: what failed for good, why, and a way to run it again.

django_tasks_db registers a bare list of task rows; this replaces it with one
that reads like a to-do list (task name, attempts, last error) and lets staff
holding ``core.retry_task`` give failed tasks a fresh round of attempts.
This module must be imported after django_tasks_db's admin, which is why
``trainingcenter.core`` comes after ``django_tasks_db`` in INSTALLED_APPS.
"""
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from . import services
from .models import WorkerHeartbeat

admin.site.unregister(DBTaskResult)


def readable_task_name(task_path):
    """'trainingcenter.mailer.tasks.send_outgoing_mail' -> 'Send outgoing mail (mailer)'."""
    module, _dot, name = task_path.rpartition(".")
    parts = module.split(".")
    app = parts[1] if parts[0] == "trainingcenter" and len(parts) > 1 else module
    words = name.replace("_", " ").strip().capitalize() or task_path
    return f"{words} ({app})" if app else words


def last_error_line(db_result):
    """The exception and its message, the part of a traceback staff can act on."""
    lines = [line for line in (db_result.traceback or "").strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


class TaskNameFilter(admin.SimpleListFilter):
    title = _("task")
    parameter_name = "task"

    def lookups(self, request, model_admin):
        paths = DBTaskResult.objects.order_by().values_list("task_path", flat=True).distinct()
        return sorted(((path, readable_task_name(path)) for path in paths), key=lambda item: item[1])

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(task_path=self.value())
        return queryset


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """Read-only like the stock admin: task rows change only through the worker and ``retry``."""

    list_display = ("task", "status", "attempts", "last_error", "enqueued_at", "started_at", "next_attempt",
                    "finished_at")
    list_filter = ("status", TaskNameFilter, "queue_name")
    search_fields = ("id", "task_path")
    ordering = ["-enqueued_at"]
    actions = ["retry"]

    def has_retry_permission(self, request):
        return request.user.has_perm("core.retry_task")

    @admin.display(description=_("task"), ordering="task_path")
    def task(self, db_result):
        return readable_task_name(db_result.task_path)

    @admin.display(description=_("attempts"))
    def attempts(self, db_result):
        return f"{services.attempts_of(db_result)} / {services.max_attempts()}"

    @admin.display(description=_("last error"))
    def last_error(self, db_result):
        return last_error_line(db_result)[:200]

    @admin.display(description=_("next attempt"), ordering="run_after")
    def next_attempt(self, db_result):
        if db_result.status != TaskResultStatus.READY or db_result.run_after == get_date_max():
            return self.get_empty_value_display()
        return max(db_result.run_after, timezone.now())

    @admin.action(description=_("Retry: run again now, with a fresh round of attempts"), permissions=["retry"])
    def retry(self, request, queryset):
        chosen = list(queryset)
        retried = 0
        for db_result in chosen:
            # One row at a time, so the history names exactly the tasks that were retried.
            if services.retry_failed_tasks(DBTaskResult.objects.filter(pk=db_result.pk)):
                self.log_change(request, db_result, "Retried by hand")
                retried += 1
        self.message_user(
            request,
            ngettext("%(count)d task queued again.", "%(count)d tasks queued again.", retried) % {"count": retried},
            messages.SUCCESS if retried else messages.INFO,
        )
        skipped = len(chosen) - retried
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d task had not failed and was left alone.",
                    "%(count)d tasks had not failed and were left alone.",
                    skipped,
                ) % {"count": skipped},
                messages.INFO,
            )


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    """Which workers are running, and since when a silent one has been silent."""

    list_display = ("worker_id", "hostname", "pid", "started_at", "last_seen", "alive")
    readonly_fields = ("worker_id", "hostname", "pid", "started_at", "last_seen")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("alive"), boolean=True)
    def alive(self, heartbeat):
        timeout = services.worker_timeout()
        return (timezone.now() - heartbeat.last_seen).total_seconds() <= timeout
