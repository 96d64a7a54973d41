"""Fetching a program's participant reports through Zoom's report API, for programs whose provider is Zoom.

An organiser asks (``request_fetch``); a background task (``tasks.fetch_zoom_reports``)
does the work (``run_fetch``):

1. list the meeting's (or webinar's) past occurrences and keep those that
   began during the program (from a day before it starts to a day after it
   ends): a program held on several days in one recurring meeting has one per
   day; without any listed, the report of the meeting ID itself (its latest
   occurrence);
2. read each occurrence's participant report, page after page;
3. import each as its own report (``zoom_import``): an occurrence fetched
   before is recognised and changes nothing, so running the task twice, or
   asking again the next day, only adds what is new.

Zoom rate-limited or unreachable: the task queues itself again later (the
database task backend has no delays of its own), up to ``MAX_ATTEMPTS``; a
refusal that repeating will not cure (no report for this plan, a missing
scope, an unknown meeting) ends the fetch with Zoom's reason for the organiser.
"""
import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from trainingcenter.meetings import providers, zoom

from .. import tasks
from ..models import ZoomFetch, ZoomReport
from ..zoom_reports import ApiRows
from .zoom_import import import_zoom_report

logger = logging.getLogger(__name__)

Status = ZoomFetch.Status
BACKOFF_SECONDS = (60, 5 * 60, 15 * 60, 60 * 60, 3 * 3600)
MAX_ATTEMPTS = len(BACKOFF_SECONDS) + 1
# A fetch still "pending" after this long lost its task (a worker died for good): another may start.
STALE_AFTER = dt.timedelta(hours=1)
WINDOW = dt.timedelta(days=1)

NOTE_NO_ZOOM_ID = gettext_noop("This program's online meeting is not a Zoom meeting with an ID.")
NOTE_NOT_CONFIGURED = gettext_noop("Zoom is not set up on this server (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, "
                                   "ZOOM_CLIENT_SECRET).")
NOTE_NONE_DURING_PROGRAM = gettext_noop("Zoom lists no occurrence of this meeting during the program's dates.")
NOTE_GAVE_UP = gettext_noop("Zoom could not be reached; gave up after several attempts.")
NOTE_REFUSED = "Zoom refused (HTTP %(status)s, code %(code)s): %(message)s"


def pending_fetch(program, now=None):
    """The program's fetch that is waiting or running, if any (not one lost long ago)."""
    now = now or timezone.now()
    return (
        ZoomFetch.objects.filter(
            program=program, status__in=[Status.QUEUED, Status.RUNNING, Status.RETRYING],
            requested_at__gte=now - STALE_AFTER,
        ).order_by("-requested_at").first()
    )


def can_fetch(program):
    return providers.zoom_target(program) is not None


def request_fetch(program, *, actor=None):
    """Start fetching the program's reports from Zoom in the background; a fetch already under way is reused."""
    with transaction.atomic():
        pending = pending_fetch(program)
        if pending is not None:
            return pending
        fetch = ZoomFetch.objects.create(
            program=program, requested_by=actor if getattr(actor, "pk", None) else None,
        )
        tasks.fetch_zoom_reports.enqueue(fetch.pk)
    return fetch


def run_fetch(fetch_id, attempt=1):
    """The task's work: fetch and import every report of the program's meeting during the program."""
    fetch = ZoomFetch.objects.select_related("program", "requested_by").filter(pk=fetch_id).first()
    if fetch is None or fetch.status in (Status.DONE, Status.FAILED):
        return "nothing to do"
    program = fetch.program
    target = providers.zoom_target(program)
    if target is None:
        return _finish(fetch, Status.FAILED, NOTE_NO_ZOOM_ID)
    if not zoom.is_configured():
        return _finish(fetch, Status.FAILED, NOTE_NOT_CONFIGURED)
    ZoomFetch.objects.filter(pk=fetch.pk).update(status=Status.RUNNING, attempts=attempt)
    try:
        client = zoom.ZoomClient()
        instances = _instances(client, target, program)
        if not instances:
            return _finish(fetch, Status.DONE, NOTE_NONE_DURING_PROGRAM)
        reports = rows = 0
        for instance in instances:
            participants = client.report_participants(target.kind, instance.uuid)
            result = import_zoom_report(
                program, ApiRows(participants), time_zone="UTC", actor=fetch.requested_by,
                source=ZoomReport.Source.API, name=_report_name(program, target, instance),
            )
            reports += 0 if result.already_imported else 1
            rows += result.rows
    except zoom.ZoomRateLimited as exc:
        return _try_again(fetch, attempt, exc.retry_after_seconds)
    except zoom.ZoomUnavailable:
        return _try_again(fetch, attempt, BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS)) - 1])
    except zoom.ZoomRejected as exc:
        # Zoom's reason helps the organiser (a plan without reports, a missing scope); it names no participant.
        note = NOTE_REFUSED % {"status": exc.status, "code": exc.code, "message": exc.zoom_message[:300]}
        return _finish(fetch, Status.FAILED, note)
    return _finish(fetch, Status.DONE, "", reports=reports, rows=rows)


def _instances(client, target, program):
    """The occurrences to read: those that began during the program, else the meeting ID itself."""
    try:
        listed = client.past_instances(target.kind, target.zoom_id)
    except zoom.ZoomRejected as exc:
        if exc.status != 404:
            raise
        listed = []
    if not listed:
        return [zoom.ZoomInstance(uuid=target.zoom_id, start_time=None)]
    earliest, latest = program.starts - WINDOW, program.ends + WINDOW
    chosen = {}
    for instance in listed:
        if instance.start_time is not None and earliest <= instance.start_time <= latest:
            chosen.setdefault(instance.uuid, instance)
    return sorted(chosen.values(), key=lambda instance: instance.start_time)


def _report_name(program, target, instance):
    label = f"Zoom {target.kind} {target.zoom_id}"
    if instance.start_time is None:
        return label
    local = timezone.localtime(instance.start_time, program.tz)
    return f"{label}, {local:%Y-%m-%d %H:%M}"


def _finish(fetch, status, message, *, reports=0, rows=0):
    ZoomFetch.objects.filter(pk=fetch.pk).update(
        status=status, message=str(message)[:500], reports=reports, rows=rows, finished_at=timezone.now(),
    )
    logger.info("Zoom fetch %s for program %s: %s", fetch.pk, fetch.program_id, status)
    return str(status)


def _try_again(fetch, attempt, delay_seconds):
    if attempt >= MAX_ATTEMPTS:
        return _finish(fetch, Status.FAILED, NOTE_GAVE_UP)
    run_after = timezone.now() + dt.timedelta(seconds=max(1, int(delay_seconds)))
    with transaction.atomic():
        ZoomFetch.objects.filter(pk=fetch.pk).update(status=Status.RETRYING)
        tasks.fetch_zoom_reports.using(run_after=run_after).enqueue(fetch.pk, attempt=attempt + 1)
    logger.info("Zoom fetch %s: attempt %s failed, retrying", fetch.pk, attempt)
    return "retrying"
