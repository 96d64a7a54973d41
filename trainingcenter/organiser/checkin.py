"""Onsite check-in pages: the door (scan or search, on a phone), who is here (live, with undo), badges.

- ``checkin_page``: for check-in staff at the door, built for a phone (360 px
  wide). The camera reads badges in the browser (BarcodeDetector where the
  browser has it, the vendored jsQR elsewhere), or staff search by name,
  e-mail, organisation or code and tap. Scans go to ``checkin_scan`` as JSON
  with the session and the CSRF token in a header; each scan carries an id
  made in the browser (``client_key``), and a scan made while the network is
  down waits in the browser's storage and is sent when it is back: the
  server counts a scan sent twice once (``attendance.services.checkins``).
- ``checkin_list``: who is checked in on a day, against who is expected,
  refreshed every few seconds (``?live=1`` answers only the part that
  changes); ``checkin_undo`` takes a check-in back after a confirmation.
- ``program_badges``: every confirmed onsite participant's badge, four to an
  A4 sheet.

Permissions (roles in ``center.roles``): scanning needs ``attendance.add_checkin``
(check-in staff, organisers), the list ``attendance.view_checkin``, undoing
``attendance.delete_checkin`` (organisers); each on a program the user is
assigned to, others are a plain 404, as on every staff page.
"""
import datetime as dt
import json

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trainingcenter.attendance import badges
from trainingcenter.attendance.models import CheckIn
from trainingcenter.attendance.services import checkins
from trainingcenter.registrations.models import Registration

from .views import VIEW_PERMISSION, _context, program_view

CHECK_IN_PERMISSION = "attendance.add_checkin"
LIST_PERMISSION = "attendance.view_checkin"
UNDO_PERMISSION = "attendance.delete_checkin"
# A scan's body is a code, a day and an id: anything much larger is not a scan.
MAX_SCAN_BODY = 2048
# Seconds between two refreshes of the live list.
REFRESH_SECONDS = 5


def _day_choices(program):
    """The program's days as (date, "Day 1 · 10 May") pairs."""
    return [
        (day, _("Day %(number)d · %(date)s") % {"number": number, "date": date_format(day, "MONTH_DAY_FORMAT")})
        for number, day in enumerate(program.local_days(), start=1)
    ]


def _chosen_day(program, source):
    """The day asked for (``day=YYYY-MM-DD``) if it is one of the program's, else the default day."""
    try:
        day = dt.date.fromisoformat(source.get("day", ""))
    except (TypeError, ValueError):
        return checkins.default_day(program)
    return day if day in program.local_days() else checkins.default_day(program)


def _counts(program, day):
    expected = checkins.expected_onsite(program)
    return {
        "checked_in": CheckIn.objects.filter(registration__program=program, day=day).count(),
        "expected": expected.count(),
    }


def _status_label(registration):
    """'Onsite · Confirmed', as staff read a registration in a list."""
    return f"{registration.get_mode_display()} · {registration.get_status_display()}"


@never_cache
@require_GET
@program_view(CHECK_IN_PERMISSION)
def checkin_page(request, program):
    day = _chosen_day(program, request.GET)
    today = checkins.local_today(program)
    config = {
        "program": program.slug,
        "scanUrl": reverse("staff:checkin_scan", kwargs={"slug": program.slug}),
        "searchUrl": reverse("staff:checkin_search", kwargs={"slug": program.slug}),
        "jsqrUrl": static("organiser/vendor/jsqr/jsQR.js"),
        "strings": {
            "queued": _("Saved on this phone: it will be sent when the network is back."),
            "waiting": _("Waiting to be sent"),
            "signedOut": _("You are signed out. Sign in again; the waiting scans will be sent then."),
            "serverError": _("The server did not answer. The scan is kept and will be sent again."),
            "noCamera": _("This browser cannot use the camera here. Search by name instead."),
            "cameraDenied": _("The camera was not allowed. Allow it in the browser's settings, or search by name."),
            "searchOffline": _("Search needs the network. Scans still work and are kept on this phone."),
            "noResults": _("Nobody found."),
            "checkIn": _("Check in"),
            "checkedInAt": _("Checked in at %(time)s"),
            "startCamera": _("Scan with the camera"),
            "stopCamera": _("Stop the camera"),
            "queueCount": _("Scans waiting to be sent: %(count)s"),
        },
    }
    return render(request, "organiser/checkin.html", _context(
        request, program,
        title=_("Check-in: %(program)s") % {"program": program},
        days=_day_choices(program),
        day=day,
        today_is_a_day=today in program.local_days(),
        counts=_counts(program, day),
        config=config,
        may_list=request.user.has_perm(LIST_PERMISSION),
    ))


def _json_error(status, code, message):
    return JsonResponse({"error": {"code": code, "message": str(message)}}, status=status)


def outcome_json(outcome):
    """What the check-in page shows for one scan; the API's answer has the same fields."""
    registration = outcome.registration
    local = outcome.checked_in_at_local
    body = {
        "status": str(outcome.status),
        "tone": outcome.tone,
        "message": outcome.message,
        "name": outcome.name,
        "day": outcome.day.isoformat(),
        "checked_in_at": local.isoformat() if local else None,
        "time": outcome.time,
        "same_scan": outcome.same_scan,
    }
    if registration is not None and registration.program_id == outcome.program.pk and not registration.is_erased:
        body["organization"] = registration.organization
    if outcome.other_program is not None:
        body["other_program"] = {"slug": outcome.other_program.slug, "title": outcome.other_program.title}
    return body


