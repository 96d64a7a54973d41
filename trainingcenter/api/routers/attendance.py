"""Attendance over JSON (staff): import a Zoom participant report, and read who attended under the program's rule.

The same rules as the organisers' attendance pages: a staff token, a program
you manage, ``registrations.view_registration`` to read and
``registrations.change_registration`` to import.
"""
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from ninja import Field as NinjaField
from ninja import File, Form, Query, Router, UploadedFile
from ninja.decorators import decorate_view

from trainingcenter.attendance import rules
from trainingcenter.attendance.services import zoom_import
from trainingcenter.attendance.uploads import limit_uploads
from trainingcenter.attendance.zoom_reports import MAX_FILE_BYTES, ReportError, too_large_message

from ..access import managed_program, require_perm
from ..auth import StaffToken
from ..errors import STAFF, ApiError, answers, payload
from ..schemas.attendance import AttendanceList, ZoomImportOut
from ..schemas.base import QueryInput, SlugPath
from ..schemas.registrations import ModeLiteral

router = Router(tags=["attendance"])

# Room for the form's other fields and the multipart boundaries around the file.
REQUEST_MAX_BYTES = MAX_FILE_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def limit_upload_size(run):
    """Refuse a too large upload before it is stored: at once by its length, else as it arrives.

    A request longer than the limit is answered 413 before it is read. A file
    that turns out longer while it arrives is dropped by the upload handler
    (``attendance.uploads``); ninja then misses the file, and the 400 that
    says so becomes the 422 that says why.
    """

    @wraps(run)
    def wrapped(request, *args, **kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > REQUEST_MAX_BYTES:
            return JsonResponse(payload("too_large", too_large_message()), status=413)
        upload_limit = limit_uploads(request)
        response = run(request, *args, **kwargs)
        if upload_limit.too_large and response.status_code == 400:
            message = too_large_message()
            return JsonResponse(payload("invalid_report", message, {"file": [message]}, reason="too_large"),
                                status=422)
        return response

    return wrapped


@router.post(
    "/programs/{slug}/attendance/zoom-report",
    auth=StaffToken(),
    response=answers({200: ZoomImportOut}, 400, 413, STAFF, 404, 422),
    summary="Import a Zoom participant report (staff)",
    description=(
        "Needs registrations.change_registration and a program you manage. Multipart form data: the report "
        "as Zoom exports it (CSV: the meeting participant report, with or without the meeting's summary "
        "lines, or the webinar attendee report; UTF-8 with or without BOM; at most 20 MB) in `file`, and "
        "optionally `time_zone`, the IANA zone its times are read in (default: the program's). Rows are "
        "matched to registrations by Zoom registrant id, e-mail, then name. Importing the same report again "
        "changes nothing (`already_imported`); another day's report adds that day. A file that is not such a "
        "report answers 422 `invalid_report` with the reason in `fields.file`, and imports nothing; an unknown "
        "time zone answers 400; a request over 21 MB answers 413."
    ),
)
@decorate_view(limit_upload_size)
def import_report(request, slug: SlugPath, file: File[UploadedFile],
                  time_zone: str | None = Form(None, max_length=64)):  # noqa: B008 - ninja's declaration
    require_perm(request.auth, "registrations.change_registration")
    program = managed_program(request.auth, slug)
    zone = (time_zone or "").strip() or program.time_zone
    try:
        zoom_import.check_time_zone(zone)
    except ReportError as error:
        raise ApiError(400, "invalid", error.message, {"time_zone": [error.message]}) from None
    try:
        result = zoom_import.import_zoom_report(
            program, file, time_zone=zone, actor=request.auth, name=file.name or "",
        )
    except ReportError as error:
        raise ApiError(422, "invalid_report", error.message, {"file": [error.message]}, reason=error.code) from None
    return {
        "report_id": result.report.pk, "already_imported": result.already_imported, "rows": result.rows,
        "matched": result.matched, "unmatched": result.unmatched, "ignored": result.ignored,
        "skipped": result.skipped, "people": result.people, "unmatched_people": result.unmatched_people,
        "intervals_stored": result.intervals_stored, "time_zone": result.report.time_zone,
    }


class AttendanceFilters(QueryInput):
    mode: ModeLiteral | None = None
    attended: bool | None = NinjaField(None, description="Only those who attended (true) or did not (false)")
    limit: int = NinjaField(1000, ge=1, le=10_000)
    offset: int = NinjaField(0, ge=0, le=10_000_000)


@router.get(
    "/programs/{slug}/attendance",
    auth=StaffToken(),
    response=answers({200: AttendanceList}, 400, STAFF, 404),
    summary="Who attended a program, under its rule (staff)",
    description=(
        "Needs registrations.view_registration and a program you manage. One item per confirmed registration: "
        "online minutes (the union of their Zoom connections, clipped to the scheduled sessions), days checked "
        "in onsite, and `attended` after the organisers' decisions, with the `reason`. `count` is the total "
        "before limit/offset."
    ),
)
def list_attendance(request, slug: SlugPath, filters: Query[AttendanceFilters]):
    require_perm(request.auth, "registrations.view_registration")
    program = managed_program(request.auth, slug)
    rule = rules.rule_for(program)
    results = rules.program_results(program, rule=rule)
    if filters.mode:
        results = [result for result in results if result.mode == filters.mode]
    if filters.attended is not None:
        results = [result for result in results if result.attended == filters.attended]
    return {
        "count": len(results),
        "threshold_percent": rule.threshold,
        "scheduled_minutes": rule.scheduled_minutes,
        "required_days": rule.required_days,
        "items": results[filters.offset : filters.offset + filters.limit],
    }