@never_cache
@require_POST
@program_view(CHECK_IN_PERMISSION)
def checkin_scan(request, program):
    """One scan, as JSON: ``{"code": ..., "day": "YYYY-MM-DD", "client_key": ...}``; answers the outcome.

    Every outcome answers 200 (the page shows each one); only a request that
    is not a scan at all answers 400. CSRF is checked as for any POST: the
    page sends the token in the X-CSRFToken header.
    """
    if len(request.body) > MAX_SCAN_BODY:
        return _json_error(400, "invalid", _("This is not a scan."))
    try:
        data = json.loads(request.body)
    except (UnicodeDecodeError, ValueError):
        return _json_error(400, "malformed", _("The request body is not valid JSON."))
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        return _json_error(400, "invalid", _("This is not a scan."))
    day = None
    if data.get("day"):
        try:
            day = dt.date.fromisoformat(str(data["day"]))
        except ValueError:
            return _json_error(400, "invalid", _("Please give the day as YYYY-MM-DD."))
    client_key = data.get("client_key") if isinstance(data.get("client_key"), str) else ""
    outcome = checkins.check_in(program, data["code"], day=day, actor=request.user, client_key=client_key)
    body = outcome_json(outcome)
    body["counts"] = _counts(program, outcome.day)
    return JsonResponse(body)


@never_cache
@require_GET
@program_view(CHECK_IN_PERMISSION)
def checkin_search(request, program):
    """People of this program matching ``q`` (name, e-mail, organisation, code), with their check-in of ``day``."""
    day = _chosen_day(program, request.GET)
    query = request.GET.get("q", "")[:200]
    found = checkins.search_participants(program, query)
    present = checkins.check_ins_by_registration(found, day)
    results = []
    for registration in found:
        row = present.get(registration.pk)
        results.append({
            "name": registration.full_name,
            "organization": registration.organization,
            "country": registration.country.name if registration.country else "",
            "status": _status_label(registration),
            "can_check_in": registration.status == Registration.Status.CONFIRMED
            and registration.mode == Registration.Mode.ONSITE,
            "code": registration.checkin_code,
            "checked_in_time": timezone.localtime(row.checked_in_at, program.tz).strftime("%H:%M") if row else "",
        })
    return JsonResponse({"query": query, "day": day.isoformat(), "results": results, "counts": _counts(program, day)})


def _list_context(request, program, day):
    rows = list(checkins.check_ins_on(program, day))
    checked_in_ids = {row.registration_id for row in rows}
    expected = list(checkins.expected_onsite(program).order_by("family_name", "given_name", "pk"))
    zone = program.tz
    return {
        "day": day,
        "rows": [
            {"check_in": row, "time": timezone.localtime(row.checked_in_at, zone).strftime("%H:%M"),
             "registration": row.registration}
            for row in rows
        ],
        "missing": [registration for registration in expected if registration.pk not in checked_in_ids],
        "checked_in_count": len(rows),
        "expected_count": len(expected),
        "may_undo": request.user.has_perm(UNDO_PERMISSION),
        "updated_at": timezone.localtime(timezone.now(), zone).strftime("%H:%M:%S"),
    }


@never_cache
@require_GET
@program_view(LIST_PERMISSION)
def checkin_list(request, program):
    """Who is checked in on a day, the latest first, and who is still expected; ``?live=1``: that part alone."""
    day = _chosen_day(program, request.GET)
    context = _list_context(request, program, day)
    if request.GET.get("live"):
        return render(request, "organiser/checkin_list_live.html", {"program": program, **context})
    return render(request, "organiser/checkin_list.html", _context(
        request, program,
        title=_("Checked in: %(program)s") % {"program": program},
        days=_day_choices(program),
        refresh_seconds=REFRESH_SECONDS,
        may_scan=request.user.has_perm(CHECK_IN_PERMISSION),
        **context,
    ))


@require_http_methods(["GET", "POST"])
@program_view(UNDO_PERMISSION)
def checkin_undo(request, program, pk):
    """Confirm, then take back one check-in (POST); the history keeps both."""
    row = get_object_or_404(CheckIn.objects.select_related("registration"), pk=pk, registration__program=program)
    back = reverse("staff:checkin_list", kwargs={"slug": program.slug}) + f"?day={row.day.isoformat()}"
    if request.method == "POST":
        if checkins.undo_check_in(row, actor=request.user):
            messages.success(request, _("The check-in of %(name)s on %(day)s was undone.") % {
                "name": row.registration.full_name, "day": date_format(row.day, "DATE_FORMAT"),
            })
        return redirect(back)
    return render(request, "organiser/checkin_undo.html", _context(
        request, program,
        title=_("Undo a check-in"),
        check_in=row,
        time=timezone.localtime(row.checked_in_at, program.tz).strftime("%H:%M"),
        back_url=back,
    ))


@require_GET
@program_view(VIEW_PERMISSION)
def program_badges(request, program):
    """Every confirmed onsite participant's badge, four to an A4 sheet; a page that says so when there is none."""
    registrations = badges.badge_registrations(program)
    if not registrations:
        messages.info(request, _("No confirmed onsite participants yet: there are no badges to print."))
        return redirect("staff:program_registrations", slug=program.slug)
    response = HttpResponse(badges.render_badges(program, registrations), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{badges.sheet_filename(program)}"'
    response["Cache-Control"] = "no-store"
    return response

